#pragma once
/// A small RAII layer over SQLite's C API: the connection, prepared statements,
/// transactions, and stepwise migrations keyed by PRAGMA user_version.
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace chamber::store {

/// A failed SQLite call. `code` is SQLite's extended result code.
struct DbError : std::runtime_error {
  DbError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
  int code;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bindBlob(int i, const void* data, int size);
  Statement& bindNull(int i);

  /// Steps once: true while a row is available.
  bool step();
  /// Steps to the end (for statements that return no rows).
  void run();
  void reset();

  std::int64_t integer(int col) const;
  std::string text(int col) const;
  std::string blob(int col) const;
  bool isNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  /// Opens (creating if needed) and sets WAL, synchronous=FULL, foreign keys, secure_delete.
  /// ":memory:" gives an in-memory database (tests of migrations).
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  /// A statement prepared once and kept for the connection's life.
  Statement& cached(std::string_view sql);

  int userVersion();
  void setUserVersion(int v);
  std::int64_t lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<std::pair<std::string, std::unique_ptr<Statement>>> cache_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  bool active() const { return active_; }

 private:
  Database& db_;
  bool active_ = true;
};

/// One migration step: brings the schema from version (index) to version (index + 1).
using Migration = std::function<void(Database&)>;
/// Runs the steps past the current user_version, each in its own transaction.
/// Returns the new version.
int migrate(Database& db, const std::vector<Migration>& steps);

}  // namespace chamber::store
