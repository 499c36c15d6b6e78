#pragma once
/// The stored reply to every command, keyed by (principal, client id): a retry after a
/// lost reply — even across a server crash — gets the same answer and changes nothing. The
/// command's digest is kept with it, so that an id sent again with another command is known.
#include <optional>
#include <string>

#include "store/Database.h"

namespace chamber::store {

class Replies {
 public:
  explicit Replies(Database& db) : db_(db) {}
  struct Stored {
    std::string reply;
    std::string digest;  ///< of the command answered; empty for replies before schema 8
  };
  std::optional<Stored> find(const std::string& principal, const std::string& clientId);
  /// Within the caller's transaction.
  void put(const std::string& principal, const std::string& clientId, const std::string& digest,
           const std::string& reply);

 private:
  Database& db_;
};

}  // namespace chamber::store
