#include "ClientSession.h"

#include <stdexcept>

namespace chamber::client {

using protocol::ServerType;

ClientSession::ClientSession(ClientLoop& loop, SessionOptions options)
    : loop_(loop), opt_(std::move(options)) {
  if (!parseWsUrl(opt_.url, host_, port_, &tls_))
    throw std::invalid_argument("the server must look like ws://host:port or wss://host:port");
  // Ids must be unique per principal for good (the server keeps every reply): a random
  // prefix per process, a counter per message.
  prefix_ = std::to_string(std::random_device{}()) + "-" +
            std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) + "-";
}

std::string ClientSession::nextId(const char* what) {
  return what + prefix_ + std::to_string(++counter_);
}

void ClientSession::connect() {
  if (ws_) loop_.release(*ws_);
  signedIn_ = false;
  caughtUp_ = false;
  ws_ = &loop_.connect(host_, port_, tls_);
  ws_->onOpen = [this] {
    ws_->send(protocol::hello(opt_.client).dump());
    const auto& c = opt_.credentials;
    authId_ = nextId("auth-");
    using M = Credentials::Method;
    protocol::json auth =
        c.method == M::Password ? protocol::authPassword(authId_, c.user, c.password, c.device)
        : c.method == M::Pin    ? protocol::authPin(authId_, c.seat, c.password, c.device)
        : c.method == M::Token  ? protocol::authToken(authId_, c.token)
                                : protocol::authPublic(authId_);
    ws_->send(auth.dump());
    resumeId_ = nextId("resume-");
    // Messages after an auth wait for its answer on the server: the resume runs signed in.
    ws_->send(protocol::resume(resumeId_, lastSeq_).dump());
  };
  ws_->onMessage = [this](const std::string& text) { onMessage(text); };
}

void ClientSession::onMessage(const std::string& text) {
  protocol::ServerMessage m;
  try {
    m = protocol::parseServerMessage(text);
  } catch (const protocol::DecodeError& e) {
    if (onLog) onLog(std::string("the server sent what chamber.v1 does not allow: ") + e.what());
    return;
  }
  switch (m.type) {
    case ServerType::Welcome:
    case ServerType::Pong:
      return;
    case ServerType::Event:
      if (m.event.seq <= lastSeq_) return;  // already seen before a reconnect
      lastSeq_ = m.event.seq;
      if (onEvent) onEvent(m.event);
      return;
    case ServerType::Ok:
    case ServerType::Error:
      break;
  }
  if (m.id == authId_) {
    if (m.type == ServerType::Error) {
      refused_ = true;
      if (onRefused) onRefused(m.code, m.message);
      ws_->close();
      return;
    }
    signedIn_ = true;
    if (everConnected_ && onLog) onLog("connected to the server again");
    everConnected_ = true;
    attempt_ = 0;
    if (onConnected) onConnected();
    return;
  }
  if (m.id == resumeId_) {
    if (m.type == ServerType::Ok) {
      caughtUp_ = true;
      if (onCaughtUp) onCaughtUp();
    } else if (onLog) {
      onLog("resume refused: " + m.code + " " + m.message);
    }
    return;
  }
  if (onReply) onReply(m);
}

void ClientSession::poll() {
  if (refused_) return;
  const auto now = std::chrono::steady_clock::now();
  if (ws_ && !ws_->isClosed()) return;
  if (now < nextConnect_) return;
  if (ws_) {
    // The server went away (or never answered): try again with backoff and jitter.
    const auto delay = protocol::reconnectDelay_ms(opt_.reconnect, attempt_++,
                                                   std::uniform_real_distribution<>(0, 1)(rng_));
    if (!delay) {
      refused_ = true;
      if (onRefused)
        onRefused("unreachable", "gave up after " + std::to_string(attempt_) + " tries");
      return;
    }
    nextConnect_ = now + std::chrono::milliseconds(*delay);
    if (onLog && (attempt_ == 1 || attempt_ % 10 == 0))
      onLog("server unreachable, reconnecting (attempt " + std::to_string(attempt_) + ")");
    if (ws_) loop_.release(*ws_);
    ws_ = nullptr;
    return;
  }
  connect();
}

std::string ClientSession::send(const core::Command& c) {
  if (!connected()) return "";
  const std::string id = nextId("c-");
  ws_->send(protocol::command(id, c).dump());
  return id;
}

bool ClientSession::sendRaw(const protocol::json& message) {
  if (!connected()) return false;
  ws_->send(message.dump());
  return true;
}

}  // namespace chamber::client
