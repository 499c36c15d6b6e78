#include "core/DiskGuard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chamber::media {

namespace {

std::string bytesWith(std::uint64_t bytes, char point) {
  char buf[32];
  if (bytes >= (1ull << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(bytes) / (1ull << 30));
    for (char* p = buf; *p; ++p)
      if (*p == '.') *p = point;
  } else {
    std::snprintf(buf, sizeof buf, "%llu MB", static_cast<unsigned long long>(bytes >> 20));
  }
  return buf;
}

/// "35 min", "3 h 10 min" — in the words given (" giờ ", " phút" for Vietnamese).
std::string duration(double s, const char* hours, const char* mins) {
  const long m = std::lround(std::max(0.0, s) / 60);
  if (m >= 120) return std::to_string(m / 60) + hours + std::to_string(m % 60) + mins;
  return std::to_string(m) + mins;
}
std::string minutesVi(double s) {
  return duration(s, " giờ ", " phút");
}
std::string minutes(double s) {
  return duration(s, " h ", " min");
}

}  // namespace

std::string bytesVi(std::uint64_t bytes) {
  return bytesWith(bytes, ',');
}
std::string bytesEn(std::uint64_t bytes) {
  return bytesWith(bytes, '.');
}

DiskGuard::Advice DiskGuard::check(std::uint64_t freeBytes, std::uint64_t recordingBytes,
                                   double recordingElapsed_s, double now_s, bool recording) {
  Advice a;
  // The rate: what the recording grew by since the last look (segments are written in
  // bursts, so over at least 10 s), never below what the encode was set to write.
  if (!recording) {
    sample_.reset();
    measured_ = 0;
  } else if (!sample_ || recordingBytes < sample_->second) {
    sample_ = {now_s, recordingBytes};
  } else if (now_s - sample_->first >= 10) {
    measured_ = static_cast<double>(recordingBytes - sample_->second) / (now_s - sample_->first);
    sample_ = {now_s, recordingBytes};
  }
  a.bytesPerSecond = std::max(c_.configuredBytesPerSecond, measured_);
  const double usable =
      freeBytes > c_.reserveBytes ? static_cast<double>(freeBytes - c_.reserveBytes) : 0.0;
  a.secondsLeft = usable / a.bytesPerSecond;
  const double horizon = std::max(c_.sittingSeconds - recordingElapsed_s, c_.minimumHorizonSeconds);

  if (a.secondsLeft <= c_.stopSeconds) {
    a.verdict = Verdict::Full;
  } else if (last_ == Verdict::Full && a.secondsLeft < c_.stopSeconds + 600) {
    a.verdict = Verdict::Full;  // a few freed megabytes do not restart it: ten minutes must fit
  } else if (a.secondsLeft < horizon) {
    a.verdict = Verdict::Low;
  }
  const long bucket = a.verdict == Verdict::Low ? static_cast<long>(a.secondsLeft / 300) : -1;
  a.changed = a.verdict != last_ || (a.verdict == Verdict::Low && bucket < lastBucket_);
  if (a.verdict != Verdict::Low || a.changed) lastBucket_ = bucket;
  last_ = a.verdict;

  if (a.verdict == Verdict::Full) {
    a.error = "disk_full";
    a.detail = "chỉ còn " + bytesVi(freeBytes) + ", đã dừng ghi hình và đóng tệp an toàn / only " +
               bytesEn(freeBytes) + " left, the recording was stopped and its file closed safely";
  } else if (a.verdict == Verdict::Low) {
    a.error = "disk_low";
    a.detail = "còn " + bytesVi(freeBytes) + ", đủ ghi khoảng " + minutesVi(a.secondsLeft) +
               ", kỳ họp dự kiến còn " + minutesVi(horizon) + " / " + bytesEn(freeBytes) +
               " free, about " + minutes(a.secondsLeft) +
               " of recording left, the sitting is expected to last " + minutes(horizon) + " more";
  }
  return a;
}

}  // namespace chamber::media
