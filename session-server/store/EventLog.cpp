#include "store/EventLog.h"

#include "store/Crypto.h"

namespace chamber::store {

namespace {
constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
constexpr const char* kSelect =
    "SELECT seq, ts_ms, sitting, actor, kind, audience, subject, data, prev_hash, hash "
    "FROM events WHERE seq > ? ORDER BY seq";

StoredEvent rowToEvent(const Statement& s) {
  StoredEvent e;
  e.seq = s.integer(0);
  e.ts_ms = s.integer(1);
  e.sitting = static_cast<int>(s.integer(2));
  e.actor = s.text(3);
  e.kind = s.text(4);
  e.audience = static_cast<int>(s.integer(5));
  e.subject = s.text(6);
  e.data = s.text(7);
  e.prevHash = s.text(8);
  e.hash = s.text(9);
  return e;
}
}  // namespace

std::string eventHash(const StoredEvent& e) {
  std::string buf;
  buf.reserve(e.data.size() + 200);
  buf += e.prevHash;
  for (const std::string* f : {&e.actor, &e.kind, &e.subject, &e.data}) {
    buf += '\n';
    buf += std::to_string(f->size());  // length-prefixed: no field can forge a boundary
    buf += ':';
    buf += *f;
  }
  buf += '\n' + std::to_string(e.seq) + '\n' + std::to_string(e.ts_ms) + '\n' +
         std::to_string(e.sitting) + '\n' + std::to_string(e.audience);
  return sha256Hex(buf);
}

void EventLog::append(std::vector<StoredEvent>& events) {
  if (events.empty()) return;
  auto& last = db_.cached("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  std::int64_t seq = 0;
  std::string prev = kGenesis;
  if (last.step()) {
    seq = last.integer(0);
    prev = last.text(1);
  }
  last.reset();
  auto& ins = db_.cached(
      "INSERT INTO events(seq, ts_ms, sitting, actor, kind, audience, subject, data, prev_hash, "
      "hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  for (auto& e : events) {
    e.seq = ++seq;
    e.prevHash = prev;
    e.hash = eventHash(e);
    prev = e.hash;
    ins.bind(1, e.seq).bind(2, e.ts_ms).bind(3, e.sitting).bind(4, e.actor).bind(5, e.kind);
    ins.bind(6, e.audience).bind(7, e.subject).bind(8, e.data).bind(9, e.prevHash).bind(10, e.hash);
    ins.run();
  }
}

void EventLog::forEach(std::int64_t after, const std::function<void(const StoredEvent&)>& fn) {
  auto s = db_.prepare(kSelect);
  s.bind(1, after);
  while (s.step()) fn(rowToEvent(s));
}

void EventLog::forEachOfSitting(int sitting, const std::function<void(const StoredEvent&)>& fn) {
  auto s = db_.prepare(
      "SELECT seq, ts_ms, sitting, actor, kind, audience, subject, data, prev_hash, hash "
      "FROM events WHERE sitting = ? ORDER BY seq");
  s.bind(1, sitting);
  while (s.step()) fn(rowToEvent(s));
}

std::vector<StoredEvent> EventLog::readAfter(std::int64_t after, std::size_t limit) {
  std::vector<StoredEvent> out;
  auto s = db_.prepare(kSelect);
  s.bind(1, after);
  while ((limit == 0 || out.size() < limit) && s.step()) out.push_back(rowToEvent(s));
  return out;
}

std::int64_t EventLog::head() {
  auto s = db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
  s.step();
  return s.integer(0);
}

std::vector<LogProblem> EventLog::verify() {
  std::vector<LogProblem> problems;
  std::string prev = kGenesis;
  std::int64_t expected = 1;
  forEach(0, [&](const StoredEvent& e) {
    if (e.seq != expected)
      problems.push_back({expected, "missing events " + std::to_string(expected) + ".." +
                                        std::to_string(e.seq - 1) + " (deleted)"});
    if (e.prevHash != prev)
      problems.push_back({e.seq,
                          "previous-hash link broken (an event before it was changed, "
                          "removed or inserted)"});
    if (eventHash(e) != e.hash)
      problems.push_back({e.seq, "content does not match its hash (edited)"});
    prev = e.hash;
    expected = e.seq + 1;
  });
  return problems;
}

}  // namespace chamber::store
