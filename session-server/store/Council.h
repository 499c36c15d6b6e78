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

  std::optional<Principal> loginPin(int seat, const std::string& pin);
  std::optional<Principal> loginPassword(const std::string& user, const std::string& password);
  /// A new random device token (returned once, stored hashed).
  std::string issueToken(const Principal& p, const std::string& label, std::int64_t now_ms);
  std::optional<Principal> loginToken(const std::string& token);
  void revokeTokens(const std::string& principalId);

 private:
  Database& db_;
};

}  // namespace chamber::store
