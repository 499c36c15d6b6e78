#include "core/LivePlaylist.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

namespace chamber::media {

namespace fs = std::filesystem;

std::string isoUtcMs(std::int64_t ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

std::int64_t parseIsoUtcMs(const std::string& s) {
  std::tm tm{};
  int millis = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &millis) != 7)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm)) * 1000 + millis;
}

LivePlaylist::LivePlaylist(fs::path dir, int targetDuration_s, int windowLength)
    : dir_(std::move(dir)),
      targetDuration_s_(std::max(1, targetDuration_s)),
      windowLength_(static_cast<std::size_t>(std::max(3, windowLength))) {
  load();
}

void LivePlaylist::load() {
  std::ifstream in(path());
  std::string line;
  LiveSegment next;
  while (std::getline(in, line)) {
    const char* v = nullptr;
    auto tag = [&](const char* name) {
      const std::size_t n = std::char_traits<char>::length(name);
      v = line.compare(0, n, name) == 0 ? line.c_str() + n : nullptr;
      return v != nullptr;
    };
    if (tag("#EXT-X-MEDIA-SEQUENCE:"))
      mediaSequence_ = std::strtoull(v, nullptr, 10);
    else if (tag("#EXT-X-DISCONTINUITY-SEQUENCE:"))
      discontinuitySequence_ = std::strtoull(v, nullptr, 10);
    else if (line == "#EXT-X-DISCONTINUITY")
      next.discontinuity = true;
    else if (tag("#EXT-X-PROGRAM-DATE-TIME:"))
      next.start_ms = parseIsoUtcMs(v);
    else if (tag("#EXTINF:"))
      next.duration_s = std::strtod(v, nullptr);
    else if (line == "#EXT-X-ENDLIST")
      ended_ = true;
    else if (!line.empty() && line[0] != '#') {
      next.uri = line;
      window_.push_back(next);
      next = {};
    }
  }
}

void LivePlaylist::beginRun() {
  nextIsDiscontinuity_ = !window_.empty();
  // Files of earlier runs outside the window (a process that crashed left them behind).
  std::set<std::string> listed;
  for (const auto& s : window_) listed.insert(s.uri);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().extension() == ".ts" && !listed.count(e.path().filename().string()))
      fs::remove(e.path(), ec);
  leaving_.clear();
}

void LivePlaylist::add(const LiveSegment& s) {
  LiveSegment seg = s;
  seg.discontinuity = nextIsDiscontinuity_;
  nextIsDiscontinuity_ = false;
  ended_ = false;
  window_.push_back(seg);
  while (window_.size() > windowLength_) {
    if (window_.front().discontinuity) ++discontinuitySequence_;
    leaving_.push_back(window_.front().uri);
    window_.pop_front();
    ++mediaSequence_;
  }
  // A player that read the playlist just before may still fetch what left it: a file is
  // removed only when a whole window has passed since.
  std::error_code ec;
  while (leaving_.size() > windowLength_) {
    fs::remove(dir_ / leaving_.front(), ec);
    leaving_.pop_front();
  }
  write();
}

void LivePlaylist::end() {
  if (ended_) return;
  ended_ = true;
  write();
}

std::string LivePlaylist::text() const {
  double longest = 0;
  for (const auto& s : window_) longest = std::max(longest, s.duration_s);
  const long target = std::max<long>(targetDuration_s_, std::lround(longest));
  std::ostringstream o;
  o << "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" << target
    << "\n#EXT-X-MEDIA-SEQUENCE:" << mediaSequence_ << "\n";
  if (discontinuitySequence_ > 0)
    o << "#EXT-X-DISCONTINUITY-SEQUENCE:" << discontinuitySequence_ << "\n";
  char extinf[32];
  for (const auto& s : window_) {
    if (s.discontinuity) o << "#EXT-X-DISCONTINUITY\n";
    if (s.start_ms > 0) o << "#EXT-X-PROGRAM-DATE-TIME:" << isoUtcMs(s.start_ms) << "\n";
    std::snprintf(extinf, sizeof extinf, "%.3f", s.duration_s);
    o << "#EXTINF:" << extinf << ",\n" << s.uri << "\n";
  }
  if (ended_) o << "#EXT-X-ENDLIST\n";
  return o.str();
}

void LivePlaylist::write() const {
  // Written beside and renamed over: a player never reads half a playlist.
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path tmp = dir_ / ".index.m3u8.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text();
    if (!out.flush()) return;
  }
  fs::rename(tmp, path(), ec);
}

}  // namespace chamber::media
