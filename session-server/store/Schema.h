#pragma once
#include <vector>

#include "store/Database.h"

namespace chamber::store {

/// The schema's steps, in order: step i takes user_version i to i + 1. Append only.
const std::vector<Migration>& schemaMigrations();

/// Opens or creates a chamber database at the latest schema.
void ensureSchema(Database& db);

}  // namespace chamber::store
