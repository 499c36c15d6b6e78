#include "pipeline/Pipeline.h"

#include <cstdio>
#include <fstream>

#include "protocol/Reconnect.h"
#include <gst/app/gstappsrc.h>
#include <gst/video/video-event.h>
#include <sstream>

namespace chamber::media {

namespace fs = std::filesystem;

const char* stateName(MediaState s) {
  switch (s) {
    case MediaState::Idle: return "idle";
    case MediaState::Starting: return "starting";
    case MediaState::Live: return "live";
    case MediaState::Reconnecting: return "reconnecting";
    case MediaState::Failed: return "failed";
  }
  return "idle";
}

namespace {

std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// A folder we can create and write into, or the reason we cannot.
std::string checkWritable(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "không tạo được thư mục / cannot create " + dir.string() + ": " + ec.message();
  const fs::path probe = dir / ".write-test";
  {
    std::ofstream f(probe);
    if (!(f << "x") || !f.flush()) return "không ghi được vào / cannot write to " + dir.string();
  }
  fs::remove(probe, ec);
  return {};
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// The H.264 encoder: a hardware one when the machine has it, x264 otherwise.
std::string encoder(const Output& o) {
  const int gop = o.fps * o.keyframe_s;
  if (GstElementFactory* f = gst_element_factory_find("vaapih264enc")) {
    gst_object_unref(f);
    return "vaapih264enc rate-control=cbr bitrate=" + std::to_string(o.videoBitrate_kbps) +
           " keyframe-period=" + std::to_string(gop);
  }
  // scenecut=0: a fixed GOP (a keyframe every keyframe_s, never one on a cut between cameras),
  // so that HLS and recording segments stay multiples of it.
  return "x264enc tune=zerolatency speed-preset=veryfast bframes=0 pass=cbr option-string=scenecut=0 bitrate=" +
         std::to_string(o.videoBitrate_kbps) + " key-int-max=" + std::to_string(gop);
}

}  // namespace

Pipeline::Pipeline(const Hardware& hw, fs::path recordDir, fs::path hlsDir)
    : hw_(hw), recordDir_(std::move(recordDir)), hlsDir_(std::move(hlsDir)) {
  if (!gst_is_initialized()) gst_init(nullptr, nullptr);
}

Pipeline::~Pipeline() {
  for (auto& p : pushes_) detach(*p);
  if (pipeline_) {
    gst_element_set_state(pipeline_, GST_STATE_NULL);
    gst_object_unref(pipeline_);
  }
}

void Pipeline::setState(MediaState s, const std::string& error, const std::string& detail) {
  if (s == state_ && error == error_) return;
  state_ = s;
  error_ = redactKeys(hw_, error);
  if (onState) onState(s, error_, redactKeys(hw_, detail));
}

std::string Pipeline::build() {
  const Output& o = hw_.output;
  const std::string caps = "video/x-raw,format=I420,width=" + std::to_string(o.width) + ",height=" +
                           std::to_string(o.height) + ",framerate=" + std::to_string(o.fps) + "/1";
  std::ostringstream d;
  int pad = 0;
  // One camera: straight to the lower third. Several: a compositor, not an input-selector:
  // switching only changes pad alpha, so the encoder sees one continuous stream (an
  // input-selector's new segment made x264 insert a keyframe and broke the fixed 2-s GOP).
  // The compositor costs ~0.3 ms a frame at 720p, so a one-camera chamber goes without.
  const bool switching = hw_.cameras.size() > 1;
  for (const Camera& c : hw_.cameras) {
    if (c.kind == "test") d << "videotestsrc is-live=true pattern=" << c.pattern;
    else if (c.kind == "v4l2") d << "v4l2src device=" << quote(c.device);
    else d << "uridecodebin uri=" << quote(c.url);
    d << " ! videoconvert ! videoscale ! videorate ! " << caps << " ! queue max-size-buffers=3 leaky=downstream ! ";
    if (switching) d << "sel.sink_" << pad << "\n";  // (only the pad on the program has alpha 1)
    cameraPad_[c.id] = pad++;
  }
  if (switching) d << "compositor name=sel background=black ! " << caps << " ! ";
  d << "textoverlay name=lowerthird valignment=bottom halignment=left "
       "line-alignment=left shaded-background=true font-desc=\"DejaVu Sans "
    << std::max(8, o.height / 56) << "\" ! videoconvert ! " << encoder(o) << " name=encoder ! tee name=vt allow-not-linked=true\n";
  const std::string acaps = "audio/x-raw,rate=" + std::to_string(o.audioRate) + ",channels=2";
  const bool mixing = hw_.microphones.size() > 1;
  for (const Microphone& m : hw_.microphones) {
    if (m.kind == "test") d << "audiotestsrc is-live=true volume=" << m.volume << " freq=" << m.frequency;
    else if (m.kind == "alsa") d << "alsasrc device=" << quote(m.device);
    else d << "pulsesrc" << (m.device.empty() ? "" : " device=" + quote(m.device));
    d << " ! audioconvert ! audioresample ! " << acaps << " ! level name=level_" << m.id
      << " interval=500000000 post-messages=true ! queue ! " << (mixing ? "mix.\n" : "");
  }
  // One microphone needs no mixer.
  if (mixing) d << "audiomixer name=mix ! audioconvert ! ";
  d << acaps << " ! voaacenc bitrate=" << o.audioBitrate_kbps * 1000
    << " ! tee name=at allow-not-linked=true\n";
  // (1) recording: one MPEG-TS file per start, written unbuffered. MPEG-TS plays up to its
  // last packet, so a kill -9 loses only what the encoder and muxer still held (< 1 s).
  // (splitmuxsink holds a whole GOP before it writes: 2 s would be lost.)
  // Segments of segment_s: at each boundary the encoder is asked for the keyframe it would
  // make anyway (a fixed GOP), and multifilesink starts a new file on that key unit — no
  // GOP is held back, so a kill -9 still loses < 1 s.
  recordingFile_ = "recording-" + std::to_string(wallMs()) + "-%05d.ts";
  d << "mpegtsmux name=recmux ! multifilesink name=recfile sync=false next-file=key-unit-event location="
    << quote((recordDir_ / recordingFile_).string()) << "\n";
  d << "vt. ! queue ! h264parse config-interval=-1 ! recmux.\n";
  d << "at. ! queue ! aacparse ! recmux.\n";
  if (!publicOutputs_) return d.str();  // a closed sitting: nothing leaves the building
  // (2) HLS for the portal: a slow reader never holds the encoder back.
  // No keyframe requests from HLS: the fixed GOP already lands on its segment boundaries,
  // and a request would reach the recording too and cut a segment there.
  d << "hlssink2 name=hls send-keyframe-requests=false target-duration=" << o.hlsSegment_s << " playlist-length=" << o.hlsPlaylistLength
    << " max-files=" << o.hlsPlaylistLength * 2
    << " location=" << quote((hlsDir_ / "segment%05d.ts").string())
    << " playlist-location=" << quote((hlsDir_ / "index.m3u8").string()) << "\n";
  d << "vt. ! queue leaky=downstream max-size-time=4000000000 ! h264parse ! hls.video\n";
  d << "at. ! queue leaky=downstream max-size-time=4000000000 ! aacparse ! hls.audio\n";
  // (3) one FLV per RTMP(S) destination, handed to its own sending pipeline.
  for (std::size_t i = 0; i < hw_.destinations.size(); ++i) {
    const std::string n = std::to_string(i);
    d << "vt. ! queue leaky=downstream max-size-time=4000000000 ! h264parse config-interval=-1 ! flvmux name=flv" << n
      << " streamable=true ! appsink name=push" << n << " sync=false emit-signals=true max-buffers=500 drop=true\n";
    d << "at. ! queue leaky=downstream max-size-time=4000000000 ! aacparse ! flv" << n << ".\n";
  }
  return d.str();
}

std::string Pipeline::start(bool publicOutputs) {
  publicOutputs_ = publicOutputs;
  setState(MediaState::Starting);
  for (const auto& dir : {recordDir_, hlsDir_}) {
    if (auto err = checkWritable(dir); !err.empty()) {
      setState(MediaState::Failed, "storage", err);
      return err;
    }
  }
  description_ = build();
  GError* err = nullptr;
  pipeline_ = gst_parse_launch(description_.c_str(), &err);
  if (err) {
    const std::string msg = std::string("pipeline: ") + err->message;
    g_error_free(err);
    if (pipeline_) gst_object_unref(pipeline_);
    pipeline_ = nullptr;
    setState(MediaState::Failed, "pipeline", msg);
    return msg;
  }
  selector_ = gst_bin_get_by_name(GST_BIN(pipeline_), "sel");  // null with one camera
  overlay_ = gst_bin_get_by_name(GST_BIN(pipeline_), "lowerthird");
  if (selector_) gst_object_unref(selector_);  // the bin keeps them alive
  gst_object_unref(overlay_);
  const Camera* first = hw_.overview();
  show({first ? first->id : "", std::nullopt, "", ""});  // the overview until someone speaks
  if (gst_element_set_state(pipeline_, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    setState(MediaState::Failed, "pipeline", "cannot start the pipeline (a camera or microphone is missing?)");
    return error_;
  }
  recordingStarted_ms_ = wallMs();
  for (std::size_t i = 0; publicOutputs_ && i < hw_.destinations.size(); ++i) {
    auto p = std::make_unique<Push>();
    p->dest = hw_.destinations[i];
    p->sink = gst_bin_get_by_name(GST_BIN(pipeline_), ("push" + std::to_string(i)).c_str());
    g_signal_connect(p->sink, "new-sample", G_CALLBACK(&Pipeline::onSample), p.get());
    gst_object_unref(p->sink);  // the pipeline keeps it
    try {
      p->url = destinationUrl(p->dest);
    } catch (const std::exception& e) {
      p->failedForGood = true;
      setState(state_, "stream", e.what());
    }
    pushes_.push_back(std::move(p));
  }
  for (auto& p : pushes_)
    if (!p->failedForGood) attach(*p);
  const auto now = std::chrono::steady_clock::now();
  for (const auto& m : hw_.microphones) lastSound_[m.id] = now;
  return {};
}

void Pipeline::show(const Shot& shot) {
  if (!pipeline_) return;
  auto it = cameraPad_.find(shot.camera);
  if (it != cameraPad_.end() && selector_) {
    for (const auto& [id, index] : cameraPad_) {
      const std::string name = "sink_" + std::to_string(index);
      if (GstPad* pad = gst_element_get_static_pad(selector_, name.c_str())) {
        g_object_set(pad, "alpha", index == it->second ? 1.0 : 0.0, nullptr);
        gst_object_unref(pad);
      }
    }
  }
  const std::string text = shot.speaker.empty() ? shot.item : shot.item + "\n" + shot.speaker;
  g_object_set(overlay_, "text", text.c_str(), "silent", text.empty(), nullptr);
}

bool Pipeline::handle(GstMessage* msg) {
  switch (GST_MESSAGE_TYPE(msg)) {
    case GST_MESSAGE_ERROR: {
      GError* e = nullptr;
      gchar* dbg = nullptr;
      gst_message_parse_error(msg, &e, &dbg);
      const std::string source = GST_OBJECT_NAME(GST_MESSAGE_SRC(msg));
      std::string what = e ? e->message : "error";
      // A failing HLS writer or recorder is a storage problem; anything else the pipeline's.
      const bool storage = source.rfind("rec", 0) == 0 || source.rfind("hls", 0) == 0 ||
                           source.find("sink") != std::string::npos || source.find("mux") != std::string::npos;
      setState(MediaState::Failed, storage ? "storage" : "pipeline", source + ": " + what);
      if (e) g_error_free(e);
      g_free(dbg);
      return false;
    }
    case GST_MESSAGE_EOS:
      eos_ = true;
      setState(MediaState::Idle);
      return false;
    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC(msg) == GST_OBJECT(pipeline_)) {
        GstState oldS, newS, pending;
        gst_message_parse_state_changed(msg, &oldS, &newS, &pending);
        if (newS == GST_STATE_PLAYING) setState(MediaState::Live);
      }
      return true;
    case GST_MESSAGE_ELEMENT: {
      const GstStructure* s = gst_message_get_structure(msg);
      if (!s || !gst_structure_has_name(s, "level")) return true;
      const std::string src = GST_OBJECT_NAME(GST_MESSAGE_SRC(msg));
      const std::string mic = src.rfind("level_", 0) == 0 ? src.substr(6) : src;
      const GValue* rms = gst_structure_get_value(s, "rms");
      double loudest = -200;
      if (rms && G_VALUE_HOLDS(rms, G_TYPE_VALUE_ARRAY)) {
        auto* arr = static_cast<GValueArray*>(g_value_get_boxed(rms));
        for (guint i = 0; arr && i < arr->n_values; ++i)
          loudest = std::max(loudest, g_value_get_double(g_value_array_get_nth(arr, i)));
      }
      const auto now = std::chrono::steady_clock::now();
      if (loudest > -60) lastSound_[mic] = now;
      const bool silent = now - lastSound_[mic] > std::chrono::seconds(hw_.output.silenceReport_s);
      if (silent != silent_[mic]) {
        silent_[mic] = silent;
        if (state_ == MediaState::Live && onState)
          onState(state_, silent ? "silence" : "", silent ? "micrô im lặng / silent microphone: " + mic : "");
      }
      return true;
    }
    default:
      return true;
  }
}

GstFlowReturn Pipeline::onSample(GstElement* appsink, gpointer data) {
  // Streaming thread of the main pipeline: hand the FLV on, or drop it while there is no
  // connection. Never blocks.
  auto* p = static_cast<Push*>(data);
  GstSample* sample = nullptr;
  g_signal_emit_by_name(appsink, "pull-sample", &sample);
  if (!sample) return GST_FLOW_OK;
  std::lock_guard<std::mutex> guard(p->lock);
  GstBuffer* buf = gst_sample_get_buffer(sample);
  if (p->src && buf) {
    const bool key = !GST_BUFFER_FLAG_IS_SET(buf, GST_BUFFER_FLAG_DELTA_UNIT);
    if (p->waitKey && key) {
      p->waitKey = false;
      gst_app_src_set_caps(GST_APP_SRC(p->src), gst_sample_get_caps(sample));  // FLV headers
    }
    if (!p->waitKey) {
      GstBuffer* copy = gst_buffer_copy(buf);
      GST_BUFFER_PTS(copy) = GST_BUFFER_DTS(copy) = GST_CLOCK_TIME_NONE;  // FLV tags carry the time
      gst_app_src_push_buffer(GST_APP_SRC(p->src), copy);
    }
  }
  gst_sample_unref(sample);
  return GST_FLOW_OK;
}

void Pipeline::attach(Push& p) {
  const std::string desc = "appsrc name=src is-live=true format=bytes max-bytes=4000000 block=false ! "
                           "rtmp2sink name=sink sync=false async-connect=true location=\"" + p.url + "\"";
  GError* err = nullptr;
  GstElement* out = gst_parse_launch(desc.c_str(), &err);
  if (err) {
    g_error_free(err);
    p.failedForGood = true;
    return;
  }
  GstElement* src = gst_bin_get_by_name(GST_BIN(out), "src");
  gst_element_set_state(out, GST_STATE_PLAYING);
  {
    std::lock_guard<std::mutex> guard(p.lock);
    p.out = out;
    p.src = src;
    p.waitKey = true;
  }
  std::fprintf(stderr, "[media] pushing to %s\n", redactUrl(p.url).c_str());  // never the key
}

void Pipeline::detach(Push& p) {
  GstElement* out = nullptr;
  GstElement* src = nullptr;
  {
    std::lock_guard<std::mutex> guard(p.lock);
    std::swap(out, p.out);
    std::swap(src, p.src);
    p.connected = false;
  }
  if (src) gst_object_unref(src);
  if (out) {
    gst_element_set_state(out, GST_STATE_NULL);
    gst_object_unref(out);
  }
}

void Pipeline::tick() {
  if (!pipeline_ || state_ == MediaState::Failed) return;
  const auto now = std::chrono::steady_clock::now();
  splitIfDue();
  for (auto& pp : pushes_) {
    Push& p = *pp;
    if (p.out) {
      GstBus* bus = gst_element_get_bus(p.out);
      while (GstMessage* m = gst_bus_pop_filtered(bus, static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_STATE_CHANGED))) {
        if (GST_MESSAGE_TYPE(m) == GST_MESSAGE_ERROR) {
          GError* e = nullptr;
          gst_message_parse_error(m, &e, nullptr);
          const std::string what = e ? e->message : "error";
          g_clear_error(&e);
          gst_message_unref(m);
          gst_object_unref(bus);
          bus = nullptr;
          // The stream server dropped or refused us: only this destination waits and retries.
          detach(p);
          const auto delay = chamber::protocol::reconnectDelay_ms(chamber::protocol::ReconnectPolicy{}, p.attempt++, g_random_double());
          p.retryAt = now + std::chrono::milliseconds(delay.value_or(30000));
          setState(MediaState::Reconnecting, "stream", p.dest.id + ": " + what);
          break;
        }
        if (GST_MESSAGE_SRC(m) == GST_OBJECT(p.out)) {
          GstState o, n, pend;
          gst_message_parse_state_changed(m, &o, &n, &pend);
          if (n == GST_STATE_PLAYING) p.connected = true;
        }
        gst_message_unref(m);
      }
      if (bus) gst_object_unref(bus);
    } else if (!p.failedForGood && now >= p.retryAt) {
      attach(p);
    }
  }
  updatePushState();
}

void Pipeline::splitIfDue() {
  GstClock* clock = gst_element_get_clock(pipeline_);
  if (!clock) return;
  const GstClockTime running = gst_clock_get_time(clock) - gst_element_get_base_time(pipeline_);
  gst_object_unref(clock);
  const GstClockTime gop = static_cast<GstClockTime>(hw_.output.keyframe_s) * GST_SECOND;
  const GstClockTime seg = static_cast<GstClockTime>(hw_.output.segment_s) * GST_SECOND;
  if (nextSplit_ == 0) nextSplit_ = seg;
  if (running + GST_SECOND / 2 < nextSplit_) return;  // ask half a second ahead
  // The boundary is a multiple of the GOP: the keyframe x264 makes there anyway.
  const GstClockTime at = ((nextSplit_ + gop - 1) / gop) * gop;
  GstElement* enc = gst_bin_get_by_name(GST_BIN(pipeline_), "encoder");
  if (enc) {
    GstPad* src = gst_element_get_static_pad(enc, "src");
    gst_pad_send_event(src, gst_video_event_new_upstream_force_key_unit(at, TRUE, ++splits_));
    gst_object_unref(src);
    gst_object_unref(enc);
  }
  nextSplit_ = at + seg;
}

void Pipeline::updatePushState() {
  // Back to Live once every destination has a sending pipeline again.
  if (state_ != MediaState::Reconnecting) return;
  for (const auto& p : pushes_)
    if (!p->out && !p->failedForGood) return;
  setState(MediaState::Live);
}

void Pipeline::pollBus(int timeout_ms) {
  if (!pipeline_) return;
  GstBus* bus = gst_element_get_bus(pipeline_);
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    // Short waits, so that branches due for re-attachment are seen in time. In nanoseconds:
    // rounded down to milliseconds, the last fraction of a millisecond became a busy loop
    // (measured: 4 % of a core on clock_gettime).
    const auto wait = std::min<std::int64_t>(left.count(), 100 * static_cast<std::int64_t>(GST_MSECOND));
    GstMessage* m = gst_bus_timed_pop(bus, static_cast<GstClockTime>(wait));
    tick();
    if (!m) continue;
    const bool go = handle(m);
    gst_message_unref(m);
    if (!go) break;
  }
  gst_object_unref(bus);
}

void Pipeline::stop(int timeout_ms) {
  if (!pipeline_) return;
  gst_element_send_event(pipeline_, gst_event_new_eos());
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!eos_ && state_ != MediaState::Failed && std::chrono::steady_clock::now() < end) pollBus(100);
  gst_element_set_state(pipeline_, GST_STATE_NULL);
  for (auto& p : pushes_) detach(*p);
  if (state_ != MediaState::Failed) setState(MediaState::Idle);
}

}  // namespace chamber::media
