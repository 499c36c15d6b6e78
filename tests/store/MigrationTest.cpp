#include <gtest/gtest.h>

#include "store/Schema.h"

using namespace chamber::store;

namespace {
bool hasTable(Database& db, const std::string& name) {
  auto s = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
  s.bind(1, name);
  return s.step();
}
}  // namespace

TEST(Migrations, FromEmptyToLatestInMemory) {
  Database db(":memory:");
  EXPECT_EQ(db.userVersion(), 0);
  ensureSchema(db);
  EXPECT_EQ(db.userVersion(), static_cast<int>(schemaMigrations().size()));
  for (const char* t : {"events", "command_replies", "delegates", "accounts", "tokens", "documents",
                        "events_by_sitting"})
    EXPECT_TRUE(hasTable(db, t)) << t;
  EXPECT_FALSE(hasTable(db, "secret_ballots")) << "secret choices are never stored";
  ensureSchema(db);  // idempotent
  EXPECT_EQ(db.userVersion(), static_cast<int>(schemaMigrations().size()));
}

TEST(Migrations, StepwiseKeepsTheDataOfEarlierVersions) {
  Database db(":memory:");
  std::vector<Migration> first(schemaMigrations().begin(), schemaMigrations().begin() + 1);
  EXPECT_EQ(migrate(db, first), 1);
  db.exec(
      "INSERT INTO events VALUES(1, 5, 1, 'operator:op', 'sitting.opened', 1, '', '{}', 'a', 'b')");
  EXPECT_FALSE(hasTable(db, "events_by_sitting"));
  EXPECT_EQ(migrate(db, schemaMigrations()), static_cast<int>(schemaMigrations().size()));
  EXPECT_TRUE(hasTable(db, "events_by_sitting"));
  EXPECT_TRUE(hasTable(db, "publications"));
  auto s = db.prepare("SELECT kind FROM events WHERE seq = 1");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "sitting.opened");
}

TEST(Migrations, TheEventLogRefusesUpdatesAndDeletes) {
  Database db(":memory:");
  ensureSchema(db);
  db.exec(
      "INSERT INTO events VALUES(1, 5, 1, 'operator:op', 'sitting.opened', 1, '', '{}', 'a', 'b')");
  EXPECT_THROW(db.exec("UPDATE events SET data = '{\"x\":1}'"), DbError);
  EXPECT_THROW(db.exec("DELETE FROM events"), DbError);
}

TEST(Migrations, AFailingStepLeavesTheVersionUnchanged) {
  Database db(":memory:");
  std::vector<Migration> steps = schemaMigrations();
  steps.push_back([](Database& d) { d.exec("CREATE TABLE broken(x"); });
  EXPECT_THROW(migrate(db, steps), DbError);
  EXPECT_EQ(db.userVersion(), static_cast<int>(schemaMigrations().size()));
}
