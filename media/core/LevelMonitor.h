#pragma once
/// A silent microphone, from the level meters' readings: a microphone with nothing louder
/// than -60 dBFS for `silenceAfter` is silent; sound again clears it. Pure (the time is
/// given), so the rule is tested without audio.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chamber::media {

class LevelMonitor {
 public:
  using Clock = std::chrono::steady_clock;
  struct Change {
    std::string microphone;
    bool silent = false;
  };

  LevelMonitor(std::chrono::milliseconds silenceAfter, double thresholdDb = -60)
      : silenceAfter_(silenceAfter), thresholdDb_(thresholdDb) {}

  /// Every microphone counts as just heard (a new recording).
  void reset(const std::vector<std::string>& microphones, Clock::time_point now);
  /// One reading: the loudest channel's RMS in dBFS. Returns a change of state, if any.
  std::optional<Change> reading(const std::string& microphone, double loudestDb,
                                Clock::time_point now);

 private:
  std::chrono::milliseconds silenceAfter_;
  double thresholdDb_;
  std::map<std::string, Clock::time_point> lastSound_;
  std::map<std::string, bool> silent_;
};

}  // namespace chamber::media
