#include "store/Council.h"

#include "store/Crypto.h"

namespace chamber::store {

using core::Role;

void Council::putDelegate(const core::Delegate& d, const std::string& pin, int iterations) {
  auto s = db_.prepare(
      "INSERT INTO delegates(id, seat, name, title, role, in_office, pin_hash) "
      "VALUES(?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET seat=excluded.seat, "
      "name=excluded.name, title=excluded.title, role=excluded.role, "
      "in_office=excluded.in_office, "
      "pin_hash=CASE WHEN excluded.pin_hash = '' THEN delegates.pin_hash ELSE excluded.pin_hash END");
  s.bind(1, d.id).bind(2, d.seat).bind(3, d.name).bind(4, d.title).bind(5, core::roleName(d.role));
  s.bind(6, d.inOffice ? 1 : 0).bind(7, pin.empty() ? std::string() : hashSecret(pin, iterations));
  s.run();
}

std::vector<core::Delegate> Council::delegates() {
  std::vector<core::Delegate> out;
  auto s = db_.prepare("SELECT id, seat, name, title, role, in_office FROM delegates ORDER BY seat");
  while (s.step()) {
    core::Delegate d;
    d.id = s.text(0);
    d.seat = static_cast<int>(s.integer(1));
    d.name = s.text(2);
    d.title = s.text(3);
    d.role = core::roleFromName(s.text(4)).value_or(Role::Delegate);
    d.inOffice = s.integer(5) != 0;
    out.push_back(std::move(d));
  }
  return out;
}

void Council::putAccount(const std::string& id, const std::string& name, const std::string& title,
                         Role role, const std::string& password, int iterations) {
  auto s = db_.prepare(
      "INSERT INTO accounts(id, name, title, role, secret_hash) VALUES(?,?,?,?,?) "
      "ON CONFLICT(id) DO UPDATE SET name=excluded.name, title=excluded.title, "
      "role=excluded.role, secret_hash=excluded.secret_hash");
  s.bind(1, id).bind(2, name).bind(3, title).bind(4, core::roleName(role));
  s.bind(5, hashSecret(password, iterations));
  s.run();
}

std::vector<core::Responder> Council::responders() {
  std::vector<core::Responder> out;
  auto s = db_.prepare("SELECT id, name, title FROM accounts WHERE role = 'responder' ORDER BY id");
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
  return out;
}

std::optional<Principal> Council::loginPin(int seat, const std::string& pin) {
  auto s = db_.prepare("SELECT id, name, role, pin_hash, in_office FROM delegates WHERE seat = ?");
  s.bind(1, seat);
  if (!s.step() || !verifySecret(pin, s.text(3))) return std::nullopt;
  return Principal{core::roleFromName(s.text(2)).value_or(Role::Delegate), s.text(0), s.text(1)};
}

std::optional<Principal> Council::loginPassword(const std::string& user, const std::string& password) {
  auto s = db_.prepare("SELECT id, name, role, secret_hash FROM accounts WHERE id = ?");
  s.bind(1, user);
  if (!s.step() || !verifySecret(password, s.text(3))) return std::nullopt;
  auto role = core::roleFromName(s.text(2));
  if (!role) return std::nullopt;
  return Principal{*role, s.text(0), s.text(1)};
}

std::string Council::issueToken(const Principal& p, const std::string& label, std::int64_t now_ms) {
  const std::string token = randomHex(32);
  auto& s = db_.cached(
      "INSERT INTO tokens(token_hash, principal, role, label, created_ms) VALUES(?,?,?,?,?)");
  s.bind(1, sha256Hex(token)).bind(2, p.id).bind(3, core::roleName(p.role)).bind(4, label);
  s.bind(5, now_ms);
  s.run();
  return token;
}

std::optional<Principal> Council::loginToken(const std::string& token) {
  auto& s = db_.cached(
      "SELECT t.principal, t.role, COALESCE(d.name, a.name, '') FROM tokens t "
      "LEFT JOIN delegates d ON d.id = t.principal LEFT JOIN accounts a ON a.id = t.principal "
      "WHERE t.token_hash = ? AND t.revoked = 0");
  s.bind(1, sha256Hex(token));
  std::optional<Principal> out;
  if (s.step()) {
    if (auto role = core::roleFromName(s.text(1))) out = Principal{*role, s.text(0), s.text(2)};
  }
  s.reset();
  return out;
}

void Council::revokeTokens(const std::string& principalId) {
  auto s = db_.prepare("UPDATE tokens SET revoked = 1 WHERE principal = ?");
  s.bind(1, principalId);
  s.run();
}

}  // namespace chamber::store
