#include "store/Store.h"

#include "protocol/Codec.h"
#include "store/Schema.h"

namespace chamber::store {

namespace {
Database& migrated(Database& db) {
  ensureSchema(db);
  return db;
}
}  // namespace

Store::Store(const std::filesystem::path& dataDir)
    : db((std::filesystem::create_directories(dataDir), (dataDir / "chamber.db").string())),
      log(migrated(db)),
      replies(db),
      secret(db),
      council(db),
      documents(db, dataDir / "documents"),
      publications(db) {}

std::string actorString(const core::Actor& a) {
  return std::string(core::roleName(a.role)) + ":" + a.id;
}

std::vector<StoredEvent> Store::record(const core::Actor& actor, const core::Decision& d,
                                       std::int64_t now_ms) {
  std::vector<StoredEvent> out;
  out.reserve(d.events.size());
  for (const auto& e : d.events) {
    StoredEvent s;
    s.ts_ms = now_ms;
    s.sitting = d.sitting;
    s.actor = actorString(actor);
    s.kind = std::string(core::kindOf(e));
    const auto vis = core::visibilityOf(e);
    s.audience = static_cast<int>(vis.audience);
    s.subject = vis.subject;
    s.data = protocol::encodeEventData(e).dump();
    out.push_back(std::move(s));
  }
  log.append(out);
  if (d.secret) secret.add(d.sitting, d.secret->vote, d.secret->choices);
  return out;
}

void applyStored(core::State& state, const StoredEvent& e) {
  const auto data = protocol::json::parse(e.data);
  core::apply(state, e.sitting, protocol::decodeEvent(e.kind, data), e.ts_ms);
}

core::State Store::load(std::int64_t& head) {
  core::State state;
  state.council = council.delegates();
  state.responders = council.responders();
  head = 0;
  log.forEach(0, [&](const StoredEvent& e) {
    applyStored(state, e);
    head = e.seq;
  });
  for (const auto& [sitting, vote] : secret.votes()) {
    auto s = state.sittings.find(sitting);
    if (s == state.sittings.end()) continue;
    auto v = s->second.votes.find(vote);
    if (v != s->second.votes.end()) v->second.counts = secret.counts(sitting, vote);
  }
  return state;
}

core::Decision Store::run(core::State& state, const core::Actor& actor, const core::Command& cmd,
                          std::int64_t now_ms, std::vector<StoredEvent>* stored) {
  core::Decision d = core::decide(state, actor, cmd, now_ms);
  if (!d.ok()) return d;
  Transaction t(db);
  auto events = record(actor, d, now_ms);
  t.commit();
  for (const auto& e : d.events) core::apply(state, d.sitting, e, now_ms);
  if (d.secret) core::applySecretChoice(state, d.sitting, *d.secret);
  if (stored) *stored = std::move(events);
  return d;
}

}  // namespace chamber::store
