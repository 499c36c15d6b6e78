#include "core/Hardware.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "tomlnum/TomlNumber.h"

namespace chamber::media {

const Camera* Hardware::overview() const {
  for (const auto& c : cameras)
    if (c.overview) return &c;
  return cameras.empty() ? nullptr : &cameras.front();
}

const Camera* Hardware::camera(const std::string& id) const {
  for (const auto& c : cameras)
    if (c.id == id) return &c;
  return nullptr;
}

const SeatView* Hardware::seat(int s) const {
  for (const auto& v : seats)
    if (v.seat == s) return &v;
  return nullptr;
}

Hardware parseHardware(const std::string& text, const std::string& src) {
  toml::table t;
  try {
    t = toml::parse(text, src);
  } catch (const toml::parse_error& e) {
    std::ostringstream s;
    s << src << ":" << e.source().begin.line << ": " << e.description();
    throw HardwareError(s.str());
  }
  auto fail = [&](const std::string& what) { throw HardwareError(src + ": " + what); };
  Hardware h;
  h.name = t["name"].value_or(std::string("Hội trường"));
  auto& o = h.output;
  if (auto out = t["output"].as_table()) {
    auto get = [&](const char* k, int& v, int lo, int hi) {
      try {
        if (auto n = tomlnum::wholeNumber((*out)[k], std::string("output.") + k, lo, hi))
          v = static_cast<int>(*n);
      } catch (const std::runtime_error& e) {
        fail(e.what());
      }
    };
    get("width", o.width, 160, 7680);
    get("height", o.height, 120, 4320);
    get("fps", o.fps, 1, 120);
    get("video_bitrate_kbps", o.videoBitrate_kbps, 100, 50000);
    get("keyframe_s", o.keyframe_s, 1, 10);
    get("audio_bitrate_kbps", o.audioBitrate_kbps, 32, 512);
    get("audio_rate", o.audioRate, 8000, 96000);
    get("segment_s", o.segment_s, 1, 3600);
    get("hls_segment_s", o.hlsSegment_s, 1, 60);
    get("hls_playlist_length", o.hlsPlaylistLength, 2, 100);
    get("silence_report_s", o.silenceReport_s, 1, 3600);
  }
  if (auto w = t["webrtc"].as_table()) {
    h.webrtc.host = (*w)["rtp_host"].value_or(h.webrtc.host);
    try {
      for (auto [key, v] : {std::pair{"video_port", &h.webrtc.videoPort},
                            std::pair{"audio_port", &h.webrtc.audioPort}})
        if (auto n = tomlnum::wholeNumber((*w)[key], std::string("webrtc.") + key, 1, 65535))
          *v = static_cast<int>(*n);
    } catch (const std::runtime_error& e) {
      fail(e.what());
    }
    if (!h.webrtc.enabled()) fail("webrtc needs both video_port and audio_port");
  }
  if (o.hlsSegment_s % o.keyframe_s != 0)
    fail("output.hls_segment_s must be a multiple of keyframe_s");
  std::set<std::string> ids;
  if (auto arr = t["camera"].as_array()) {
    for (auto& node : *arr) {
      const auto* c = node.as_table();
      if (!c) continue;
      Camera cam;
      cam.id = (*c)["id"].value_or(std::string());
      cam.kind = (*c)["kind"].value_or(std::string("test"));
      cam.device = (*c)["device"].value_or(std::string());
      cam.url = (*c)["url"].value_or(std::string());
      cam.pattern = (*c)["pattern"].value_or(std::string("smpte"));
      cam.visca = (*c)["visca"].value_or(std::string());
      cam.overview = (*c)["overview"].value_or(false);
      cam.clock = (*c)["clock"].value_or(false);
      if (cam.id.empty() || !ids.insert(cam.id).second) fail("every camera needs a unique id");
      if (cam.kind != "test" && cam.kind != "v4l2" && cam.kind != "rtsp")
        fail("camera " + cam.id + ": kind must be test, v4l2 or rtsp");
      if (cam.clock && cam.kind != "test")
        fail("camera " + cam.id + ": clock is for test cameras only");
      if (cam.kind == "v4l2" && cam.device.empty())
        fail("camera " + cam.id + ": a v4l2 camera needs device");
      if (cam.kind == "rtsp" && cam.url.rfind("rtsp://", 0) != 0)
        fail("camera " + cam.id + ": an rtsp camera needs url rtsp://…");
      h.cameras.push_back(cam);
    }
  }
  if (h.cameras.empty()) fail("at least one [[camera]] is needed");
  if (auto arr = t["microphone"].as_array()) {
    for (auto& node : *arr) {
      const auto* m = node.as_table();
      if (!m) continue;
      Microphone mic;
      mic.id = (*m)["id"].value_or(std::string());
      mic.kind = (*m)["kind"].value_or(std::string("test"));
      mic.device = (*m)["device"].value_or(std::string());
      try {
        mic.frequency = static_cast<int>(
            tomlnum::wholeNumber((*m)["frequency"], "microphone.frequency", 1, 20000)
                .value_or(440));
      } catch (const std::runtime_error& e) {
        fail(e.what());
      }
      mic.volume = (*m)["volume"].value_or(0.2);
      if (mic.id.empty()) fail("every microphone needs an id");
      if (mic.kind != "test" && mic.kind != "alsa" && mic.kind != "pulse")
        fail("microphone " + mic.id + ": kind must be test, alsa or pulse");
      h.microphones.push_back(mic);
    }
  }
  if (h.microphones.empty()) fail("at least one [[microphone]] is needed");
  if (auto arr = t["seat"].as_array()) {
    for (auto& node : *arr) {
      const auto* s = node.as_table();
      if (!s) continue;
      SeatView v;
      try {
        v.seat = static_cast<int>(
            tomlnum::wholeNumber((*s)["seat"], "seat.seat", 1, 100000).value_or(0));
        if (auto p = tomlnum::wholeNumber((*s)["preset"], "seat.preset", 0, 254))
          v.preset = static_cast<int>(*p);
      } catch (const std::runtime_error& e) {
        fail(e.what());
      }
      v.camera = (*s)["camera"].value_or(std::string());
      if (v.seat <= 0) fail("seat numbers start at 1");
      if (!h.camera(v.camera))
        fail("seat " + std::to_string(v.seat) + ": no camera '" + v.camera + "'");
      if (v.preset && (*v.preset < 0 || *v.preset > 254))
        fail("seat " + std::to_string(v.seat) + ": preset 0..254");
      h.seats.push_back(v);
    }
  }
  if (auto arr = t["destination"].as_array()) {
    for (auto& node : *arr) {
      const auto* d = node.as_table();
      if (!d) continue;
      Destination dest{(*d)["id"].value_or(std::string()), (*d)["url"].value_or(std::string()),
                       (*d)["key_env"].value_or(std::string())};
      if (dest.url.rfind("rtmp://", 0) != 0 && dest.url.rfind("rtmps://", 0) != 0)
        fail("destination " + dest.id + ": url must be rtmp:// or rtmps://");
      h.destinations.push_back(dest);
    }
  }
  return h;
}

Hardware loadHardware(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw HardwareError("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return parseHardware(s.str(), path);
}

std::string destinationUrl(const Destination& d) {
  if (d.keyEnv.empty()) return d.url;
  const char* key = std::getenv(d.keyEnv.c_str());
  if (!key || !*key)
    throw HardwareError("destination " + d.id + ": environment variable " + d.keyEnv +
                        " is not set");
  return d.url + (d.url.back() == '/' ? "" : "/") + key;
}

std::string redactUrl(const std::string& url) {
  // scheme://host[:port]/app/KEY -> keep scheme, host and app; hide the rest.
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "***";
  const auto hostEnd = url.find('/', scheme + 3);
  if (hostEnd == std::string::npos) return url;
  const auto appEnd = url.find('/', hostEnd + 1);
  if (appEnd == std::string::npos) return url;
  return url.substr(0, appEnd + 1) + "***";
}

std::string redactKeys(const Hardware& hw, std::string text) {
  for (const auto& d : hw.destinations) {
    if (d.keyEnv.empty()) continue;
    const char* key = std::getenv(d.keyEnv.c_str());
    if (!key || std::string_view(key).size() < 4) continue;
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + 3))
      text.replace(at, std::strlen(key), "***");
  }
  return text;
}

}  // namespace chamber::media
