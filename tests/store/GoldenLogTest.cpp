// A stored log of each schema, checked in (tests/store/golden/chamber-vN.db): one whole
// sitting, the newest with every kind of event. It must open, verify and replay the same forever —
// the council's history is kept for years, across releases. The replayed state is compared
// with the state recorded when the fixture was made (chamber-vN.state.json).
// CHAMBER_WRITE_GOLDEN=1 writes both anew: only when the schema's version changes, as a
// new pair of files beside the old ones (the old ones stay and keep being replayed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "protocol/Json.h"
#include "protocol/StateView.h"
#include "store/Store.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::core;
using namespace chamber::store;
using protocol::json;

namespace {

const std::filesystem::path kDir = GOLDEN_LOG_DIR;
/// Every schema's fixture, oldest first; the last is the current schema's.
const std::vector<std::string> kFixtures = {"chamber-v5", "chamber-v6", "chamber-v7", "chamber-v8"};
const std::filesystem::path kDb = kDir / (kFixtures.back() + ".db");
const std::filesystem::path kState = kDir / (kFixtures.back() + ".state.json");
constexpr std::int64_t kT0 = 1'796'000'000'000;  // 2026-11-29

Actor as(Role r, const std::string& id) {
  return {r, id};
}

/// One whole sitting through the store, as the server would record it.
void recordSitting(const std::filesystem::path& dataDir) {
  std::int64_t t = kT0;
  std::int64_t head = 0;
  std::string voided;
  {
    Store st(dataDir);
    const std::vector<std::pair<std::string, std::string>> names = {
        {"Nguyễn Văn Hùng", "Chủ tịch HĐND xã"},
        {"Lò Thị Mai", "Phó Chủ tịch HĐND xã"},
        {"Hoàng Thị Lan", "Đại biểu"},
        {"Bế Văn Thắng", "Đại biểu"},
        {"Hà Thị Ngọc", "Đại biểu"},
        {"Nông Văn Đức", "Trưởng Ban Văn hoá - Xã hội"}};
    for (std::size_t i = 0; i < names.size(); ++i)
      st.council.putDelegate(
          {"db0" + std::to_string(i + 1), static_cast<int>(i + 1), names[i].first, names[i].second,
           i == 0   ? Role::Chair
           : i == 1 ? Role::ViceChair
                    : Role::Delegate,
           true},
          "10100" + std::to_string(i + 1), 1000);
    st.council.putAccount("ubnd-ct", "Hoàng Văn Thành", "Chủ tịch UBND xã", Role::Responder,
                          "mật khẩu ubnd", 1000);
    const auto pdf = dataDir / "to-trinh.pdf";
    std::ofstream(pdf) << "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    const auto doc = st.documents.addFile(pdf, "Tờ trình dự toán ngân sách 2027", false, t);
    State s = st.load(head);
    auto run = [&](const Actor& a, const Command& c) {
      t += 1000;
      const Decision d = st.run(s, a, c, t);
      ASSERT_TRUE(d.ok()) << nameOf(c) << ": " << d.error->code << " " << d.error->message;
    };
    const Actor chair = as(Role::Chair, "db01"), op = as(Role::Operator, "operator"),
                media = as(Role::Media, "media");
    CreateSitting c;
    c.number = 3;
    c.term = "2026-2031";
    c.title = "Kỳ họp thứ ba";
    c.date = "2026-11-29";
    c.place = "Hội trường UBND xã Côn Minh";
    c.agenda = {{"1", "", "Khai mạc kỳ họp", "Chủ tịch HĐND xã", {}},
                {"2", "", "Dự toán ngân sách năm 2027", "Chủ tịch UBND xã", {}},
                {"2.1", "2", "Thảo luận", "", {}},
                {"3", "", "Chất vấn và trả lời chất vấn", "", {}}};
    run(op, c);
    run(chair, OpenSitting{});
    for (int i = 1; i <= 5; ++i)
      run(as(i == 1   ? Role::Chair
             : i == 2 ? Role::ViceChair
                      : Role::Delegate,
             "db0" + std::to_string(i)),
          CheckIn{});
    run(as(Role::Secretary, "db02"), MarkAttendance{"db06", true});
    run(media, ReportMediaState{"live", "", "", "recording-1796000010000-%05d.ts", kT0 + 10000});
    run(chair, ActivateItem{"1"});
    run(chair, AttachDocument{"2", {doc.sha256, doc.title, false}});
    run(chair, ActivateItem{"2"});
    run(chair, SharePage{doc.sha256, 3});
    run(as(Role::Delegate, "db03"), RequestFloor{"speech"});
    run(as(Role::Delegate, "db04"), RequestFloor{"debate"});
    run(as(Role::Delegate, "db04"), CancelFloor{});
    run(chair, GrantFloor{"db03", ""});
    run(chair, EndFloor{"db03"});
    run(chair, SuspendSitting{"Giải lao 15 phút"});
    run(chair, ResumeSitting{});
    run(chair, CreateVote{"2",
                          "Thông qua dự toán ngân sách năm 2027",
                          VoteForm::Open,
                          VoteKind::Motion,
                          "majority",
                          {},
                          1,
                          ResolutionKind::Individual});  // numbered when it passes
    run(chair, OpenVote{"v1"});
    for (int i = 1; i <= 6; ++i)
      run(as(i == 1   ? Role::Chair
             : i == 2 ? Role::ViceChair
                      : Role::Delegate,
             "db0" + std::to_string(i)),
          CastBallot{"v1",
                     {i <= 4   ? "yes"
                      : i == 5 ? "no"
                               : "abstain"},
                     ""});
    run(chair, CloseVote{"v1"});
    run(chair,
        CreateVote{
            "2", "Biểu quyết ghi danh", VoteForm::Named, VoteKind::Motion, "majority", {}, 1});
    run(chair, OpenVote{"v2"});
    for (int i = 1; i <= 4; ++i)
      run(as(i == 1   ? Role::Chair
             : i == 2 ? Role::ViceChair
                      : Role::Delegate,
             "db0" + std::to_string(i)),
          CastBallot{"v2", {"yes"}, ""});
    run(chair, CloseVote{"v2"});
    run(chair,
        CreateVote{"2", "Bỏ phiếu kín", VoteForm::Secret, VoteKind::Motion, "majority", {}, 1});
    run(chair, OpenVote{"v3"});
    for (int i = 1; i <= 5; ++i)
      run(as(i == 1   ? Role::Chair
             : i == 2 ? Role::ViceChair
                      : Role::Delegate,
             "db0" + std::to_string(i)),
          CastBallot{"v3", {i % 2 ? "yes" : "no"}, ""});
    run(chair, CloseVote{"v3"});
    run(chair, ActivateItem{"3"});
    run(as(Role::Delegate, "db03"),
        SubmitQuestion{"ubnd-ct", "Khi nào sửa xong đường liên thôn Nà Pài?"});
    run(as(Role::Delegate, "db04"),
        SubmitQuestion{"ubnd-ct", "Kế hoạch nước sạch cho thôn Khuổi Phầy?"});
    run(chair, GroupQuestions{{"q1", "q2"}, "Hạ tầng"});
    run(as(Role::Responder, "ubnd-ct"), AnswerQuestion{"q1", "in_person", "Quý I năm 2027."});
    run(as(Role::Delegate, "db03"), FollowUpQuestion{"q1", "Kinh phí lấy từ đâu?"});
    run(as(Role::Responder, "ubnd-ct"), AnswerQuestion{"q2", "written", ""});
    run(chair, ControlRecording{false});
    run(chair, ControlRecording{true});
    run(op, ClearSignIn{4});
    // A secret vote open when the server stops is voided when it starts again.
    run(chair,
        CreateVote{
            "3", "Bỏ phiếu kín lần hai", VoteForm::Secret, VoteKind::Motion, "majority", {}, 1});
    run(chair, OpenVote{"v4"});
    run(as(Role::Delegate, "db03"), CastBallot{"v4", {"yes"}, ""});
  }
  Store st(dataDir);
  State s = st.load(head);
  for (const auto& d : voidInterruptedSecretVotes(s)) {
    t += 1000;
    std::vector<StoredEvent> stored;
    Transaction tx(st.db);
    stored = st.record(as(Role::Operator, "server"), d, t);
    tx.commit();
    st.secret.commitStaged();
    applyDecision(s, d, t);
  }
  t += 1000;
  ASSERT_TRUE(st.run(s, as(Role::Chair, "db01"), CloseSitting{}, t).ok());
  t += 1000;
  ASSERT_TRUE(st.run(s, as(Role::Media, "media"), ReportMediaState{"idle", "", "", "", 0}, t).ok());
  // The papers after it (schema 6): the named vote adopted a normative resolution; the
  // secretary corrects the minutes drafted at the close, and makes them final.
  const Actor secretary = as(Role::Secretary, "db02");
  t += 1000;
  ASSERT_TRUE(
      st.run(s, secretary, NumberResolution{"v2", ResolutionKind::Normative, "", 0}, t).ok());
  const std::string draft = s.sitting(1)->minutes.latest()->text;
  t += 1000;
  ASSERT_TRUE(st.run(s, secretary,
                     SaveMinutes{1, draft + "Ý kiến của cử tri được tổng hợp gửi UBND xã.\n",
                                 s.sitting(1)->minutes.latest()->sha256, ""},
                     t)
                  .ok());
  t += 1000;
  ASSERT_TRUE(
      st.run(s, secretary, FinaliseMinutes{1, s.sitting(1)->minutes.latest()->sha256}, t).ok());
  // The final text rendered to a PDF, kept so that signed copies of it are recognised.
  const auto pdf = dataDir / "bien-ban.pdf";
  std::ofstream(pdf) << "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n%bien ban\n";
  const auto minutes = st.documents.addFile(pdf, "Biên bản kỳ họp thứ ba", false, t);
  t += 1000;
  ASSERT_TRUE(st.run(s, secretary, RecordMinutesPdf{1, minutes.sha256, minutes.size}, t).ok());
  // Citizens' petitions (schema 7): the register set up, one from the portal followed to its
  // published answer, one rejected, a duplicate merged, a link to the resolution.
  auto ok = [&](const Actor& a, const Command& c) {
    t += 1000;
    const auto d = st.run(s, a, c, t);
    ASSERT_TRUE(d.ok()) << nameOf(c) << ": " << (d.error ? d.error->message : "");
  };
  const Actor op = as(Role::Operator, "op");
  ok(op, ConfigurePetitions{{{{"giao-thong", "Giao thông", "ubnd-ct"}}, {"Thôn Nà Pài"}, 30}});
  const Actor citizen{Role::Public, ""};
  ok(citizen, SubmitPetition{"Đề nghị sửa đường liên thôn Nà Pài bị sạt lở.", "giao-thong",
                             "Thôn Nà Pài", "portal", ""});
  ok(op, SubmitPetition{"Cử tri đề nghị sửa đường Nà Pài.", "giao-thong", "Thôn Nà Pài", "meeting",
                        "Tiếp xúc cử tri thôn Nà Pài"});
  ok(op, SubmitPetition{"Nội dung không thuộc thẩm quyền của xã.", "", "", "post", ""});
  const auto code = [&](int n) {
    return s.petitions.byCode.begin()->first.substr(0, 8) + "000" + std::to_string(n);
  };
  ok(secretary, AcceptPetition{code(1), "Đề nghị sửa đường liên thôn Nà Pài bị sạt lở.", "", ""});
  ok(secretary, MergePetition{code(2), code(1)});
  ok(secretary, RejectPetition{code(3), "Không thuộc thẩm quyền; đã hướng dẫn công dân."});
  ok(secretary, AssignPetition{code(1), "", ""});
  ok(as(Role::Responder, "ubnd-ct"), AnswerPetition{code(1), "UBND xã sửa xong trong quý I."});
  ok(secretary, PublishPetition{code(1)});
  ok(secretary, LinkPetition{code(1), {"resolution", s.resolutions.at(0).number}});
}

json petitionsOf(const State& s) {
  json list = json::array();
  for (const auto& [code, p] : s.petitions.byCode)
    list.push_back({{"code", code},
                    {"status", name(p.status)},
                    {"senders", p.senders},
                    {"responder", p.responder},
                    {"due", p.due},
                    {"publicText", p.publicText},
                    {"answer", p.answer},
                    {"links", p.links.size()}});
  return list;
}

json replayedState(Store& st) {
  std::int64_t head = 0;
  const State s = st.load(head);
  return {{"head", head},
          {"operator", protocol::stateView(s, Role::Operator, "operator")},
          {"public", protocol::stateView(s, Role::Public, "")},
          {"petitions", petitionsOf(s)}};
}

}  // namespace

TEST(GoldenLog, Written) {
  if (!std::getenv("CHAMBER_WRITE_GOLDEN")) GTEST_SKIP() << "CHAMBER_WRITE_GOLDEN=1 writes " << kDb;
  test::TempDir dir;
  recordSitting(dir.path);
  {
    Store st(dir.path);
    std::ofstream(kState) << replayedState(st).dump(1) << "\n";
    st.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::copy_file(dir.path / "chamber.db", kDb,
                             std::filesystem::copy_options::overwrite_existing);
}

class GoldenLogOf : public testing::TestWithParam<std::string> {};

TEST_P(GoldenLogOf, VerifiesDecodesAndReplaysTheSame) {
  const auto db = kDir / (GetParam() + ".db"), stateFile = kDir / (GetParam() + ".state.json");
  ASSERT_TRUE(std::filesystem::exists(db)) << db;
  test::TempDir dir;
  std::filesystem::copy_file(db, dir.path / "chamber.db");
  Store st(dir.path);  // opens and migrates, as an upgraded server would
  EXPECT_TRUE(st.log.verify().empty()) << "the hash chain of the fixture broke";
  std::set<std::string> kinds;
  std::size_t n = 0;
  st.log.forEach(0, [&](const StoredEvent& e) {
    ++n;
    const json stored = json::parse(e.data);
    EventData typed;
    ASSERT_NO_THROW(typed = protocol::decodeEvent(e.kind, stored)) << e.seq << " " << e.kind;
    // Decodes to the same: encoding it again gives what is stored, field for field.
    EXPECT_EQ(protocol::encodeEventData(typed), stored) << e.seq << " " << e.kind;
    kinds.insert(e.kind);
  });
  EXPECT_GE(n, 60u);
  for (const auto& kind : protocol::eventKinds())
    EXPECT_TRUE(GetParam() != kFixtures.back() || kinds.count(kind))
        << kind << " is not in the fixture log (add it in a fixture of the next schema)";
  std::ifstream f(stateFile);
  const json want = json::parse(f, nullptr, false);
  ASSERT_FALSE(want.is_discarded()) << stateFile;
  const json got = replayedState(st);
  EXPECT_EQ(got["head"], want["head"]);
  EXPECT_EQ(got["operator"], want["operator"]) << "replaying the log gives another state";
  EXPECT_EQ(got["public"], want["public"]);
  EXPECT_EQ(got["petitions"], want.value("petitions", json::array()));
}

// The history of every release opens, migrates and replays as it did.
INSTANTIATE_TEST_SUITE_P(Schemas, GoldenLogOf, testing::ValuesIn(kFixtures),
                         [](const auto& p) { return p.param.substr(8); });
