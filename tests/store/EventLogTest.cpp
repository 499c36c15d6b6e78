#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/Schema.h"
#include "store/Store.h"
#include "support/TempDir.h"

using namespace chamber::store;

namespace {

StoredEvent ev(const std::string& kind, const std::string& data) {
  StoredEvent e;
  e.ts_ms = 1000;
  e.sitting = 1;
  e.actor = "chair:d01";
  e.kind = kind;
  e.data = data;
  return e;
}

void appendN(EventLog& log, Database& db, int n) {
  Transaction t(db);
  std::vector<StoredEvent> v;
  for (int i = 0; i < n; ++i)
    v.push_back(ev("agenda.activated", R"({"item":")" + std::to_string(i) + "\"}"));
  log.append(v);
  t.commit();
}

}  // namespace

TEST(EventLog, SequenceNumbersAndAHashChain) {
  Database db(":memory:");
  ensureSchema(db);
  EventLog log(db);
  appendN(log, db, 3);
  appendN(log, db, 2);
  auto all = log.readAfter(0);
  ASSERT_EQ(all.size(), 5u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));
    if (i > 0) {
      EXPECT_EQ(all[i].prevHash, all[i - 1].hash);
    }
    EXPECT_EQ(all[i].hash, eventHash(all[i]));
  }
  EXPECT_EQ(log.readAfter(3).size(), 2u);
  EXPECT_EQ(log.head(), 5);
  EXPECT_TRUE(log.verify().empty());
}

TEST(EventLog, VerifyReportsEditedDeletedAndInsertedEventsBySequenceNumber) {
  Database db(":memory:");
  ensureSchema(db);
  EventLog log(db);
  appendN(log, db, 10);
  // Someone with the file edits history behind the application's back.
  db.exec("DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;");
  db.exec(R"(UPDATE events SET data = '{"item":"forged"}' WHERE seq = 4)");
  db.exec("DELETE FROM events WHERE seq = 7");
  auto problems = log.verify();
  ASSERT_GE(problems.size(), 2u);
  bool edited4 = false, missing7 = false;
  for (const auto& p : problems) {
    edited4 = edited4 || (p.seq == 4 && p.what.find("edited") != std::string::npos);
    missing7 = missing7 || (p.seq == 7 && p.what.find("deleted") != std::string::npos);
  }
  EXPECT_TRUE(edited4);
  EXPECT_TRUE(missing7);
  // Re-hashing the forged event does not help: the next link breaks.
  Database db2(":memory:");
  ensureSchema(db2);
  EventLog log2(db2);
  appendN(log2, db2, 5);
  db2.exec("DROP TRIGGER events_append_only_update");
  auto e = log2.readAfter(2, 1).at(0);
  e.data = R"({"item":"forged"})";
  auto s = db2.prepare("UPDATE events SET data = ?, hash = ? WHERE seq = 3");
  s.bind(1, e.data).bind(2, eventHash(e));
  s.run();
  problems = log2.verify();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].seq, 4);
}

TEST(EventLog, ReopenAfterACrashKeepsEveryCommittedEventAndNothingElse) {
  chamber::test::TempDir dir;
  const auto path = (dir.path / "chamber.db").string();
  {
    Database db(path);
    ensureSchema(db);
  }
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // The child commits 3 batches, starts a 4th, and dies without closing anything.
    Database db(path);
    EventLog log(db);
    for (int i = 0; i < 3; ++i) appendN(log, db, 5);
    db.exec("BEGIN IMMEDIATE");
    std::vector<StoredEvent> v{ev("sitting.closed", "{}")};
    log.append(v);
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  Database db(path);
  EventLog log(db);
  EXPECT_EQ(log.head(), 15);
  EXPECT_TRUE(log.verify().empty());
  for (const auto& e : log.readAfter(0)) EXPECT_NE(e.kind, "sitting.closed");
  appendN(log, db, 1);  // the chain goes on from the last committed event
  EXPECT_TRUE(log.verify().empty());
}
