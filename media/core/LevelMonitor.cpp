#include "core/LevelMonitor.h"

namespace chamber::media {

void LevelMonitor::reset(const std::vector<std::string>& microphones, Clock::time_point now) {
  lastSound_.clear();
  silent_.clear();
  for (const auto& m : microphones) lastSound_[m] = now;
}

std::optional<LevelMonitor::Change> LevelMonitor::reading(const std::string& mic, double loudestDb,
                                                          Clock::time_point now) {
  if (!lastSound_.count(mic)) lastSound_[mic] = now;
  if (loudestDb > thresholdDb_) lastSound_[mic] = now;
  const bool silent = now - lastSound_[mic] > silenceAfter_;
  if (silent == silent_[mic]) return std::nullopt;
  silent_[mic] = silent;
  return Change{mic, silent};
}

}  // namespace chamber::media
