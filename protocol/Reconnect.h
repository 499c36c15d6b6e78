#pragma once
/// When to try again after a connection failed — to the session server (every peer: tablet,
/// media, archive, portal) or the media's RTMP push: exponential backoff with jitter, capped,
/// with an optional limit on tries. A pure function, so the policy is tested without waiting.
/// The portal's copy of kServerReconnect is generated (portal/assets/protocol.js).
#include <optional>

namespace chamber::protocol {

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

/// Every peer's policy for the connection to the session server: 0.5 s doubling to 5 s, ±20 %.
inline constexpr ReconnectPolicy kServerReconnect{500, 2.0, 5000, 0.2, 0};

}  // namespace chamber::protocol
