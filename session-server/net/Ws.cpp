// chamber.v1 messages from one WebSocket client: hello, auth, resume, cmd, ping.
// Thin on purpose: decode, call the core through ServerImpl::execute, queue the reply.
#include "net/ServerImpl.h"
#include "protocol/Client.h"
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
  c.tokens = std::min(s.cfg.messageBurst, c.tokens + static_cast<double>(now - c.refill_ms) *
                                                         s.cfg.messagesPerSecond / 1000.0);
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

/// Signed in: the connection becomes who the credential says, and gets a device token
/// when it asked for one.
void signedIn(ServerImpl& s, Connection& c, const store::Principal& p, const std::string& messageId,
              const std::string& method, const std::string& device) {
  s.setIdentity(c, p.role, p.id, p.name);
  json result{{"role", core::roleName(p.role)}, {"id", p.id}, {"name", p.name}};
  if (method != "public" && method != "token" && !device.empty()) {
    try {
      s.beginTurn();  // the token is written with the turn, and sent after it commits
      result["token"] = s.store.council.issueToken(p, device, nowMs(), s.cfg.tokenLifetime_ms);
    } catch (const std::exception& e) {
      s.markFailed(e.what());
    }
  }
  s.log->info("connection {} ({}) is {} {}", c.id, c.peer, core::roleName(p.role), p.id);
  s.defer(c, protocol::okReply(messageId, result).dump(), messageId);
}

std::string throttledMessage(std::int64_t wait_ms) {
  const auto secs = std::to_string((wait_ms + 999) / 1000);
  return "Đăng nhập sai nhiều lần, thử lại sau " + secs +
         " giây / too many failed sign-ins, try again in " + secs + " s";
}

void handleAuth(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& b = m.body;
  const auto str = [&](const char* k) -> std::optional<std::string> {
    if (!b.contains(k)) return std::string();
    if (!b[k].is_string()) return std::nullopt;
    return b[k].get<std::string>();
  };
  const auto method = str("method"), device = str("device");
  if (!method || !device)
    return s.defer(c,
                   err(m.id, "bad_args", "method, device: chuỗi / method and device are strings"));
  if (c.signingIn)
    return s.defer(
        c, err(m.id, "busy", "Đang kiểm tra lần đăng nhập trước / a sign-in is being checked"));
  const auto now = nowMs();
  const std::string sourceKey = "ip:" + c.peer;
  if (*method == "public") return signedIn(s, c, {core::Role::Public, "", ""}, m.id, *method, "");
  if (*method == "token") {
    const auto token = str("token");
    if (!token) return s.defer(c, err(m.id, "bad_args", "token: chuỗi / token is a string"));
    if (const auto wait = s.sourceThrottle.wait_ms(sourceKey, now))
      return s.defer(c, err(m.id, "throttled", throttledMessage(wait)));
    auto p = s.principalFromToken(*token);
    if (!p) {
      s.sourceThrottle.failed(sourceKey, now);
      return s.defer(c, err(m.id, "auth_failed",
                            "Mã thiết bị không hợp lệ hoặc đã hết hạn / invalid or expired token"));
    }
    return signedIn(s, c, *p, m.id, *method, "");
  }

  SignInJob job;
  job.conn = c.id;
  job.messageId = m.id;
  job.method = *method;
  job.device = device->substr(0, 100);
  job.sourceKey = sourceKey;
  if (*method == "pin") {
    if (!b.contains("seat") || !b["seat"].is_number_integer() || !b.contains("pin") ||
        !b["pin"].is_string())
      return s.defer(c, err(m.id, "bad_args", "seat (số) và pin (chuỗi) / seat and pin required"));
    const auto seat = b["seat"].get<std::int64_t>();
    if (seat < 1 || seat > 100000) return s.defer(c, err(m.id, "bad_args", "seat: 1..100000"));
    job.accountKey = "seat:" + std::to_string(seat);
    job.secret = b["pin"].get<std::string>();
  } else if (*method == "password") {
    const auto user = str("user"), password = str("password");
    if (!user || !password || user->empty() || user->size() > 64)
      return s.defer(c, err(m.id, "bad_args",
                            "user (chuỗi) và password (chuỗi) / user and password are strings"));
    job.accountKey = "user:" + *user;
    job.secret = *password;
  } else {
    return s.defer(c, err(m.id, "bad_args", "method: pin, token, password, public"));
  }
  if (job.secret.size() > 1024) return s.defer(c, err(m.id, "bad_args", "secret too long"));
  // Throttled keys are answered at once, without the cost of a check.
  const auto wait = std::max(s.accountThrottle.wait_ms(job.accountKey, now),
                             s.sourceThrottle.wait_ms(sourceKey, now));
  if (wait > 0) {
    json e = protocol::errorReply(m.id, "throttled", throttledMessage(wait));
    e["retryAfter_s"] = (wait + 999) / 1000;
    return s.defer(c, e.dump());
  }
  job.credential = *method == "pin"
                       ? s.store.council.pinCredential(std::stoi(job.accountKey.substr(5)))
                       : s.store.council.passwordCredential(job.accountKey.substr(5));
  if (!s.signIns->submit(std::move(job)))
    return s.defer(c, err(m.id, "busy",
                          "Máy chủ đang bận, thử lại sau giây lát / busy, try again in a moment"));
  c.signingIn = true;
}

}  // namespace

void ServerImpl::finishSignIns() {
  for (auto& job : signIns->takeDone()) {
    const auto now = nowMs();
    if (job.ok) {
      accountThrottle.clear(job.accountKey);
    } else {
      accountThrottle.failed(job.accountKey, now);
      sourceThrottle.failed(job.sourceKey, now);
      log->warn("failed sign-in for {} from {}", job.accountKey, job.sourceKey.substr(3));
    }
    auto it = byId_.find(job.conn);
    if (it == byId_.end()) continue;  // gone while it was checked
    Connection& c = *it->second;
    c.signingIn = false;
    if (!job.ok)
      defer(c, err(job.messageId, "auth_failed", "Sai thông tin đăng nhập / wrong credentials"));
    else
      signedIn(*this, c, *job.credential.principal, job.messageId, job.method, job.device);
    // What came meanwhile, in order (it may itself be a sign-in that holds the rest again).
    while (!c.signingIn && !c.held.empty()) {
      const std::string text = std::move(c.held.front());
      c.held.pop_front();
      onMessage(c, text);
    }
  }
}

namespace {

void handleResume(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& a = m.body.contains("after") ? m.body["after"] : json(0);
  if (!a.is_number_integer() || a.get<std::int64_t>() < 0)
    return s.defer(
        c, err(m.id, "bad_args", "after: số thứ tự sự kiện >= 0 / after: a sequence number"));
  s.replay(c, a.get<std::int64_t>());
  s.defer(c, protocol::okReply(m.id, {{"head", s.head}}).dump());
}

void handleCmd(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  const json& b = m.body;
  if (!b.contains("cmd") || !b["cmd"].is_string())
    return s.defer(c, err(m.id, "bad_message", "\"cmd\" names the command"));
  const std::string name = b["cmd"].get<std::string>();
  const json args = b.contains("args") ? b["args"] : json::object();
  if (name == protocol::kStateQuery) {
    return s.defer(
        c, protocol::okReply(m.id, {{"head", s.head},
                                    {"state", protocol::stateView(s.state, c.role, c.principal)}})
               .dump());
  }
  if (c.role == core::Role::Public)
    return s.defer(c,
                   err(m.id, "not_authenticated",
                       "Công chúng chỉ được xem / the public may only read; authenticate first"));
  core::Command cmd;
  try {
    cmd = protocol::decodeCommand(name, args);
  } catch (const protocol::DecodeError& e) {
    return s.defer(c, err(m.id, e.code, e.what()));
  }
  s.defer(c, s.execute(c.actor(), m.id, cmd), m.id);
}

/// The media process's figures (recording size, disk): kept for /metrics, never logged.
void handleStats(ServerImpl& s, Connection& c, const protocol::ClientMessage& m) {
  if (c.role != core::Role::Media)
    return s.defer(c,
                   err(m.id, "forbidden",
                       "Chỉ tiến trình ghi hình gửi số liệu / only the media process sends stats"));
  try {
    s.metrics.media(protocol::parseMediaStats(m.body));
  } catch (const protocol::DecodeError& e) {
    return s.defer(c, err(m.id, e.code, e.what()));
  }
  s.defer(c, protocol::okReply(m.id, json::object()).dump());
}

}  // namespace

void ServerImpl::onMessage(Connection& c, std::string_view text) {
  if (c.signingIn) {
    if (c.held.size() >= 64)
      return defer(
          c, err("", "busy", "Đang đăng nhập, chờ trả lời / signing in: wait for the answer"));
    c.held.emplace_back(text);
    return;
  }
  if (c.violations > 200) return;  // being closed for flooding: nothing more is handled
  if (rateLimited(*this, c)) {
    if (++c.violations > 200) {
      // After the replies before it (rate_limited among them, some still waiting for this
      // turn's commit) leave: the client learns why. Once is enough.
      if (c.violations == 201) deferClose(c, LWS_CLOSE_STATUS_POLICY_VIOLATION, "rate limit");
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
    return defer(c, protocol::pong(m.id).dump());
  }
  if (m.type == protocol::ClientType::Hello) return handleHello(*this, c, m);
  if (!c.helloDone) return defer(c, err(m.id, "hello_first", "Gửi hello trước / send hello first"));
  switch (m.type) {
    case protocol::ClientType::Auth:
      return handleAuth(*this, c, m);
    case protocol::ClientType::Resume:
      return handleResume(*this, c, m);
    case protocol::ClientType::Cmd:
      return handleCmd(*this, c, m);
    case protocol::ClientType::Stats:
      return handleStats(*this, c, m);
    default:
      return;
  }
}

}  // namespace chamber::net
