#include "store/Database.h"

#include <memory>

namespace chamber::store {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  throw DbError(rc, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "prepare " + std::string(sql.substr(0, 60)));
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int i, std::int64_t v) {
  if (int rc = sqlite3_bind_int64(stmt_, i, v); rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
  if (int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
      rc != SQLITE_OK)
    fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bindBlob(int i, const void* data, int size) {
  if (int rc = sqlite3_bind_blob(stmt_, i, data, size, SQLITE_TRANSIENT); rc != SQLITE_OK)
    fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
  sqlite3_reset(stmt_);
  fail(db_, rc, "step " + sql.substr(0, 60));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : "";
}

std::string Statement::blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string(p, sqlite3_column_bytes(stmt_, col)) : "";
}

bool Statement::isNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Database::Database(const std::string& path) : path_(path) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(rc, "open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL");
  // An acknowledged event must survive a power cut: fsync the WAL at every commit.
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
  // Deleted content is overwritten, so freed pages keep nothing of a secret ballot.
  exec("PRAGMA secure_delete=ON");
}

Database::~Database() {
  cache_.clear();
  sqlite3_close(db_);
}

void Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw DbError(rc, msg + " in: " + s.substr(0, 80));
  }
}

Statement& Database::cached(std::string_view sql) {
  for (auto& [text, stmt] : cache_)
    if (text == sql) return *stmt;
  cache_.emplace_back(std::string(sql), std::make_unique<Statement>(db_, sql));
  return *cache_.back().second;
}

int Database::userVersion() {
  auto s = prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

void Database::setUserVersion(int v) {
  exec("PRAGMA user_version=" + std::to_string(v));
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (active_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {  // already rolled back by SQLite (e.g. after SQLITE_FULL)
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  active_ = false;
}

int migrate(Database& db, const std::vector<Migration>& steps) {
  int v = db.userVersion();
  while (v < static_cast<int>(steps.size())) {
    Transaction t(db);
    steps[static_cast<std::size_t>(v)](db);
    db.setUserVersion(v + 1);
    t.commit();
    ++v;
  }
  return v;
}

}  // namespace chamber::store
