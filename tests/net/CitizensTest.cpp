// What citizens read of interpellations and what the petition form takes, over the real
// server: a written answer promised at a sitting and not given by its due date shows as
// overdue on the sitting's page and in the open data; the form refuses what it must (no
// proof of work, an oversized body, broken JSON, a contact over its limit) with a reason,
// and a sender's contact reaches only staff.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "net/PetitionGuard.h"
#include "store/Store.h"
#include "support/Http.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;
using nlohmann::json;

namespace {

constexpr std::int64_t kDay = 86'400'000;

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

json getJson(int port, const std::string& path) {
  const auto r = http(port, "GET", path);
  EXPECT_EQ(r.status, 200) << path << " " << r.body;
  return json::parse(r.body, nullptr, false);
}

HttpResponse submit(int port, json body, bool solve = true) {
  const auto ch = getJson(port, "/api/petitions/challenge");
  body["challenge"] = ch["challenge"];
  body["nonce"] = solve ? net::solvePow(ch["challenge"], ch["bits"]) : "1";
  return http(port, "POST", "/api/petitions", {{"Content-Type", "application/json"}}, body.dump());
}

}  // namespace

TEST(Citizens, AWrittenAnswerPastItsDueDateIsOverdueInPublic) {
  TempDir dir;
  seedCouncil(dir.path / "data", 3);
  {
    // The sitting was 30 days ago: the written answer promised then (20 days) is late now.
    store::Store st(dir.path / "data");
    std::int64_t head = 0;
    core::State s = st.load(head);
    std::int64_t t = nowMs() - 30 * kDay;
    const core::Actor chair{core::Role::Chair, "d01"}, delegate{core::Role::Delegate, "d03"},
        r1{core::Role::Responder, "r1"};
    auto run = [&](const core::Actor& a, const core::Command& c) {
      t += 1000;
      const auto d = st.run(s, a, c, t);
      ASSERT_TRUE(d.ok()) << core::nameOf(c) << ": " << d.error->message;
    };
    core::CreateSitting cs;
    cs.number = 4;
    cs.title = "Kỳ họp thứ tư";
    cs.agenda = {{"1", "", "Chất vấn", "", {}}};
    run(chair, cs);
    run(chair, core::OpenSitting{});
    run(delegate, core::CheckIn{});
    run(delegate, core::SubmitQuestion{"r1", "Khi nào có nước sạch cho thôn Nà Pài?"});
    run(delegate, core::SubmitQuestion{"r1", "Kinh phí sửa trường mầm non lấy từ đâu?"});
    run(r1, core::AnswerQuestion{"q1", "written", ""});
    run(r1, core::AnswerQuestion{"q2", "in_person", "Từ ngân sách tỉnh hỗ trợ năm 2027."});
    run(chair, core::CloseSitting{});
  }
  ServerProcess server(dir.path / "data");
  const auto sitting = getJson(server.port(), "/api/sittings/1")["sitting"];
  const auto& qs = sitting["interpellations"];
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0]["from"], "Đại biểu số 3");
  EXPECT_EQ(qs[0]["to"], "Chủ tịch UBND xã");
  EXPECT_EQ(qs[0]["status"], "written_pending");
  EXPECT_EQ(qs[0]["overdue"], true) << qs[0].dump();
  EXPECT_EQ(qs[1]["answers"][0], "Từ ngân sách tỉnh hỗ trợ năm 2027.");
  EXPECT_EQ(qs[1]["overdue"], false);
  const auto table = getJson(server.port(), "/api/open-data/questions.json");
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0]["overdue"], "1");
  EXPECT_FALSE(table[0]["written_due"].get<std::string>().empty());
  const auto csv = http(server.port(), "GET", "/api/open-data/questions.csv");
  EXPECT_NE(csv.body.find("Khi nào có nước sạch cho thôn Nà Pài?"), std::string::npos);
}

TEST(Citizens, ThePetitionFormRefusesWhatItMustAndSaysWhy) {
  TempDir dir;
  seedCouncil(dir.path / "data", 3);
  ServerProcess server(dir.path / "data",
                       {"--petition-pow-bits", "12", "--petitions-per-contact", "2"});
  const int port = server.port();
  const json petition{{"text", "Đề nghị sửa cầu tràn qua suối Nà Pài trước mùa mưa."},
                      {"name", "Hà Thị Nhung"},
                      {"contact", "+84 912 000 111"},
                      {"consent", true}};
  // No work done: refused, and nothing is in the register.
  auto r = submit(port, petition, false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("chống gửi tự động"), std::string::npos) << r.body;
  // Broken JSON, and a body larger than the form allows (refused before it is read).
  r = http(port, "POST", "/api/petitions", {{"Content-Type", "application/json"}}, "{\"text\":");
  EXPECT_EQ(r.status, 400);
  r = http(port, "POST", "/api/petitions", {{"Content-Type", "application/json"}},
           std::string(40 * 1024, 'x'), false);
  EXPECT_EQ(r.status, 413);
  // Personal data without consent is not taken.
  json noConsent = petition;
  noConsent["consent"] = false;
  r = submit(port, noConsent);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("consent_required"), std::string::npos);
  // Twice from one phone is fine (the limit here), a third time in a day is not — written
  // another way, it is the same phone.
  EXPECT_EQ(submit(port, petition).status, 201);
  json again = petition;
  again["contact"] = "0912000111";
  r = submit(port, again);
  EXPECT_EQ(r.status, 201) << r.body;
  const std::string code = json::parse(r.body)["code"];
  r = submit(port, petition);
  EXPECT_EQ(r.status, 429);
  EXPECT_NE(r.body.find("24 giờ"), std::string::npos) << r.body;
  EXPECT_EQ(getJson(port, "/api/petitions/report")["total"]["petitions"], 2);
  // The contact: staff only.
  EXPECT_EQ(http(port, "GET", "/api/petitions/" + code + "/senders").status, 401);
  EXPECT_EQ(getJson(port, "/api/petitions/" + code).dump().find("0912000111"), std::string::npos);
}
