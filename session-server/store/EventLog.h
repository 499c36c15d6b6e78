#pragma once
/// The append-only, hash-chained event log. Each event carries the hash of the one before,
/// so an edited or deleted event is found by verify() (and `chamberctl verify`).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/Database.h"

namespace chamber::store {

/// An event as stored and as sent (the payload stays JSON text: it is sent as it is).
struct StoredEvent {
  std::int64_t seq = 0;
  std::int64_t ts_ms = 0;
  int sitting = 0;
  std::string actor;  ///< "role:id" of whoever caused it
  std::string kind;
  int audience = 1;     ///< core::Audience
  std::string subject;  ///< the one person who also sees it (e.g. the voter)
  std::string data;     ///< JSON object
  std::string prevHash;
  std::string hash;
};

/// The hash of an event: SHA-256 over its fields and the previous hash.
std::string eventHash(const StoredEvent& e);

/// A problem found by verify(): the sequence number and what is wrong.
struct LogProblem {
  std::int64_t seq = 0;
  std::string what;
};

class EventLog {
 public:
  explicit EventLog(Database& db) : db_(db) {}

  /// Appends within the caller's open transaction: assigns seq, prevHash and hash.
  /// The chain head is read from the database, so another writer (chamberctl) is safe.
  void append(std::vector<StoredEvent>& events);

  /// Events with seq > after, in order, at most `limit` (0: all).
  std::vector<StoredEvent> readAfter(std::int64_t after, std::size_t limit = 0);
  void forEach(std::int64_t after, const std::function<void(const StoredEvent&)>& fn);
  /// One sitting's events, in order (its minutes are drafted from them).
  void forEachOfSitting(int sitting, const std::function<void(const StoredEvent&)>& fn);
  std::int64_t head();

  /// Walks the whole chain: every edited, inserted or deleted event is reported.
  std::vector<LogProblem> verify();

 private:
  Database& db_;
};

}  // namespace chamber::store
