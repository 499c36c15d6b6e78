#pragma once
/// Sign-in throttling: the table kept under ThrottleRule (core/Rules.h).
///
/// Each key (a seat, a user name, a source address) may fail `freeFailures` times; after
/// that each failure makes the next check wait twice as long as the last, from
/// `firstDelay_ms` up to `maxDelay_ms`. Nothing locks for good: an attacker who stops is
/// forgotten after `forget_ms`, and one who goes on gets one guess per `maxDelay_ms` at best.
/// A device token is never throttled by its account's key, so a tablet signed in before
/// keeps working while someone guesses its PIN. The table is bounded (`maxEntries`).
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/Rules.h"

namespace chamber::core {

class Throttle {
 public:
  explicit Throttle(ThrottleRule rule = {}) : rule_(rule) {}

  /// 0 when an attempt for `key` may be checked now, else how long to wait.
  std::int64_t wait_ms(const std::string& key, std::int64_t now_ms) const;
  /// A wrong secret for `key`: the next wait grows.
  void failed(const std::string& key, std::int64_t now_ms);
  /// A right secret, or staff cleared it: `key` starts afresh.
  void clear(const std::string& key) { map_.erase(key); }

  std::size_t size() const { return map_.size(); }
  const ThrottleRule& rule() const { return rule_; }

 private:
  struct Entry {
    int failures = 0;
    std::int64_t until_ms = 0;
    std::int64_t last_ms = 0;
  };
  void makeRoom(std::int64_t now_ms);
  ThrottleRule rule_;
  std::unordered_map<std::string, Entry> map_;
};

}  // namespace chamber::core
