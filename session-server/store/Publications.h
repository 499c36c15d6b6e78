#pragma once
/// The published documents (core::Publication) in SQLite. Publishing is the secretary's
/// act after a sitting (chamberctl document publish); the portal reads the list.
#include <optional>
#include <string>
#include <vector>

#include "core/Publication.h"
#include "store/Database.h"

namespace chamber::store {

class Publications {
 public:
  explicit Publications(Database& db) : db_(db) {}

  /// Publishes (or corrects) the record of a stored document. Throws std::runtime_error for
  /// an unknown or classified document, a number already used by another, or a bad date.
  void put(const core::Publication& p);
  /// Newest issue date first.
  std::vector<core::Publication> list();
  std::optional<core::Publication> find(const std::string& sha256);

 private:
  Database& db_;
};

}  // namespace chamber::store
