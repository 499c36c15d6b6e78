#include "store/Store.h"

#include <algorithm>

#include "core/Minutes.h"
#include "protocol/Codec.h"
#include "store/Crypto.h"
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
      council(db),
      documents(db, dataDir / "documents"),
      publications(db),
      senders(db),
      search(db) {}

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
  if (d.secret) secret.stage(d.sitting, d.secret->vote, d.secret->choices);
  for (const auto& e : d.events) {
    if (const auto* c = std::get_if<core::VoteClosed>(&e)) secret.stageForget(d.sitting, c->vote);
    if (const auto* v = std::get_if<core::VoteVoided>(&e)) secret.stageForget(d.sitting, v->vote);
  }
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
  seen_ = head;
  // Open secret votes: their counts live in this process's memory only (empty in a new
  // process, which then voids them: see core::voidInterruptedSecretVotes).
  for (auto& [id, sitting] : state.sittings)
    for (auto& [voteId, v] : sitting.votes)
      if (v.form == core::VoteForm::Secret && v.status == core::VoteStatus::Open)
        v.counts = secret.counts(id, voteId);
  return state;
}

std::optional<core::Error> Store::bindDocuments(core::Command& cmd) {
  if (const auto* pdf = std::get_if<core::RecordMinutesPdf>(&cmd)) {
    const auto meta = documents.find(pdf->sha256);
    if (!meta || meta->size != pdf->size)
      return core::Error{"not_found", "Chưa có tệp PDF này trên máy chủ / no such stored PDF"};
    return std::nullopt;
  }
  auto* attach = std::get_if<core::AttachDocument>(&cmd);
  if (!attach) return std::nullopt;
  const auto meta = documents.find(attach->document.sha256);
  if (!meta)
    return core::Error{
        "not_found",
        "Chưa có tài liệu này trên máy chủ, hãy tải lên trước / no such document: upload it first"};
  attach->document.classified = attach->document.classified || meta->classified;
  return std::nullopt;
}

std::string Store::draftMinutes(const core::State& state, int sitting,
                                const std::vector<core::EventData>& pending, std::int64_t now_ms) {
  const core::Sitting* s = state.sitting(sitting);
  if (!s) return "";
  std::vector<core::TimedEvent> events;
  log.forEachOfSitting(sitting, [&](const StoredEvent& e) {
    events.push_back({e.ts_ms, protocol::decodeEvent(e.kind, protocol::json::parse(e.data))});
  });
  for (const auto& e : pending) events.push_back({now_ms, e});
  return core::draftMinutes(*s, events, state.resolutions);
}

void Store::bindMinutes(const core::State& state, core::Command& cmd) {
  if (auto* draft = std::get_if<core::DraftMinutes>(&cmd)) {
    const int id = draft->sitting ? draft->sitting : (state.current() ? state.current()->id : 0);
    const core::Sitting* s = state.sitting(id);
    // Only a closed sitting has minutes: core refuses the others, with nothing to draft.
    draft->text = s && s->status == core::SittingStatus::Closed ? draftMinutes(state, id) : "";
    draft->sha256 = draft->text.empty() ? "" : sha256Hex(draft->text);
  }
  if (auto* save = std::get_if<core::SaveMinutes>(&cmd)) save->sha256 = sha256Hex(save->text);
}

core::Decision Store::decideAndRecord(const core::State& state, const core::Actor& actor,
                                      const core::Command& command, std::int64_t now_ms,
                                      std::vector<StoredEvent>& stored) {
  core::Command cmd = command;
  core::Decision d;
  bindMinutes(state, cmd);
  if (auto refused = bindDocuments(cmd))
    d.error = *refused;
  else
    d = core::decide(state, actor, cmd, now_ms);
  // The sitting closed: its minutes are drafted in the same step, from the whole record.
  if (d.ok() && std::any_of(d.events.begin(), d.events.end(), [](const auto& e) {
        return std::holds_alternative<core::SittingClosed>(e);
      })) {
    core::State next = state;
    applyDecision(next, d, now_ms);
    const auto text = draftMinutes(next, d.sitting, d.events, now_ms);
    d.events.push_back(core::MinutesDrafted{sha256Hex(text), text});
  }
  if (d.ok()) {
    stored = record(actor, d, now_ms);
    indexPetitions(state, d);
  }
  return d;
}

void Store::indexPetitions(const core::State& before, const core::Decision& d) {
  const auto& reg = before.petitions;
  auto titleOf = [&](const std::string& code, const std::string& topic) {
    const auto* t = reg.catalogue.topic(topic);
    return code + " — " + (t ? t->label : topic);
  };
  for (const auto& e : d.events) {
    if (const auto* a = std::get_if<core::PetitionAccepted>(&e)) {
      search.put("petition", a->code, titleOf(a->code, a->topic), {a->publicText});
    } else if (const auto* p = std::get_if<core::PetitionPublished>(&e)) {
      const auto it = reg.byCode.find(p->code);
      if (it != reg.byCode.end())
        search.put("petition", p->code, titleOf(p->code, it->second.topic),
                   {it->second.publicText + "\n\n" + it->second.answer});
    } else if (const auto* m = std::get_if<core::PetitionMerged>(&e)) {
      search.remove("petition", m->code);
    }
  }
}

void Store::indexDocument(const DocumentMeta& m) {
  // A file without text (a scan) is still found by its title.
  search.put("document", m.sha256, m.title, pdfPageTexts(documents.pathOf(m.sha256)));
}

int Store::indexDocuments() {
  int n = 0;
  for (const auto& m : documents.list()) {
    if (search.has("document", m.sha256)) continue;
    indexDocument(m);
    ++n;
  }
  return n;
}

void applyDecision(core::State& state, const core::Decision& d, std::int64_t now_ms) {
  for (const auto& e : d.events) core::apply(state, d.sitting, e, now_ms);
  if (d.secret) core::applySecretChoice(state, d.sitting, *d.secret);
}

core::Decision Store::run(core::State& state, const core::Actor& actor,
                          const core::Command& command, std::int64_t now_ms,
                          std::vector<StoredEvent>* stored) {
  core::Decision d;
  std::vector<StoredEvent> events;
  try {
    Transaction t(db);
    for (const auto& e : log.readAfter(seen_)) {
      applyStored(state, e);
      seen_ = e.seq;
    }
    d = decideAndRecord(state, actor, command, now_ms, events);
    if (!d.ok()) return d;
    t.commit();
    if (!events.empty()) seen_ = events.back().seq;
  } catch (...) {
    secret.discardStaged();
    throw;
  }
  secret.commitStaged();
  applyDecision(state, d, now_ms);
  if (stored) *stored = std::move(events);
  return d;
}

}  // namespace chamber::store
