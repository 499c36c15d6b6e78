#include "store/Backup.h"

#include <sqlite3.h>

#include <fstream>
#include <stdexcept>
#include <thread>

#include "store/Crypto.h"
#include "store/Store.h"

namespace chamber::store {

namespace fs = std::filesystem;

namespace {

/// SQLite's online backup of one database file into another: page by page, retried while the
/// writer holds its lock; the result is one consistent snapshot.
void copyDatabase(const fs::path& from, const fs::path& to) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto fail = [&](const std::string& why) {
    sqlite3_close(src);
    sqlite3_close(dst);
    throw std::runtime_error(why);
  };
  if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    fail("cannot open " + from.string());
  sqlite3_busy_timeout(src, 5000);
  if (sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    fail("cannot create " + to.string());
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) fail(std::string("backup: ") + sqlite3_errmsg(dst));
  int rc;
  while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED)
    if (rc != SQLITE_OK) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) fail(std::string("backup: ") + sqlite3_errstr(rc));
  sqlite3_close(src);
  if (sqlite3_close(dst) != SQLITE_OK) throw std::runtime_error("cannot close " + to.string());
}

std::string fileSha256(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  Sha256 h;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0)
    h.update(buf, static_cast<std::size_t>(in.gcount()));
  return h.hex();
}

/// Copies a data folder's database and documents, then checks the copy.
BackupResult copyAndVerify(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from / "chamber.db"))
    throw std::runtime_error("no chamber.db in " + from.string());
  if (fs::exists(to / "chamber.db"))
    throw std::runtime_error(to.string() + " already holds a chamber.db: choose an empty folder");
  fs::create_directories(to / "documents");
  // The copy holds what the data folder holds (credentials, petitioners' names): its owner's
  // alone, as the data folder is, whatever the umask of whoever runs the backup.
  constexpr auto kPrivateDir = fs::perms::owner_all;
  constexpr auto kPrivateFile = fs::perms::owner_read | fs::perms::owner_write;
  fs::permissions(to, kPrivateDir);
  fs::permissions(to / "documents", kPrivateDir);
  try {
    const fs::path part = to / "chamber.db.part";
    copyDatabase(from / "chamber.db", part);
    fs::permissions(part, kPrivateFile);
    fs::rename(part, to / "chamber.db");
    BackupResult r;
    Store copy(to);  // opens (and migrates an older backup) like a server would
    if (const auto problems = copy.log.verify(); !problems.empty())
      throw std::runtime_error("the copy's hash chain does not verify at event " +
                               std::to_string(problems.front().seq) + ": " + problems.front().what);
    copy.log.forEach(0, [&](const StoredEvent& e) {
      r.events = e.seq;
      r.headHash = e.hash;
    });
    for (const auto& m : copy.documents.list()) {
      const fs::path src = from / "documents" / m.sha256, dst = to / "documents" / m.sha256;
      if (!fs::exists(dst)) {
        fs::copy_file(src, dst);
        fs::permissions(dst, kPrivateFile);
      }
      if (fileSha256(dst) != m.sha256)
        throw std::runtime_error("document " + m.sha256 + " does not match its hash");
      r.bytes += static_cast<std::int64_t>(fs::file_size(dst));
      ++r.documents;
    }
    r.bytes += static_cast<std::int64_t>(fs::file_size(to / "chamber.db"));
    return r;
  } catch (...) {
    fs::remove(to / "chamber.db");
    fs::remove(to / "chamber.db.part");
    fs::remove(to / "chamber.db-wal");
    fs::remove(to / "chamber.db-shm");
    throw;
  }
}

}  // namespace

BackupResult backup(const fs::path& dataDir, const fs::path& out) {
  return copyAndVerify(dataDir, out);
}

BackupResult restore(const fs::path& from, const fs::path& dataDir) {
  return copyAndVerify(from, dataDir);
}

}  // namespace chamber::store
