#include "net/Server.h"

#include <chrono>

#include "log/ChamberLog.h"
#include "net/Callbacks.h"
#include "net/ServerImpl.h"
#include "protocol/Client.h"
#include "protocol/Messages.h"
#include "store/Crypto.h"

namespace chamber::net {

namespace {
constexpr std::size_t kRecentEvents = 50000;

std::shared_ptr<spdlog::logger> netLogger() {
  return log::get("server");
}
}  // namespace

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Frame makeFrame(std::string_view payload) {
  auto s = std::make_shared<std::string>(LWS_PRE + payload.size(), '\0');
  std::copy(payload.begin(), payload.end(), s->begin() + LWS_PRE);
  return s;
}

std::string eventFrameText(const store::StoredEvent& e) {
  return protocol::eventMessageText(e.seq, e.ts_ms, e.sitting, e.kind, e.data);
}

ServerImpl::ServerImpl(ServerConfig config)
    : cfg(std::move(config)),
      log(netLogger()),
      store(cfg.dataDir),
      accountThrottle(cfg.accountThrottle),
      sourceThrottle(cfg.sourceThrottle),
      guard(cfg.petitions) {
  state = store.load(head);
  log->info("state rebuilt from {} events; {} sittings", head, state.sittings.size());
  voidInterruptedVotes();
  // Papers stored while the server was down (chamberctl) become searchable now.
  try {
    if (const int n = store.indexDocuments()) log->info("{} documents indexed for search", n);
  } catch (const std::exception& e) {
    log->error("search index: {}", e.what());
  }
  store.log.forEach(std::max<std::int64_t>(0, head - static_cast<std::int64_t>(kRecentEvents)),
                    [&](const store::StoredEvent& e) {
                      recent_.push_back({e, makeFrame(eventFrameText(e))});
                    });
  createContext(*this);
  signIns = std::make_unique<SignInPool>(cfg.signInThreads, cfg.maxPendingSignIns,
                                         [ctx = ctx] { lws_cancel_service(ctx); });
  externalTick.owner = this;
  lws_sul_schedule(ctx, 0, &externalTick.sul, onExternalTick, LWS_US_PER_SEC);
}

void ServerImpl::onExternalTick(lws_sorted_usec_list_t* sul) {
  ServerImpl* s = reinterpret_cast<ExternalTick*>(sul)->owner;
  s->externalDue = true;  // acted on after the service call, outside lws's callbacks
  lws_sul_schedule(s->ctx, 0, &s->externalTick.sul, onExternalTick, LWS_US_PER_SEC);
}

void ServerImpl::takeInExternal() {
  externalDue = false;
  if (tx_ || turnFailed_) return;
  try {
    if (store.log.head() <= head) return;
    beginTurn();  // catchUp() takes the events in; flush() commits and pushes them
    flush();
  } catch (const std::exception& e) {
    log->error("reading events written by another process: {}", e.what());
  }
}

void ServerImpl::voidInterruptedVotes() {
  // A secret vote open when the last server stopped: its choices died with that process.
  const core::Actor server{core::Role::Operator, "server"};
  for (const auto& d : core::voidInterruptedSecretVotes(state)) {
    const auto now = nowMs();
    std::vector<store::StoredEvent> stored;
    {
      store::Transaction t(store.db);
      stored = store.record(server, d, now);
      t.commit();
    }
    store.secret.commitStaged();
    store::applyDecision(state, d, now);
    for (const auto& e : d.events) {
      log->warn("sitting {}: secret vote {} voided (the server stopped while it was open)",
                d.sitting, std::get<core::VoteVoided>(e).vote);
    }
    head = stored.back().seq;
  }
}

ServerImpl::~ServerImpl() {
  signIns.reset();  // its threads wake the context: stop them first
  if (ctx) lws_context_destroy(ctx);
}

void ServerImpl::run() {
  while (!stopping.load()) {
    if (lws_service(ctx, 0) < 0) break;
    flush();
    if (externalDue) takeInExternal();
  }
  flush();
}

Connection* ServerImpl::added(lws* wsi) {
  auto c = std::make_unique<Connection>();
  c->id = nextConnId++;
  c->wsi = wsi;
  c->tokens = cfg.messageBurst;
  c->refill_ms = nowMs();
  char peer[64] = {0};
  lws_get_peer_simple(wsi, peer, sizeof peer);
  c->peer = peer;
  Connection* raw = c.get();
  byId_[raw->id] = raw;
  conns[wsi] = std::move(c);
  return raw;
}

void ServerImpl::removed(lws* wsi) {
  auto it = conns.find(wsi);
  if (it == conns.end()) return;
  setIdentity(*it->second, core::Role::Public, "", "");
  byId_.erase(it->second->id);
  conns.erase(it);
}

void ServerImpl::setIdentity(Connection& c, core::Role role, const std::string& principal,
                             const std::string& name) {
  staff_.erase(&c);
  if (!c.principal.empty()) {
    auto it = byPrincipal_.find(c.principal);
    if (it != byPrincipal_.end()) {
      it->second.erase(&c);
      if (it->second.empty()) byPrincipal_.erase(it);
    }
  }
  c.role = role;
  c.principal = principal;
  c.name = name;
  if (core::roleIn(role, core::Audience::Staff)) staff_.insert(&c);
  if (!principal.empty()) byPrincipal_[principal].insert(&c);
}

void ServerImpl::push(Connection& c, Frame f) {
  if (c.closing) return;
  if (c.outbox.size() >= cfg.maxOutboxMessages) {
    log->warn("connection {} ({}) is too far behind: disconnected", c.id, c.peer);
    closeLater(c, LWS_CLOSE_STATUS_POLICY_VIOLATION, "too slow: resume from your last event", true);
    return;
  }
  c.outbox.push_back(std::move(f));
  if (c.outbox.size() == 1) lws_callback_on_writable(c.wsi);
}

void ServerImpl::closeLater(Connection& c, int code, const std::string& reason, bool drop) {
  if (drop) c.outbox.clear();
  c.closing = true;
  c.closeCode = code;
  c.closeReason = reason;
  lws_callback_on_writable(c.wsi);
}

int ServerImpl::onWritable(Connection& c) {
  if (c.outbox.empty()) {
    if (c.closing) {
      lws_close_reason(c.wsi, static_cast<lws_close_status>(c.closeCode),
                       reinterpret_cast<unsigned char*>(c.closeReason.data()),
                       c.closeReason.size());
      return -1;
    }
    return 0;
  }
  Frame f = std::move(c.outbox.front());
  c.outbox.pop_front();
  auto* payload = reinterpret_cast<unsigned char*>(const_cast<char*>(f->data())) + LWS_PRE;
  const auto n = f->size() - LWS_PRE;
  if (lws_write(c.wsi, payload, n, LWS_WRITE_TEXT) < static_cast<int>(n)) return -1;
  if (!c.outbox.empty() || c.closing) lws_callback_on_writable(c.wsi);
  return 0;
}

void ServerImpl::beginTurn() {
  if (tx_) return;
  tx_.emplace(store.db);
  catchUp();
}

void ServerImpl::catchUp() {
  // Another process (chamberctl) may have appended events: take them in, in order.
  const auto dbHead = store.log.head();
  const std::int64_t known = turnEvents_.empty() ? head : turnEvents_.back().seq;
  if (dbHead <= known) return;
  state.council = store.council.delegates();
  state.responders = store.council.responders();
  for (auto& e : store.log.readAfter(known)) {
    store::applyStored(state, e);
    if (e.kind == core::SignInCleared::kKind)  // chamberctl signin clear
      accountThrottle.clear("seat:" +
                            std::to_string(protocol::json::parse(e.data).value("seat", 0)));
    turnEvents_.push_back(std::move(e));
  }
  log->info("took in {} events written by another process", dbHead - known);
}

void ServerImpl::defer(Connection& c, std::string text, const std::string& commandId) {
  deferred_.push_back({c.id, std::move(text), commandId});
}

void ServerImpl::deferClose(Connection& c, int code, const std::string& reason) {
  deferred_.push_back({c.id, reason, {}, code});
}

void ServerImpl::markFailed(const std::string& why) {
  if (!turnFailed_) log->error("storage failure, the turn is rolled back: {}", why);
  turnFailed_ = true;
}

void ServerImpl::flush() {
  if (tx_ && !turnFailed_) {
    try {
      const auto t0 = std::chrono::steady_clock::now();
      tx_->commit();
      metrics.commit(std::chrono::steady_clock::now() - t0);
    } catch (const std::exception& e) {
      markFailed(e.what());
    }
  }
  if (turnFailed_) {
    failTurn();
  } else {
    commitTurn();
  }
  tx_.reset();
}

void ServerImpl::commitTurn() {
  store.secret.commitStaged();
  for (auto& d : deferred_) {
    auto it = byId_.find(d.conn);
    if (it == byId_.end()) continue;
    if (d.closeCode)
      closeLater(*it->second, d.closeCode, d.text, false);
    else
      push(*it->second, makeFrame(d.text));
  }
  deferred_.clear();
  turnReplies_.clear();
  for (auto& e : turnEvents_) {
    head = e.seq;
    CachedEvent ce{std::move(e), nullptr};
    ce.frame = makeFrame(eventFrameText(ce.ev));
    broadcast(ce);
    recent_.push_back(std::move(ce));
    if (recent_.size() > kRecentEvents) recent_.pop_front();
  }
  turnEvents_.clear();
}

void ServerImpl::failTurn() {
  tx_.reset();  // rolls back
  store.secret.discardStaged();
  // Nothing of the turn was committed: rebuild the state from what was.
  try {
    state = store.load(head);
  } catch (const std::exception& e) {
    log->critical("cannot reload the state after a storage failure: {}", e.what());
    stopping = true;
  }
  for (auto& d : deferred_) {
    auto it = byId_.find(d.conn);
    if (it == byId_.end()) continue;
    if (d.closeCode) {
      closeLater(*it->second, d.closeCode, d.text, false);
    } else if (!d.commandId.empty()) {
      push(*it->second,
           makeFrame(protocol::errorReply(d.commandId, "storage_failure",
                                          "Lỗi lưu trữ, lệnh chưa được ghi; hãy gửi lại / "
                                          "storage failure: not recorded, send again")
                         .dump()));
    } else {
      // A read answered from state that was rolled back: the client reconnects and resumes.
      closeLater(*it->second, LWS_CLOSE_STATUS_GOINGAWAY, "storage failure: resume", true);
    }
  }
  deferred_.clear();
  turnEvents_.clear();
  turnReplies_.clear();
  turnFailed_ = false;
}

bool ServerImpl::visible(core::Role role, const std::string& principal,
                         const store::StoredEvent& e) const {
  if (const core::Sitting* s = state.sitting(e.sitting);
      s && !s->isPublic && role == core::Role::Public)
    return false;
  if (core::roleIn(role, static_cast<core::Audience>(e.audience))) return true;
  return !e.subject.empty() && e.subject == principal && role != core::Role::Public;
}

void ServerImpl::offer(Connection& c, const CachedEvent& e) {
  if (!c.subscribed || c.sentUpTo >= e.ev.seq) return;
  c.sentUpTo = e.ev.seq;
  if (visible(c.role, c.principal, e.ev)) push(c, e.frame);
}

void ServerImpl::broadcast(const CachedEvent& e) {
  if (static_cast<core::Audience>(e.ev.audience) == core::Audience::Staff) {
    for (Connection* c : staff_) offer(*c, e);
    if (auto it = byPrincipal_.find(e.ev.subject);
        !e.ev.subject.empty() && it != byPrincipal_.end())
      for (Connection* c : it->second) offer(*c, e);
    return;
  }
  for (auto& [wsi, c] : conns) offer(*c, e);
}

void ServerImpl::replay(Connection& c, std::int64_t after) {
  // Only committed events: this turn's own are broadcast after its commit.
  if (after < head) {
    if (!recent_.empty() && after + 1 >= recent_.front().ev.seq) {
      for (const auto& e : recent_)
        if (e.ev.seq > after && visible(c.role, c.principal, e.ev))
          defer(c, e.frame->substr(LWS_PRE));
    } else {
      store.log.forEach(after, [&](const store::StoredEvent& e) {
        if (e.seq <= head && visible(c.role, c.principal, e)) defer(c, eventFrameText(e));
      });
    }
  }
  c.sentUpTo = std::max(after, head);
  c.subscribed = true;
}

std::string ServerImpl::execute(const core::Actor& actor, const std::string& clientId,
                                const core::Command& command) {
  const auto principal = store::actorString(actor);
  const auto key = std::make_pair(principal, clientId);
  // What was asked, as the wire says it: the same id with another command is not a retry.
  const std::string digest = store::sha256Hex(protocol::command("", command).dump());
  const auto answer = [&](const std::string& storedDigest, const std::string& reply) {
    if (!storedDigest.empty() && storedDigest != digest)
      return protocol::errorReply(clientId, "id_reused",
                                  "Mã lệnh này đã dùng cho một lệnh khác; hãy dùng mã mới / this "
                                  "id was used for another command: use a fresh id")
          .dump();
    return reply;
  };
  if (auto it = turnReplies_.find(key); it != turnReplies_.end())
    return answer(it->second.first, it->second.second);
  if (turnFailed_)
    return protocol::errorReply(clientId, "storage_failure", "Lỗi lưu trữ / storage failure")
        .dump();
  try {
    beginTurn();
    if (auto stored = store.replies.find(principal, clientId))
      return answer(stored->digest, stored->reply);
    const auto now = nowMs();
    std::vector<store::StoredEvent> stored;
    const core::Decision d = store.decideAndRecord(state, actor, command, now, stored);
    std::string reply;
    metrics.command(std::string(core::nameOf(command)), d.ok() ? "ok" : d.error->code);
    if (!d.ok()) {
      reply = protocol::errorReply(clientId, d.error->code, d.error->message).dump();
      log->debug("{} {} refused: {}", principal, core::nameOf(command), d.error->code);
    } else {
      store::applyDecision(state, d, now);
      for (const auto& e : d.events)
        if (const auto* c = std::get_if<core::SignInCleared>(&e))
          accountThrottle.clear("seat:" + std::to_string(c->seat));
      std::vector<std::string> texts;
      for (const auto& e : stored) texts.push_back(eventFrameText(e));
      reply = protocol::okEventsText(clientId, stored.empty() ? head : stored.back().seq, texts);
      for (auto& e : stored) turnEvents_.push_back(std::move(e));
      log->debug("{} {} ok", principal, core::nameOf(command));
    }
    store.replies.put(principal, clientId, digest, reply);
    turnReplies_[key] = {digest, reply};
    return reply;
  } catch (const std::exception& e) {
    markFailed(e.what());
    return protocol::errorReply(clientId, "storage_failure", e.what()).dump();
  }
}

std::string ServerImpl::councilName(bool english) const {
  if (english && !cfg.councilEn.empty()) return cfg.councilEn;
  if (!cfg.council.empty()) return cfg.council;  // a proper name reads in English too
  const core::Sitting* cur = state.current();
  const std::string issuer = cur ? cur->rules.council : "";
  if (!issuer.empty() && issuer != core::CouncilRules{}.council) return issuer;
  return english ? "People's Council" : "Hội đồng nhân dân";
}

std::optional<store::Principal> ServerImpl::principalFromToken(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  try {
    return store.council.loginToken(token, nowMs());
  } catch (const std::exception& e) {
    log->error("token lookup failed: {}", e.what());
    return std::nullopt;
  }
}

Server::Server(ServerConfig config) : impl_(std::make_unique<ServerImpl>(std::move(config))) {}
Server::~Server() = default;
int Server::port() const {
  return lws_get_vhost_listen_port(impl_->vhost);
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stopping = true;
  if (impl_->ctx) lws_cancel_service(impl_->ctx);
}

}  // namespace chamber::net
