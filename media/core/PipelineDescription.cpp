#include "core/PipelineDescription.h"

#include <algorithm>
#include <sstream>

namespace chamber::media {

namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// The H.264 encoder: a hardware one when the machine has it, x264 otherwise.
std::string encoder(const Output& o, bool hardware) {
  const int gop = o.fps * o.keyframe_s;
  if (hardware)
    return "vaapih264enc rate-control=cbr bitrate=" + std::to_string(o.videoBitrate_kbps) +
           " keyframe-period=" + std::to_string(gop);
  // scenecut=0: a fixed GOP (a keyframe every keyframe_s, never one on a cut between cameras),
  // so that HLS and recording segments stay multiples of it. nal-hrd=cbr with filler: a true
  // constant bitrate (the HRD's CBR, padded with filler data when the picture is still) as
  // YouTube and Facebook ask — pass=cbr alone only caps the rate. A 1-s VBV buffer.
  return "x264enc tune=zerolatency speed-preset=veryfast bframes=0 pass=cbr vbv-buf-capacity=1000 "
         "option-string=scenecut=0:nal-hrd=cbr:filler=1 bitrate=" +
         std::to_string(o.videoBitrate_kbps) + " key-int-max=" + std::to_string(gop);
}

}  // namespace

std::string describeCamera(const Camera& c, const std::string& caps, const std::string& channel) {
  std::ostringstream d;
  if (c.kind == "v4l2")
    d << "v4l2src device=" << quote(c.device);
  else  // rtsp: over TCP (a camera on the chamber's switch; no UDP ports to open), little
        // jitter buffer — the picture is live
    d << "rtspsrc location=" << quote(c.url) << " protocols=tcp latency=100 ! decodebin";
  d << " ! videoconvert ! videoscale ! videorate ! " << caps
    << " ! intervideosink name=" << element::kCameraSink << " channel=" << quote(channel);
  return d.str();
}

LowerThirdLayout lowerThirdLayout(const Output& o) {
  LowerThirdLayout l;
  l.xpad = (o.width * 6 + 99) / 100;    // 6 % (title safe: 5 %)
  l.ypad = (o.height * 12 + 99) / 100;  // 12 %: above a web player's controls
  const double charPx = 1.1 * l.fontPt * o.width / 960.0;
  l.charsPerLine = static_cast<int>((o.width - 2 * l.xpad) / charPx);
  return l;
}

PipelineSpec describePipeline(const Hardware& hw, const std::filesystem::path& recordDir,
                              const std::filesystem::path& hlsDir, bool publicOutputs,
                              std::int64_t startedMs, bool hardwareEncoder) {
  using namespace element;
  PipelineSpec spec;
  spec.publicOutputs = publicOutputs;
  const Output& o = hw.output;
  const std::string caps = "video/x-raw,format=I420,width=" + std::to_string(o.width) +
                           ",height=" + std::to_string(o.height) +
                           ",framerate=" + std::to_string(o.fps) + "/1";
  std::ostringstream d;
  int pad = 0;
  // One camera: straight to the lower third. Several: a compositor, not an input-selector:
  // switching only changes pad alpha, so the encoder sees one continuous stream (an
  // input-selector's new segment made x264 insert a keyframe and broke the fixed 2-s GOP).
  // The compositor costs ~0.3 ms a frame at 720p, so a one-camera chamber goes without.
  spec.switching = hw.cameras.size() > 1;
  for (const Camera& c : hw.cameras) {
    if (c.kind == "test") {
      d << "videotestsrc is-live=true pattern=" << c.pattern
        << " ! videoconvert ! videoscale ! videorate ! " << caps;
      // The wall clock painted on each frame as it leaves the camera (Pipeline.cpp).
      if (c.clock) d << " ! identity name=" << kClockPrefix << c.id;
    } else {
      // A real camera is received by a pipeline of its own (core: describeCamera), handed
      // over through an inter channel: when it drops off the network only that pipeline
      // fails — it is rebuilt until the camera answers again — and the program goes on (the
      // channel gives the last picture for 1 s, then black, while the shot moves away).
      const std::string channel = std::string(kCameraChannelPrefix) + c.id;
      spec.cameraBranches[c.id] = describeCamera(c, caps, channel);
      d << "intervideosrc channel=" << quote(channel) << " timeout=1000000000 ! " << caps;
    }
    d << " ! queue max-size-buffers=3 leaky=downstream ! ";
    if (spec.switching)
      d << kCompositor << ".sink_" << pad << "\n";  // (only the pad on the program has alpha 1)
    spec.cameraPad[c.id] = pad++;
  }
  if (spec.switching)
    d << "compositor name=" << kCompositor << " background=black ! " << caps << " ! ";
  // The lower third on a solid black band (shading 255: white text on black, contrast about
  // 15:1 whatever the picture), no outline or shadow needed on it.
  spec.lowerThird = lowerThirdLayout(o);
  d << "textoverlay name=" << kLowerThird
    << " valignment=bottom halignment=left line-alignment=left shaded-background=true "
       "shading-value=255 draw-shadow=false draw-outline=false xpad="
    << spec.lowerThird.xpad << " ypad=" << spec.lowerThird.ypad << " font-desc=\"DejaVu Sans "
    << spec.lowerThird.fontPt << "\" ! videoconvert ! " << encoder(o, hardwareEncoder)
    << " name=" << kEncoder << " ! tee name=vt allow-not-linked=true\n";
  const std::string acaps = "audio/x-raw,rate=" + std::to_string(o.audioRate) + ",channels=2";
  const bool mixing = hw.microphones.size() > 1;
  for (const Microphone& m : hw.microphones) {
    if (m.kind == "test")
      d << "audiotestsrc is-live=true volume=" << m.volume << " freq=" << m.frequency;
    else if (m.kind == "alsa")
      d << "alsasrc device=" << quote(m.device);
    else
      d << "pulsesrc" << (m.device.empty() ? "" : " device=" + quote(m.device));
    d << " ! audioconvert ! audioresample ! " << acaps << " ! level name=" << kLevelPrefix << m.id
      << " interval=500000000 post-messages=true ! queue ! " << (mixing ? "mix.\n" : "");
  }
  // One microphone needs no mixer.
  if (mixing) d << "audiomixer name=mix ! audioconvert ! ";
  const bool webrtc = publicOutputs && hw.webrtc.enabled();
  d << acaps << (webrtc ? " ! tee name=araw ! queue" : "")
    << " ! voaacenc bitrate=" << o.audioBitrate_kbps * 1000
    << " ! tee name=at allow-not-linked=true\n";
  // (1) recording: MPEG-TS written unbuffered: it plays up to its last packet, so a kill -9
  // loses only what the encoder and muxer still held (< 1 s). (splitmuxsink holds a whole
  // GOP before it writes: 2 s would be lost.) Segments of segment_s: at each boundary the
  // encoder is asked for the keyframe it would make anyway (a fixed GOP, Pipeline::splitIfDue),
  // and multifilesink starts a new file on that key unit — no GOP is held back.
  spec.recordingFile = "recording-" + std::to_string(startedMs) + "-%05d.ts";
  d << "mpegtsmux name=" << kRecordingMux << " ! multifilesink name=" << kRecordingFile
    << " sync=false next-file=key-unit-event location="
    << quote((recordDir / spec.recordingFile).string()) << "\n";
  d << "vt. ! queue ! h264parse config-interval=-1 ! " << kRecordingMux << ".\n";
  d << "at. ! queue ! aacparse ! " << kRecordingMux << ".\n";
  if (publicOutputs) {
    // (2) HLS for the portal: MPEG-TS written as it comes and cut at a keyframe once a
    // segment is long enough — a segment is in the playlist as soon as its last frame is
    // written (hlssink2's splitmuxsink held a whole GOP back: 2 s more delay). No keyframe
    // requests: the fixed GOP already lands on the segment boundaries. The playlist is
    // chamber-media's own (core/LivePlaylist.h), told of each closed file by a bus message.
    // A slow disk or reader never holds the encoder back (leaky queues).
    const std::int64_t gop_ns = static_cast<std::int64_t>(o.keyframe_s) * 1000000000;
    const std::int64_t minSegment_ns =
        std::max<std::int64_t>(gop_ns / 2, o.hlsSegment_s * 1000000000LL - gop_ns / 2);
    spec.liveFile = "live-" + std::to_string(startedMs) + "-%05d.ts";
    d << "mpegtsmux name=" << kHlsMux << " ! multifilesink name=" << kHls
      << " sync=false post-messages=true next-file=key-frame min-keyframe-distance="
      << minSegment_ns << " location=" << quote((hlsDir / spec.liveFile).string()) << "\n";
    d << "vt. ! queue leaky=downstream max-size-time=4000000000 ! h264parse config-interval=-1 ! "
      << kHlsMux << ".\n";
    d << "at. ! queue leaky=downstream max-size-time=4000000000 ! aacparse ! " << kHlsMux << ".\n";
    // (3) the live view in WebRTC: RTP to the fan-out server (Janus) on this machine — the
    // same H.264 (no second encode; each keyframe carries its SPS/PPS for viewers who join),
    // the sound in Opus (browsers' WebRTC has no AAC).
    if (webrtc) {
      const std::string host = quote(hw.webrtc.host);
      d << "vt. ! queue leaky=downstream max-size-time=1000000000 ! h264parse config-interval=-1 "
           "! rtph264pay name="
        << kWebRtcVideo
        << " pt=96 config-interval=-1 aggregate-mode=zero-latency mtu=1200 ! udpsink host=" << host
        << " port=" << hw.webrtc.videoPort << " sync=false async=false\n";
      d << "araw. ! queue leaky=downstream max-size-time=1000000000 ! audioresample ! "
           "audio/x-raw,rate=48000 ! opusenc bitrate=64000 frame-size=20 ! rtpopuspay pt=111 ! "
           "udpsink host="
        << host << " port=" << hw.webrtc.audioPort << " sync=false async=false\n";
    }
    // (4) one FLV per RTMP(S) destination, handed to its own sending pipeline (PushBranch).
    for (std::size_t i = 0; i < hw.destinations.size(); ++i) {
      const std::string n = std::to_string(i);
      d << "vt. ! queue leaky=downstream max-size-time=4000000000 ! h264parse config-interval=-1 ! "
           "flvmux name=flv"
        << n << " streamable=true ! appsink name=" << kPushPrefix << n
        << " sync=false emit-signals=true max-buffers=500 drop=true\n";
      d << "at. ! queue leaky=downstream max-size-time=4000000000 ! aacparse ! flv" << n << ".\n";
    }
  }
  spec.launch = d.str();
  return spec;
}

std::string classifyError(const std::string& source) {
  using namespace element;
  // The recording's and the live stream's muxers and writers: a failure there is the disk's.
  for (const char* name : {kRecordingMux, kRecordingFile, kHls, kHlsMux})
    if (source == name || source.rfind(std::string(name) + "-", 0) == 0) return "storage";
  for (const char* prefix : {"multifilesink", "filesink"})
    if (source.rfind(prefix, 0) == 0) return "storage";
  return "pipeline";
}

}  // namespace chamber::media
