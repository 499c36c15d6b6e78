// chamberctl as an administrator uses it: import, create, attach, export, verify.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "chamberctl/Import.h"
#include "protocol/Csv.h"
#include "store/Store.h"
#include "support/Shell.h"
#include "support/TempDir.h"

using namespace chamber;

namespace {

using Run = test::Output;

Run runCtl(const std::filesystem::path& data, const std::string& args) {
  return test::shell(std::string(CHAMBERCTL_BIN) + " --data " + data.string() + " " + args, 60);
}

void write(const std::filesystem::path& p, const std::string& s) {
  std::ofstream(p) << s;
}

}  // namespace

TEST(Chamberctl, ImportCreateAttachExportVerifyAndTamperDetection) {
  test::TempDir dir;
  const auto data = dir.path / "data";
  auto r = runCtl(
      data, std::string("council import --pin-iterations 1000 ") + DEMO_DIR + "/delegates.csv");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("25"), std::string::npos);
  r = runCtl(data, "account --id ubnd-ct --name \"Hoàng Văn Thành\" --role responder --password x");
  EXPECT_NE(r.code, 0) << "a one-letter password";
  r = runCtl(data, "account --id ubnd-ct --name \"Hoàng Văn Thành\" --role responder < /dev/null");
  EXPECT_NE(r.code, 0) << "no password at all";
  write(dir.path / "pw", "mat-khau-dai-du\n");  // on standard input: never in ps
  r = runCtl(data, "account --id ubnd-ct --name \"Hoàng Văn Thành\" --role responder < " +
                       (dir.path / "pw").string());
  ASSERT_EQ(r.code, 0) << r.out;
  r = runCtl(data, std::string("sitting create --number 5 --title \"Kỳ họp thứ năm\" --agenda ") +
                       DEMO_DIR + "/agenda.json --rules " + DEMO_DIR + "/rules.toml");
  ASSERT_EQ(r.code, 0) << r.out;
  write(dir.path / "a.pdf", "%PDF-1.4\n%test\n%%EOF\n");
  write(dir.path / "secret.pdf", "%PDF-1.4\n%secret\n%%EOF\n");
  ASSERT_EQ(runCtl(data, "document attach " + (dir.path / "a.pdf").string() +
                             " --item 3 --title \"Dự toán\"")
                .code,
            0);
  ASSERT_EQ(runCtl(data, "document attach " + (dir.path / "secret.pdf").string() +
                             " --item 6 --title \"Nhân sự\" --classified")
                .code,
            0);
  EXPECT_NE(
      runCtl(data, "document attach " + (dir.path / "a.pdf").string() + " --item 99 --title x")
          .code,
      0);

  r = runCtl(data, "export open-data --out " + (dir.path / "open").string());
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream docs(dir.path / "open" / "documents.csv");
  std::string text((std::istreambuf_iterator<char>(docs)), {});
  EXPECT_NE(text.find("Dự toán"), std::string::npos);
  EXPECT_EQ(text.find("Nhân sự"), std::string::npos) << "a classified paper in open data";
  std::ifstream att(dir.path / "open" / "attendance.json");
  std::string attText((std::istreambuf_iterator<char>(att)), {});
  EXPECT_NE(attText.find("Nguyễn Văn Hùng"), std::string::npos);

  r = runCtl(data, "export events --format csv");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(protocol::parseCsv(r.out).size(), 1u + 3u);  // header + created + 2 attached

  r = runCtl(data, "verify");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("chain intact"), std::string::npos);
  {
    store::Database db((data / "chamber.db").string());
    db.exec("DROP TRIGGER events_append_only_update");
    db.exec("UPDATE events SET data = replace(data, 'Dự toán', 'Đã sửa') WHERE seq = 2");
  }
  r = runCtl(data, "verify");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("seq 2:"), std::string::npos) << r.out;
}

TEST(Chamberctl, TokensForTabletsLogIn) {
  test::TempDir dir;
  const auto data = dir.path / "data";
  ASSERT_EQ(runCtl(data, std::string("council import --pin-iterations 1000 ") + DEMO_DIR +
                             "/delegates.csv")
                .code,
            0);
  auto r = runCtl(data, "token --seat 7 --device \"Máy tính bảng 7\"");
  ASSERT_EQ(r.code, 0);
  const std::string token = r.out.substr(0, 64);
  store::Store st(data);
  auto p = st.council.loginToken(token, 1);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->id, "db07");
  EXPECT_EQ(p->name, "Ma Thị Thu");
}

TEST(Chamberctl, TokensAreListedRevokedAndGoneAfterAReimport) {
  test::TempDir dir;
  const auto data = dir.path / "data";
  const std::string import =
      std::string("council import --pin-iterations 1000 ") + DEMO_DIR + "/delegates.csv";
  ASSERT_EQ(runCtl(data, import).code, 0);
  const std::string t7 =
      runCtl(data, "token --seat 7 --device \"Máy tính bảng 7\"").out.substr(0, 64);
  const std::string t8 = runCtl(data, "token --seat 8 --device tablet-8").out.substr(0, 64);
  auto list = runCtl(data, "token list");
  ASSERT_EQ(list.code, 0);
  EXPECT_NE(list.out.find("db07"), std::string::npos);
  EXPECT_EQ(list.out.find(t7), std::string::npos) << "the list never shows a token itself";
  // Revoke seat 7's by its id as listed.
  const std::string id7 = list.out.substr(list.out.find("db07") - 18, 16);
  EXPECT_EQ(runCtl(data, "token revoke " + id7).code, 0);
  {
    store::Store st(data);
    EXPECT_FALSE(st.council.loginToken(t7, 1));
    EXPECT_TRUE(st.council.loginToken(t8, 1));
  }
  EXPECT_NE(runCtl(data, "token revoke 00000000deadbeef").code, 0) << "an unknown id says so";
  // A new council: every tablet signs in again.
  auto again = runCtl(data, import);
  EXPECT_NE(again.out.find("revoked 1"), std::string::npos) << again.out;
  store::Store st(data);
  EXPECT_FALSE(st.council.loginToken(t8, 1));
  EXPECT_NE(runCtl(data, "token list").out.find("REVOKED"), std::string::npos);
}

TEST(Import, BadCsvRowsAreNamedByLine) {
  test::TempDir dir;
  write(dir.path / "d.csv",
        "seat,id,name,title,role,in_office,pin\n1,a,An,,chair,1,123456\nx,b,Bình,,delegate,1,"
        "123456\n");
  try {
    ctl::readDelegatesCsv(dir.path / "d.csv");
    FAIL() << "accepted a bad seat";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }
  write(dir.path / "d.csv",
        "seat,id,name,title,role,in_office,pin\n1,a,\"Nguyễn, An\",\"Chủ tịch "
        "\"\"HĐND\"\"\",operator,1,123456\n");
  EXPECT_THROW(ctl::readDelegatesCsv(dir.path / "d.csv"), std::runtime_error);  // not a member role
  write(dir.path / "d.csv",
        "seat,id,name,title,role,in_office,pin\n1,a,\"Nguyễn, An\",\"Chủ tịch "
        "\"\"HĐND\"\"\",chair,0,123456\n");
  auto rows = ctl::readDelegatesCsv(dir.path / "d.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].delegate.name, "Nguyễn, An");
  EXPECT_EQ(rows[0].delegate.title, "Chủ tịch \"HĐND\"");
  EXPECT_FALSE(rows[0].delegate.inOffice);
  // Six digits by default: a 4-digit PIN of one seat in 25 falls in hours, six in years.
  write(dir.path / "d.csv", "seat,id,name,title,role,in_office,pin\n1,a,An,,chair,1,1234\n");
  EXPECT_THROW(ctl::readDelegatesCsv(dir.path / "d.csv"), std::runtime_error);
  EXPECT_EQ(ctl::readDelegatesCsv(dir.path / "d.csv", 4).size(), 1u);
  write(dir.path / "d.csv", "seat,id,name,title,role,in_office,pin\n1,a,An,,chair,1,12345a\n");
  EXPECT_THROW(ctl::readDelegatesCsv(dir.path / "d.csv"), std::runtime_error);
}

TEST(Import, RulesTomlOverridesTheDefaults) {
  test::TempDir dir;
  write(dir.path / "r.toml",
        "version = \"x-1\"\nquorum = [1, 2]\nopen_mic_limit = 2\n"
        "[vote_rules.cast]\nlabel = \"Đa số phiếu\"\nbase = \"votes_cast\"\n"
        "threshold = [1, 2]\nstrict = true\nabstentions_count = false\n"
        "[speaking_limit_s]\nspeech = 300\n");
  const auto r = ctl::readRulesToml(dir.path / "r.toml");
  EXPECT_EQ(r.version, "x-1");
  EXPECT_EQ(r.quorum, (core::Fraction{1, 2}));
  EXPECT_EQ(r.openMicLimit, 2);
  EXPECT_EQ(r.voteRules.at("cast").base, core::Base::VotesCast);
  EXPECT_FALSE(r.voteRules.at("cast").abstentionsCount);
  EXPECT_EQ(r.voteRules.at("majority").threshold, (core::Fraction{1, 2}));  // defaults kept
  EXPECT_EQ(r.speakingLimit_s.at("speech"), 300);
  EXPECT_EQ(r.speakingLimit_s.at("second"), 180);
  write(dir.path / "bad.toml", "[vote_rules.x]\nbase = \"everyone\"\n");
  EXPECT_THROW(ctl::readRulesToml(dir.path / "bad.toml"), std::runtime_error);
  const auto demo = ctl::readRulesToml(std::string(DEMO_DIR) + "/rules.toml");
  EXPECT_EQ(demo.seats, 25);
  // Found by fuzz_toml: a float where a whole number belongs was undefined behaviour;
  // fractions that could never be met or divide by zero are refused too.
  for (const char* bad :
       {"[speaking_limit_s]\nsecond = 18e0180\n", "seats = 2.5\n", "quorum = [2, 0]\n",
        "quorum = [3, 2]\n", "quorum = [9223372036854775807, 1]\n",
        "[vote_rules.majority]\nthreshold = [1, 0]\n", "written_answer_days = -1\n"})
    EXPECT_THROW(ctl::parseRulesToml(bad), std::runtime_error) << bad;
}
