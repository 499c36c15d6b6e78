#pragma once
/// The chamber's description (hardware/*.toml, documented in docs/hardware.md): cameras,
/// microphones, seats mapped to a camera and PTZ preset, output settings, RTMP(S)
/// destinations. Pure data and a parser; no GStreamer.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace chamber::media {

struct Camera {
  std::string id;
  std::string kind = "test";      ///< test, v4l2, rtsp
  std::string device;             ///< v4l2
  std::string url;                ///< rtsp
  std::string pattern = "smpte";  ///< test: a videotestsrc pattern
  std::string visca;              ///< "host:port" of a VISCA-over-IP PTZ camera, or empty
  bool overview = false;
  /// test: the wall clock burnt into the picture as a code (core/ClockCode.h), for the
  /// glass-to-glass delay benchmark
  bool clock = false;
};

struct Microphone {
  std::string id;
  std::string kind = "test";  ///< test, alsa, pulse
  std::string device;
  int frequency = 440;  ///< test tone
  double volume = 0.2;  ///< test tone volume (0: a silent microphone)
};

struct SeatView {
  int seat = 0;
  std::string camera;
  std::optional<int> preset;
};

struct Destination {
  std::string id;
  std::string url;     ///< rtmp:// or rtmps://
  std::string keyEnv;  ///< environment variable holding the stream key
};

struct Output {
  int width = 1280, height = 720, fps = 30;
  int videoBitrate_kbps = 3000, keyframe_s = 2;
  int audioBitrate_kbps = 128, audioRate = 48000;
  int segment_s = 10, hlsSegment_s = 2, hlsPlaylistLength = 6;
  int silenceReport_s = 10;
};

/// The live view in WebRTC: the program's H.264 (as encoded once) and its sound in Opus sent
/// as RTP to a fan-out server on this machine (Janus's streaming plugin,
/// deploy/janus/janus.plugin.streaming.jcfg). Off while the ports are 0.
struct WebRtcOut {
  std::string host = "127.0.0.1";
  int videoPort = 0, audioPort = 0;
  bool enabled() const { return videoPort > 0 && audioPort > 0; }
};

struct Hardware {
  std::string name;
  Output output;
  WebRtcOut webrtc;
  std::vector<Camera> cameras;
  std::vector<Microphone> microphones;
  std::vector<SeatView> seats;
  std::vector<Destination> destinations;

  const Camera* overview() const;
  const Camera* camera(const std::string& id) const;
  const SeatView* seat(int seat) const;
};

struct HardwareError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parses and checks a description; every problem is named (file, key, value).
Hardware parseHardware(const std::string& tomlText, const std::string& sourceName = "hardware");
Hardware loadHardware(const std::string& path);

/// "rtmp://host/app/KEY" with the key from the environment; throws if it is missing.
std::string destinationUrl(const Destination& d);
/// The URL with any stream key replaced by "***", for logs.
std::string redactUrl(const std::string& url);
/// `text` (an error's detail, a log line) with every destination's stream key replaced by
/// "***": what leaves the media process (media.report, logs) never carries a key.
std::string redactKeys(const Hardware& hw, std::string text);

}  // namespace chamber::media
