// chamber.v1 messages from one WebSocket client: hello, auth, resume, cmd, ping.
// Thin on purpose: decode, call the core through ServerImpl::execute, queue the reply.
#include "net/ServerImpl.h"
#include "protocol/Messages.h"
#include "protocol/StateView.h"

namespace chamber::net {

namespace {

constexpr const char* kServerName = "chamber-server/0.1";

std::string err(const std::string& id, const std::string& code, const std::string& msg) {
  return protocol::errorReply(id, code, msg).dump();
}

bool rateLimited(ServerImpl& s, Connection& c) {
  const auto now = nowMs();
  c.tokens = std::min(s.cfg.messageBurst,
                      c.tokens + static_cast<double>(now - c.refill_ms) * s.cfg.messagesPerSecond / 1000.0);
  c.refill_ms = now;
  if (c.tokens >= 1.0) {
    c.tokens -= 1.0;
    return false;
  }
  return true;
}

void handleHello(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const auto& v = m.body.contains("version") ? m.body["version"] : json();
  if (!v.is_number_integer() || v.get<int>() != protocol::kVersion) {
    s.defer(c, err(m.id, "version_mismatch",
                   "Phiên bản giao thức không khớp, máy chủ dùng chamber.v1 / protocol version "
                   "mismatch: the server speaks version 1"));
    s.deferClose(c, LWS_CLOSE_STATUS_PROTOCOL_ERR, "version mismatch");
    return;
  }
  c.helloDone = true;
  json w = protocol::welcome(kServerName, s.head, c.role);
  if (!m.id.empty()) w["id"] = m.id;
  s.defer(c, w.dump());
}

void handleAuth(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& b = m.body;
  const std::string method = b.value("method", "");
  std::optional<store::Principal> p;
  try {
    if (method == "public") {
      p = store::Principal{core::Role::Public, "", ""};
    } else if (method == "pin") {
      if (!b.contains("seat") || !b["seat"].is_number_integer() || !b.contains("pin") || !b["pin"].is_string())
        return s.defer(c, err(m.id, "bad_args", "seat (số) và pin (chuỗi) / seat and pin required"));
      const int seat = b["seat"].get<int>();
      auto& lock = s.pinLocks[seat];
      const auto now = nowMs();
      if (lock.until_ms > now)
        return s.defer(c, err(m.id, "locked_out",
                              "Nhập sai PIN quá nhiều lần, thử lại sau " +
                                  std::to_string((lock.until_ms - now) / 1000 + 1) +
                                  " giây / too many wrong PINs, try again later"));
      p = s.store.council.loginPin(seat, b["pin"].get<std::string>());
      if (!p) {
        if (++lock.failures >= s.cfg.pinFailuresBeforeLock) {
          lock.until_ms = now + s.cfg.pinLockSeconds * 1000LL;
          lock.failures = 0;
        }
        s.log->warn("wrong PIN for seat {} from {}", seat, c.peer);
      } else {
        lock = {};
      }
    } else if (method == "token") {
      p = s.principalFromToken(b.value("token", ""));
    } else if (method == "password") {
      p = s.store.council.loginPassword(b.value("user", ""), b.value("password", ""));
    } else {
      return s.defer(c, err(m.id, "bad_args", "method: pin, token, password, public"));
    }
  } catch (const json::exception&) {
    return s.defer(c, err(m.id, "bad_args", "sai kiểu dữ liệu / wrong types"));
  }
  if (!p) return s.defer(c, err(m.id, "auth_failed", "Sai thông tin đăng nhập / wrong credentials"));

  s.setIdentity(c, p->role, p->id, p->name);
  json result{{"role", core::roleName(p->role)}, {"id", p->id}, {"name", p->name}};
  if (method != "public" && method != "token" && b.contains("device") && b["device"].is_string()) {
    try {
      s.beginTurn();  // the token is written with the turn, and sent after it commits
      result["token"] = s.store.council.issueToken(*p, b["device"].get<std::string>().substr(0, 100), nowMs());
    } catch (const std::exception& e) {
      s.markFailed(e.what());
    }
  }
  s.log->info("connection {} ({}) is {} {}", c.id, c.peer, core::roleName(p->role), p->id);
  s.defer(c, protocol::okReply(m.id, result).dump(), m.id);
}

void handleResume(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& a = m.body.contains("after") ? m.body["after"] : json(0);
  if (!a.is_number_integer() || a.get<std::int64_t>() < 0)
    return s.defer(c, err(m.id, "bad_args", "after: số thứ tự sự kiện >= 0 / after: a sequence number"));
  s.replay(c, a.get<std::int64_t>());
  s.defer(c, protocol::okReply(m.id, {{"head", s.head}}).dump());
}

void handleCmd(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& b = m.body;
  if (!b.contains("cmd") || !b["cmd"].is_string())
    return s.defer(c, err(m.id, "bad_message", "\"cmd\" names the command"));
  const std::string name = b["cmd"].get<std::string>();
  const json args = b.contains("args") ? b["args"] : json::object();
  if (name == "state.get") {
    return s.defer(c, protocol::okReply(m.id, {{"head", s.head},
                                               {"state", protocol::stateView(s.state, c.role, c.principal)}})
                          .dump());
  }
  if (c.role == core::Role::Public)
    return s.defer(c, err(m.id, "not_authenticated",
                          "Công chúng chỉ được xem / the public may only read; authenticate first"));
  core::Command cmd;
  try {
    cmd = protocol::decodeCommand(name, args);
  } catch (const protocol::DecodeError& e) {
    return s.defer(c, err(m.id, e.code, e.what()));
  }
  s.defer(c, s.execute(c.actor(), m.id, cmd), m.id);
}

}  // namespace

void ServerImpl::onMessage(Connection& c, std::string_view text) {
  if (rateLimited(*this, c)) {
    if (++c.violations > 200) {
      closeLater(c, LWS_CLOSE_STATUS_POLICY_VIOLATION, "rate limit", true);
    } else {
      defer(c, err("", "rate_limited", "Gửi quá nhanh / too many messages, slow down"));
    }
    return;
  }
  protocol::ClientMessage m;
  try {
    m = protocol::parseClientMessage(text);
  } catch (const protocol::DecodeError& e) {
    return defer(c, err("", e.code, e.what()));
  }
  if (m.type == protocol::ClientType::Ping) {
    json pong{{"type", "pong"}};
    if (!m.id.empty()) pong["id"] = m.id;
    return defer(c, pong.dump());
  }
  if (m.type == protocol::ClientType::Hello) return handleHello(*this, c, m);
  if (!c.helloDone) return defer(c, err(m.id, "hello_first", "Gửi hello trước / send hello first"));
  switch (m.type) {
    case protocol::ClientType::Auth: return handleAuth(*this, c, m);
    case protocol::ClientType::Resume: return handleResume(*this, c, m);
    case protocol::ClientType::Cmd: return handleCmd(*this, c, m);
    default: return;
  }
}

}  // namespace chamber::net
