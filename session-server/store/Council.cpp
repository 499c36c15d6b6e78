#include "store/Council.h"

#include "store/Crypto.h"

namespace chamber::store {

using core::Role;

void Council::putDelegate(const core::Delegate& d, const std::string& pin, int iterations) {
  {
    // A new PIN or a new role: the tablets signed in under the old ones sign in again.
    auto old = db_.prepare("SELECT role FROM delegates WHERE id = ?");
    old.bind(1, d.id);
    if (old.step() && (!pin.empty() || old.text(0) != core::roleName(d.role))) revokeTokens(d.id);
  }
  auto s = db_.prepare(
      "INSERT INTO delegates(id, seat, name, title, role, in_office, pin_hash) "
      "VALUES(?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET seat=excluded.seat, "
      "name=excluded.name, title=excluded.title, role=excluded.role, "
      "in_office=excluded.in_office, "
      "pin_hash=CASE WHEN excluded.pin_hash = '' THEN delegates.pin_hash ELSE excluded.pin_hash "
      "END");
  s.bind(1, d.id).bind(2, d.seat).bind(3, d.name).bind(4, d.title).bind(5, core::roleName(d.role));
  s.bind(6, d.inOffice ? 1 : 0).bind(7, pin.empty() ? std::string() : hashSecret(pin, iterations));
  s.run();
}

std::vector<core::Delegate> Council::delegates() {
  std::vector<core::Delegate> out;
  auto s =
      db_.prepare("SELECT id, seat, name, title, role, in_office FROM delegates ORDER BY seat");
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
  revokeTokens(id);  // a new password (or role): every device signs in again
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

namespace {
/// A hash of nothing anyone knows, with the cost of the table's own hashes, so that an
/// unknown name costs what a known one does.
std::string standIn(Database& db, const char* costQuery) {
  auto s = db.prepare(costQuery);
  std::string cost = "60000";
  if (s.step()) {
    const std::string h = s.text(0);
    const auto a = h.find('$'), b = h.find('$', a + 1);
    if (a != std::string::npos && b != std::string::npos) cost = h.substr(a + 1, b - a - 1);
  }
  return "pbkdf2-sha256$" + cost + "$00000000000000000000000000000000$" + std::string(64, '0');
}
}  // namespace

Council::Credential Council::pinCredential(int seat) {
  auto s = db_.prepare("SELECT id, name, role, pin_hash FROM delegates WHERE seat = ?");
  s.bind(1, seat);
  if (s.step() && !s.text(3).empty())
    return {Principal{core::roleFromName(s.text(2)).value_or(Role::Delegate), s.text(0), s.text(1)},
            s.text(3)};
  return {std::nullopt,
          standIn(db_, "SELECT pin_hash FROM delegates WHERE pin_hash <> '' LIMIT 1")};
}

Council::Credential Council::passwordCredential(const std::string& user) {
  auto s = db_.prepare("SELECT id, name, role, secret_hash FROM accounts WHERE id = ?");
  s.bind(1, user);
  if (s.step()) {
    if (auto role = core::roleFromName(s.text(2)))
      return {Principal{*role, s.text(0), s.text(1)}, s.text(3)};
  }
  return {std::nullopt, standIn(db_, "SELECT secret_hash FROM accounts LIMIT 1")};
}

std::optional<Principal> Council::loginPin(int seat, const std::string& pin) {
  auto c = pinCredential(seat);
  if (!verifySecret(pin, c.hash)) return std::nullopt;
  return c.principal;
}

std::optional<Principal> Council::loginPassword(const std::string& user,
                                                const std::string& password) {
  auto c = passwordCredential(user);
  if (!verifySecret(password, c.hash)) return std::nullopt;
  return c.principal;
}

std::string Council::issueToken(const Principal& p, const std::string& label, std::int64_t now_ms,
                                std::int64_t lifetime_ms) {
  const std::string token = randomHex(32);
  auto& s = db_.cached(
      "INSERT INTO tokens(token_hash, principal, role, label, created_ms, expires_ms) "
      "VALUES(?,?,?,?,?,?)");
  s.bind(1, sha256Hex(token)).bind(2, p.id).bind(3, core::roleName(p.role)).bind(4, label);
  s.bind(5, now_ms).bind(6, now_ms + lifetime_ms);
  s.run();
  return token;
}

std::optional<Principal> Council::loginToken(const std::string& token, std::int64_t now_ms) {
  // The role is the account's as it is now, never the one the token was issued with.
  auto& s = db_.cached(
      "SELECT t.principal, COALESCE(d.role, a.role), COALESCE(d.name, a.name) FROM tokens t "
      "LEFT JOIN delegates d ON d.id = t.principal LEFT JOIN accounts a ON a.id = t.principal "
      "WHERE t.token_hash = ? AND t.revoked = 0 AND t.expires_ms > ?");
  s.bind(1, sha256Hex(token)).bind(2, now_ms);
  std::optional<Principal> out;
  if (s.step() && !s.isNull(1)) {
    if (auto role = core::roleFromName(s.text(1))) out = Principal{*role, s.text(0), s.text(2)};
  }
  s.reset();
  return out;
}

int Council::revokeTokens(const std::string& principalId) {
  auto s = db_.prepare(principalId.empty()
                           ? "UPDATE tokens SET revoked = 1 WHERE revoked = 0 AND ?1 = ''"
                           : "UPDATE tokens SET revoked = 1 WHERE revoked = 0 AND principal = ?1");
  s.bind(1, principalId);
  s.run();
  return db_.changes();
}

int Council::revokeToken(const std::string& idPrefix) {
  if (idPrefix.size() < 8) return 0;  // a prefix this short could name many
  auto s = db_.prepare(
      "UPDATE tokens SET revoked = 1 WHERE revoked = 0 AND substr(token_hash, 1, ?) = ?");
  s.bind(1, static_cast<int>(idPrefix.size())).bind(2, idPrefix);
  s.run();
  return db_.changes();
}

std::vector<Council::TokenInfo> Council::tokens() {
  std::vector<TokenInfo> out;
  auto s = db_.prepare(
      "SELECT substr(token_hash, 1, 16), principal, label, created_ms, expires_ms, revoked FROM "
      "tokens "
      "ORDER BY created_ms");
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3), s.integer(4), s.integer(5) != 0});
  return out;
}

}  // namespace chamber::store
