#pragma once
/// When to try again after a network branch (RTMP push, the server connection) failed:
/// exponential backoff with jitter, capped, with an optional limit on tries.
/// A pure function, so the policy is tested without waiting.
#include <optional>

namespace chamber::media {

struct ReconnectPolicy {
  int initial_ms = 1000;
  double factor = 2.0;
  int max_ms = 30000;
  double jitter = 0.2;  ///< ± this fraction of the delay
  int maxTries = 0;     ///< 0: never give up
};

/// Delay before try number `attempt` (0-based), given a uniform random number in [0, 1).
/// nullopt: give up (Failed).
std::optional<int> reconnectDelay_ms(const ReconnectPolicy& p, int attempt, double random01);

}  // namespace chamber::media
