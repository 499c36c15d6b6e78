#include <gtest/gtest.h>

#include <fstream>

#include "protocol/StateView.h"
#include "store/Store.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::core;
using namespace chamber::store;

namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

void seedCouncil(Store& st, int n) {
  for (int i = 1; i <= n; ++i) {
    Delegate d{"d" + std::to_string(100 + i),         i,   "Đại biểu " + std::to_string(i), "",
               i == 1 ? Role::Chair : Role::Delegate, true};
    st.council.putDelegate(d, "1234", 1000);
  }
  st.council.putAccount("r1", "Chủ tịch UBND xã", "", Role::Responder, "pw", 1000);
}

Actor del(int i) {
  return {i == 1 ? Role::Chair : Role::Delegate, "d" + std::to_string(100 + i)};
}

void ok(const Decision& d) {
  ASSERT_TRUE(d.ok()) << d.error->code << " " << d.error->message;
}

/// A council of n in the store, one sitting opened with all n checked in.
State openSitting(Store& st, int n, const std::string& item) {
  seedCouncil(st, n);
  std::int64_t head = 0;
  State s = st.load(head);
  CreateSitting c;
  c.number = 1;
  c.title = "Kỳ họp";
  c.agenda = {{"1", "", item, "", {}}};
  ok(st.run(s, {Role::Operator, "op"}, c, kNow));
  ok(st.run(s, del(1), OpenSitting{}, kNow));
  for (int i = 1; i <= n; ++i) ok(st.run(s, del(i), CheckIn{}, kNow));
  return s;
}

}  // namespace

TEST(Store, ReplayRebuildsTheStateAndAnOpenSecretVoteDiesWithItsProcess) {
  test::TempDir dir;
  protocol::json before;
  {
    Store st(dir.path);
    State s = openSitting(st, 9, "Khai mạc");
    ok(st.run(s, del(1),
              CreateVote{"1", "Bầu", VoteForm::Secret, VoteKind::Motion, "majority", {}, 1}, kNow));
    ok(st.run(s, del(1), OpenVote{"v1"}, kNow));
    for (int i = 1; i <= 7; ++i)
      ok(st.run(s, del(i), CastBallot{"v1", {i <= 5 ? "yes" : "no"}, ""}, kNow));
    ok(st.run(s, del(4), RequestFloor{"point_of_order"}, kNow));
    before = protocol::stateView(s, Role::Chair, "d101");
    EXPECT_EQ(s.current()->votes["v1"].counts["yes"], 5);
    // Reloaded by the same process (a failed turn does this): the counts are still there.
    std::int64_t head = 0;
    State again = st.load(head);
    EXPECT_EQ(again.current()->votes["v1"].counts["yes"], 5);
    EXPECT_EQ(again.current()->votes["v1"].counts["no"], 2);
    EXPECT_TRUE(voidInterruptedSecretVotes(again).size() == 1);
    Decision d = st.run(again, del(1), CloseVote{"v1"}, kNow);
    ok(d);
    EXPECT_EQ(std::get<VoteClosed>(d.events[0]).tally.options[0].count, 5);
  }
  // A new process: everything but the open vote's choices, which were never on disk.
  Store st(dir.path);
  std::int64_t head = 0;
  State s = st.load(head);
  EXPECT_EQ(head, 1 + 1 + 9 + 1 + 1 + 7 + 1 + 1);
  EXPECT_EQ(s.current()->votes["v1"].status, VoteStatus::Closed);
  EXPECT_EQ(s.current()->votes["v1"].result->options[0].count, 5) << "the tally is in the log";
  EXPECT_TRUE(voidInterruptedSecretVotes(s).empty());
  auto before2 = protocol::stateView(s, Role::Chair, "d101");
  EXPECT_EQ(before2["current"]["speakers"], before["current"]["speakers"]);

  // A secret vote open when the process ends: voided in the next, never miscounted.
  ok(st.run(s, del(1),
            CreateVote{"1", "Bầu lại", VoteForm::Secret, VoteKind::Motion, "majority", {}, 1},
            kNow));
  ok(st.run(s, del(1), OpenVote{"v2"}, kNow));
  for (int i = 1; i <= 3; ++i) ok(st.run(s, del(i), CastBallot{"v2", {"yes"}, ""}, kNow));
  Store st2(dir.path);
  State s2 = st2.load(head);
  EXPECT_TRUE(s2.current()->votes["v2"].counts.empty());
  auto voids = voidInterruptedSecretVotes(s2);
  ASSERT_EQ(voids.size(), 1u);
  EXPECT_EQ(std::get<VoteVoided>(voids[0].events[0]), (VoteVoided{"v2", "server_restart", 3}));
}

TEST(Store, NothingStoredLinksASecretBallotToItsVoter) {
  test::TempDir dir;
  Store st(dir.path);
  State s = openSitting(st, 40, "Bầu cử");
  ok(st.run(s, del(1),
            CreateVote{"1", "Bãi nhiệm", VoteForm::Secret, VoteKind::Motion, "two_thirds", {}, 1},
            kNow));
  ok(st.run(s, del(1), OpenVote{"v1"}, kNow));
  // Voters in seat order, with a pattern of choices.
  for (int i = 1; i <= 40; ++i) {
    const std::string choice = (i % 3 == 0) ? "no" : "yes";
    ok(st.run(s, del(i), CastBallot{"v1", {choice}, ""}, kNow + i));
  }
  // 1. The log's ballot events carry the voter but never the choice.
  for (const auto& e : st.log.readAfter(0))
    if (e.kind == "ballot.cast") {
      EXPECT_EQ(e.data.find("yes"), std::string::npos) << e.data;
      EXPECT_EQ(e.data.find("no\""), std::string::npos) << e.data;
    }
  // 2-3. No table holds choices (the forensic reader of tests/net/SecrecyTest.cpp reads the
  // raw pages and the WAL).
  auto tables = st.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'secret_ballots'");
  tables.step();
  EXPECT_EQ(tables.integer(0), 0);
  // 4. The replies stored for idempotency do not carry the choice either.
  auto replies = st.db.prepare("SELECT reply FROM command_replies");
  while (replies.step()) EXPECT_EQ(replies.text(0).find("\"yes\""), std::string::npos);
  // 5. The in-memory state has counts and turnout, never a per-delegate choice.
  const Vote& v = s.current()->votes["v1"];
  EXPECT_TRUE(v.choiceOf.empty());
  EXPECT_EQ(v.voted.size(), 40u);
  EXPECT_EQ(v.counts.at("no"), 13);
}

TEST(Store, PinsPasswordsAndDeviceTokens) {
  test::TempDir dir;
  Store st(dir.path);
  seedCouncil(st, 3);
  auto p = st.council.loginPin(2, "1234");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->id, "d102");
  EXPECT_EQ(p->role, Role::Delegate);
  EXPECT_FALSE(st.council.loginPin(2, "1235"));
  EXPECT_FALSE(st.council.loginPin(99, "1234"));
  auto r = st.council.loginPassword("r1", "pw");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->role, Role::Responder);
  EXPECT_FALSE(st.council.loginPassword("r1", "PW"));
  const auto token = st.council.issueToken(*p, "tablet 2", kNow, 1000);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_FALSE(st.council.loginToken(token, kNow + 1000)) << "expired";
  auto t = st.council.loginToken(token, kNow);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, "d102");
  EXPECT_EQ(t->name, "Đại biểu 2");
  EXPECT_FALSE(st.council.loginToken(std::string(64, '0'), kNow));
  st.council.revokeTokens("d102");
  EXPECT_FALSE(st.council.loginToken(token, kNow));
  // Secrets are stored hashed only.
  auto s = st.db.prepare("SELECT pin_hash FROM delegates WHERE seat = 2");
  s.step();
  // "pbkdf2-sha256$1000$<salt>$<hash>": no field is the PIN. (Not "the text never holds
  // 1234": a random salt or hash holds those four digits once in ~750 stores.)
  const std::string stored = s.text(0);
  EXPECT_EQ(stored.rfind("pbkdf2-sha256$1000$", 0), 0u);
  std::vector<std::string> fields;
  for (std::size_t from = 0, at = 0; at != std::string::npos; from = at + 1)
    fields.push_back(stored.substr(from, (at = stored.find('$', from)) - from));
  ASSERT_EQ(fields.size(), 4u) << stored;
  for (const auto& f : fields) EXPECT_NE(f, "1234") << stored;
  EXPECT_GE(fields[3].size(), 32u) << "a hash, not a short secret";
}

TEST(Store, DocumentsAreStoredOnceUnderTheirHash) {
  test::TempDir dir;
  Store st(dir.path);
  const std::string pdf = "%PDF-1.4\n% test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
  auto up = st.documents.begin(1 << 20);
  ASSERT_TRUE(up->write(pdf.data(), pdf.size()));
  auto m = st.documents.finish(std::move(up), "Tờ trình", "to-trinh.pdf", false, kNow);
  EXPECT_EQ(m.sha256, sha256Hex(pdf));
  EXPECT_EQ(m.size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_TRUE(std::filesystem::exists(st.documents.pathOf(m.sha256)));
  // Again, as classified: still one file, now classified.
  up = st.documents.begin(1 << 20);
  up->write(pdf.data(), pdf.size());
  m = st.documents.finish(std::move(up), "Khác", "x.pdf", true, kNow);
  EXPECT_TRUE(m.classified);
  EXPECT_EQ(m.title, "Tờ trình");
  EXPECT_EQ(st.documents.list().size(), 1u);
  // Not a PDF; too large; a bad hash.
  up = st.documents.begin(1 << 20);
  up->write("MZ\x90\x00", 4);
  EXPECT_THROW(st.documents.finish(std::move(up), "x", "x.exe", false, kNow), std::runtime_error);
  up = st.documents.begin(10);
  EXPECT_FALSE(up->write(pdf.data(), pdf.size()));
  EXPECT_THROW(st.documents.finish(std::move(up), "x", "x.pdf", false, kNow), std::runtime_error);
  EXPECT_FALSE(st.documents.find("../../etc/passwd"));
  // No temporary files are left behind.
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(st.documents.dir())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(Store, PublishedDocumentsCarryTheirDecree42FieldsAndNeverAClassifiedOne) {
  test::TempDir dir;
  Store st(dir.path);
  const auto addPdf = [&](const std::string& body, bool classified) {
    const std::string pdf = "%PDF-1.4\n% " + body + "\n%%EOF\n";
    auto up = st.documents.begin(1 << 20);
    up->write(pdf.data(), pdf.size());
    return st.documents.finish(std::move(up), body, body + ".pdf", classified, kNow);
  };
  const auto resolution = addPdf("nghi-quyet", false), minutes = addPdf("bien-ban", false),
             secret = addPdf("mat", true);
  core::Publication p{resolution.sha256,
                      "Nghị quyết",
                      "12/NQ-HĐND",
                      "Nghị quyết về dự toán ngân sách năm 2027",
                      "Quyết định dự toán thu, chi ngân sách xã năm 2027",
                      "HĐND xã Côn Minh",
                      "Nguyễn Văn Hùng, Chủ tịch HĐND xã",
                      "2026-12-10",
                      "2027-01-01",
                      5,
                      "3",
                      0,
                      kNow};
  st.publications.put(p);
  core::Publication b = p;
  b.sha256 = minutes.sha256;
  b.type = "Biên bản";
  b.number = "05/BB-HĐND";
  b.issued = "2026-12-11";
  b.effective = "";
  st.publications.put(b);
  auto list = st.publications.list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].number, "05/BB-HĐND") << "newest first";
  EXPECT_EQ(list[1].summary, "Quyết định dự toán thu, chi ngân sách xã năm 2027");
  EXPECT_EQ(list[1].size, resolution.size);
  // Corrections replace the record; a number belongs to one document; dates are dates.
  p.summary = "Đính chính";
  st.publications.put(p);
  EXPECT_EQ(st.publications.find(p.sha256)->summary, "Đính chính");
  b.number = "12/NQ-HĐND";
  EXPECT_THROW(st.publications.put(b), std::runtime_error);
  p.issued = "10/12/2026";
  EXPECT_THROW(st.publications.put(p), std::runtime_error);
  core::Publication s = b;
  s.sha256 = secret.sha256;
  s.number = "01/MAT";
  EXPECT_THROW(st.publications.put(s), std::runtime_error)
      << "classified documents are never published";
  s.sha256 = std::string(64, 'a');
  EXPECT_THROW(st.publications.put(s), std::runtime_error) << "an unknown file";
  EXPECT_EQ(st.publications.list().size(), 2u);
}

TEST(Store, VotesAreListedByTheirNumberNotAsText) {
  test::TempDir dir;
  Store st(dir.path);
  State s = openSitting(st, 3, "Khai mạc");
  for (int i = 1; i <= 11; ++i)
    ok(st.run(s, del(1),
              CreateVote{"1",
                         "Biểu quyết " + std::to_string(i),
                         VoteForm::Open,
                         VoteKind::Motion,
                         "majority",
                         {},
                         1},
              kNow));
  const auto view = protocol::stateView(s, Role::Chair, "d101");
  std::vector<std::string> ids;
  for (const auto& v : view["current"]["votes"]) ids.push_back(v["id"]);
  ASSERT_EQ(ids.size(), 11u);
  EXPECT_EQ(ids[1], "v2");
  EXPECT_EQ(ids[9], "v10") << "v10 comes after v9, not after v1";
  EXPECT_EQ(ids.back(), "v11");
}
