#pragma once
/// Backups of a data folder while the server runs (`chamberctl backup`, `restore`): the
/// database as one consistent snapshot by SQLite's online backup (what the WAL holds
/// included, the writer never stopped), then every stored document the snapshot names
/// (content-addressed, so a file is whole or absent). The copy is checked before it is called
/// a backup: its hash chain verifies and each document hashes to its name. Secret ballots stay
/// secret in it as in the original: their choices are never stored (SecretBallots.h).
#include <cstdint>
#include <filesystem>
#include <string>

namespace chamber::store {

struct BackupResult {
  std::int64_t events = 0;  ///< the head of the copied log
  std::string headHash;
  int documents = 0;
  std::int64_t bytes = 0;  ///< database and documents
};

/// Copies `dataDir` into `out` (created; must not hold a chamber.db). Throws with the reason
/// when the copy does not verify (and removes what it wrote).
BackupResult backup(const std::filesystem::path& dataDir, const std::filesystem::path& out);

/// Brings a backup back into `dataDir` (must not hold a chamber.db), verified the same way.
BackupResult restore(const std::filesystem::path& from, const std::filesystem::path& dataDir);

}  // namespace chamber::store
