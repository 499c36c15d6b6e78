#pragma once
/// The council's people and credentials: delegates (seat + PIN), accounts (operators,
/// media, display, responders: user + password) and device tokens for tablets.
/// Secrets are stored only as PBKDF2 hashes; tokens only as SHA-256.
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"
#include "store/Database.h"

namespace chamber::store {

struct Principal {
  core::Role role = core::Role::Public;
  std::string id;
  std::string name;
};

class Council {
 public:
  explicit Council(Database& db) : db_(db) {}

  /// Inserts or updates a delegate. An empty pin keeps the stored one.
  void putDelegate(const core::Delegate& d, const std::string& pin, int pbkdf2Iterations);
  std::vector<core::Delegate> delegates();
  void putAccount(const std::string& id, const std::string& name, const std::string& title,
                  core::Role role, const std::string& password, int pbkdf2Iterations);
  std::vector<core::Responder> responders();

  /// What checking a secret needs, looked up without checking it (that is slow: PBKDF2, and
  /// the server does it off its event loop). For an unknown seat or user, `principal` is
  /// empty and `hash` a stand-in with the same cost, so both take the same time.
  struct Credential {
    std::optional<Principal> principal;
    std::string hash;
  };
  Credential pinCredential(int seat);
  Credential passwordCredential(const std::string& user);
  /// Looks up and checks at once (chamberctl, tests).
  std::optional<Principal> loginPin(int seat, const std::string& pin);
  std::optional<Principal> loginPassword(const std::string& user, const std::string& password);

  /// A new random device token (returned once, stored hashed), valid for `lifetime_ms`.
  std::string issueToken(const Principal& p, const std::string& label, std::int64_t now_ms,
                         std::int64_t lifetime_ms);
  /// The token's principal with the role the account has *now*; nothing when the token is
  /// unknown, revoked or expired, or its account is gone.
  std::optional<Principal> loginToken(const std::string& token, std::int64_t now_ms);
  /// Revokes every token of one principal ("" : of everyone). Returns how many.
  int revokeTokens(const std::string& principalId);
  /// Revokes one token by the start of its id (see tokens()). Returns how many.
  int revokeToken(const std::string& idPrefix);
  struct TokenInfo {
    std::string id;  ///< the first 16 hex digits of the token's hash (not the token)
    std::string principal, label;
    std::int64_t created_ms = 0, expires_ms = 0;
    bool revoked = false;
  };
  std::vector<TokenInfo> tokens();

 private:
  Database& db_;
};

}  // namespace chamber::store
