#include "core/Throttle.h"

#include <algorithm>

namespace chamber::core {

std::int64_t Throttle::wait_ms(const std::string& key, std::int64_t now_ms) const {
  auto it = map_.find(key);
  if (it == map_.end() || it->second.last_ms + rule_.forget_ms <= now_ms) return 0;
  return std::max<std::int64_t>(0, it->second.until_ms - now_ms);
}

void Throttle::failed(const std::string& key, std::int64_t now_ms) {
  auto it = map_.find(key);
  if (it == map_.end()) {
    makeRoom(now_ms);
    it = map_.emplace(key, Entry{}).first;
  }
  Entry& e = it->second;
  if (e.last_ms + rule_.forget_ms <= now_ms) e = {};
  ++e.failures;
  e.last_ms = now_ms;
  const int over = e.failures - rule_.freeFailures;
  if (over > 0) {
    std::int64_t delay = rule_.firstDelay_ms;
    for (int i = 1; i < over && delay < rule_.maxDelay_ms; ++i) delay *= 2;
    e.until_ms = now_ms + std::min(delay, rule_.maxDelay_ms);
  }
}

void Throttle::makeRoom(std::int64_t now_ms) {
  if (map_.size() < rule_.maxEntries) return;
  std::erase_if(map_,
                [&](const auto& kv) { return kv.second.last_ms + rule_.forget_ms <= now_ms; });
  if (map_.size() < rule_.maxEntries) return;
  // Still full: the quietest key goes (an account under attack fails often, so it stays).
  auto quietest = std::min_element(map_.begin(), map_.end(), [](const auto& a, const auto& b) {
    return a.second.last_ms < b.second.last_ms;
  });
  map_.erase(quietest);
}

}  // namespace chamber::core
