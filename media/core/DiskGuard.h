#pragma once
/// Watches the space left where the recording is written. Told the free bytes and the bytes
/// recorded so far, it says whether the recording will last to the sitting's expected end
/// (Ok), will not (Low: the chair is warned, with the time left), or must stop now to close
/// its last segment cleanly before the disk is full (Full). Pure: the caller measures.
#include <cstdint>
#include <optional>
#include <string>

namespace chamber::media {

struct DiskGuardConfig {
  std::uint64_t reserveBytes = 512ull << 20;  ///< never written into (the system, the live HLS)
  double sittingSeconds = 4 * 3600;           ///< a sitting's expected length
  double configuredBytesPerSecond = 400000;   ///< the encode's bitrates (a floor for the rate)
  double stopSeconds = 20;                    ///< recording that must still fit when it stops
  double minimumHorizonSeconds = 1800;        ///< past the expected end: warn under this
};

class DiskGuard {
 public:
  enum class Verdict { Ok, Low, Full };
  struct Advice {
    Verdict verdict = Verdict::Ok;
    double secondsLeft = 0;     ///< of recording at the current rate, above the reserve
    double bytesPerSecond = 0;  ///< the rate used (measured, or the configured floor)
    std::string error;          ///< "", "disk_low" or "disk_full" (media.report's error)
    std::string detail;         ///< for the chair, Vietnamese / English
    bool changed = false;       ///< worth a new media.report (verdict, or 5 minutes less)
  };

  explicit DiskGuard(DiskGuardConfig c) : c_(c) {}

  /// `now_s`: a monotonic clock; `recordingBytes`: of the running recording (0 when idle);
  /// `recordingElapsed_s`: since it started (0 when idle).
  Advice check(std::uint64_t freeBytes, std::uint64_t recordingBytes, double recordingElapsed_s,
               double now_s, bool recording);

  const DiskGuardConfig& config() const { return c_; }

 private:
  DiskGuardConfig c_;
  Verdict last_ = Verdict::Ok;
  long lastBucket_ = -1;
  std::optional<std::pair<double, std::uint64_t>> sample_;  ///< (time, bytes) for the rate
  double measured_ = 0;
};

/// "1,2 GB" / "350 MB" as Vietnamese writes it (decimal comma).
std::string bytesVi(std::uint64_t bytes);
/// "1.2 GB" / "350 MB".
std::string bytesEn(std::uint64_t bytes);

}  // namespace chamber::media
