#include "protocol/Reconnect.h"

#include <algorithm>
#include <cmath>

namespace chamber::protocol {

std::optional<int> reconnectDelay_ms(const ReconnectPolicy& p, int attempt, double random01) {
  if (attempt < 0) attempt = 0;
  if (p.maxTries > 0 && attempt >= p.maxTries) return std::nullopt;
  const double base =
      std::min<double>(p.max_ms, p.initial_ms * std::pow(p.factor, std::min(attempt, 30)));
  const double j = 1.0 + p.jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
  return static_cast<int>(std::lround(std::min<double>(p.max_ms * (1.0 + p.jitter), base * j)));
}

}  // namespace chamber::protocol
