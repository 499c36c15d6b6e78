// A whole sitting against the real server: check-in, quorum, agenda, floor,
// interpellation, and a vote of each form, seen alike by every participant.
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

namespace {

json agenda() {
  return json::array({{{"id", "1"}, {"title", "Khai mạc kỳ họp"}},
                      {{"id", "2"}, {"title", "Dự toán ngân sách xã năm 2027"}},
                      {{"id", "3"}, {"title", "Chất vấn và trả lời chất vấn"}},
                      {{"id", "4"}, {"title", "Bầu cử, bãi nhiệm"}}});
}

struct Chamber {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  client::ClientLoop loop;
  explicit Chamber(int delegates) {
    seedCouncil(dir.path, delegates);
    server = std::make_unique<ServerProcess>(dir.path / "");
  }
  std::unique_ptr<Peer> delegate(int seat) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPin(seat, pinOf(seat))["type"], "ok");
    EXPECT_EQ(p->resume(0)["type"], "ok");
    return p;
  }
  std::unique_ptr<Peer> account(const std::string& user) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPassword(user, "secret")["type"], "ok");
    EXPECT_EQ(p->resume(0)["type"], "ok");
    return p;
  }
  std::unique_ptr<Peer> citizen() {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->resume(0)["type"], "ok");
    return p;
  }
};

}  // namespace

TEST(Sitting, AWholeSittingOverWebSockets) {
  Chamber ch(25);
  auto op = ch.account("operator");
  auto display = ch.account("display");
  auto responder = ch.account("r1");
  auto citizen = ch.citizen();
  op->ok("sitting.create", {{"number", 5},
                            {"term", "2026-2031"},
                            {"title", "Kỳ họp thứ năm"},
                            {"date", "2026-12-10"},
                            {"place", "Hội trường UBND xã Côn Minh"},
                            {"agenda", agenda()}});
  auto chair = ch.delegate(1);
  auto secretary = ch.delegate(2);
  std::vector<std::unique_ptr<Peer>> d;
  for (int seat = 3; seat <= 18; ++seat) d.push_back(ch.delegate(seat));
  // 16 of 25 present + chair + secretary = 18 >= 2/3 of 25 (16.67)
  chair->ok("sitting.open");
  for (auto& p : d) p->ok("attendance.checkin");
  chair->ok("attendance.checkin");
  secretary->ok("attendance.checkin");
  json st = chair->cmd("state.get")["result"]["state"]["current"];
  EXPECT_EQ(st["quorum"]["present"], 18);
  EXPECT_EQ(st["quorum"]["inOffice"], 25);
  EXPECT_TRUE(st["quorum"]["quorate"].get<bool>());

  // Agenda: the hall display and the public follow the active item.
  chair->ok("agenda.activate", {{"item", "2"}});
  EXPECT_FALSE(display->waitEvent("agenda.activated").is_null());
  EXPECT_EQ(citizen->waitEvent("agenda.activated")["data"]["item"], "2");

  // The floor: a point of order jumps the queue; the chair grants in order.
  d[0]->ok("floor.request", {{"kind", "speech"}});
  d[1]->ok("floor.request", {{"kind", "point_of_order"}});
  auto granted = chair->ok("floor.grant");
  EXPECT_EQ(granted[0]["data"]["person"], "d04");
  EXPECT_EQ(granted[0]["data"]["limit_s"], 120);
  EXPECT_EQ(chair->cmd("floor.grant", {{"person", "d03"}})["code"], "mic_limit");
  chair->ok("floor.end", {{"person", "d04"}});
  EXPECT_EQ(chair->ok("floor.grant")[0]["data"]["person"], "d03");
  EXPECT_FALSE(citizen
                   ->waitEvent("floor.granted", 5000,
                               [](const json& e) { return e["data"]["person"] == "d03"; })
                   .is_null());
  EXPECT_FALSE(citizen->sawKind("floor.requested"));  // the queue is for members
  d[0]->ok("floor.end");

  // Interpellation.
  chair->ok("agenda.activate", {{"item", "3"}});
  auto q =
      d[2]->ok("question.submit", {{"to", "r1"}, {"text", "Khi nào hoàn thành đường liên thôn?"}});
  const std::string qid = q[0]["data"]["question"];
  EXPECT_FALSE(responder->waitEvent("question.submitted").is_null());
  responder->ok("question.answer",
                {{"question", qid}, {"mode", "in_person"}, {"text", "Quý II/2027."}});
  d[2]->ok("question.follow_up", {{"question", qid}, {"text", "Kinh phí từ nguồn nào?"}});
  chair->ok("question.answer", {{"question", qid}, {"mode", "written"}});

  // An open vote: 13 yes of 25 in office passes (> 12.5).
  chair->ok("agenda.activate", {{"item", "2"}});
  const auto v1 = voteId(
      chair->ok("vote.create", {{"item", "2"}, {"title", "Thông qua dự toán ngân sách 2027"}}));
  chair->ok("vote.open", {{"vote", v1}});
  for (int i = 0; i < 13; ++i)
    d[static_cast<std::size_t>(i)]->ok("vote.cast", {{"vote", v1}, {"choices", {"yes"}}});
  d[13]->ok("vote.cast", {{"vote", v1}, {"choices", {"no"}}});
  d[14]->ok("vote.cast", {{"vote", v1}, {"choices", {"abstain"}}});
  EXPECT_EQ(d[0]->cmd("vote.cast", {{"vote", v1}, {"choices", {"no"}}})["code"], "already_voted");
  EXPECT_FALSE(chair->waitEvent("ballot.cast").is_null());  // the chair sees turnout
  chair->ok("vote.close", {{"vote", v1}});
  for (Peer* p : {display.get(), citizen.get(), d[15].get()}) {
    json closed = p->waitEvent("vote.closed");
    ASSERT_FALSE(closed.is_null());
    const json& t = closed["data"]["tally"];
    EXPECT_TRUE(t["passed"].get<bool>());
    EXPECT_EQ(t["options"][0]["count"], 13);
    EXPECT_EQ(t["options"][0]["base"], 25);
    EXPECT_EQ(t["options"][1]["count"], 1);
    EXPECT_EQ(t["cast"], 15);
    EXPECT_EQ(t["absent"], 7);
  }
  EXPECT_FALSE(citizen->sawKind("ballot.cast"));  // never public
  EXPECT_FALSE(display->sawKind("ballot.cast"));

  // A named vote: each delegate's choice is published with the result.
  const auto v2 = voteId(chair->ok(
      "vote.create", {{"item", "2"}, {"title", "Phê chuẩn quyết toán 2025"}, {"form", "named"}}));
  chair->ok("vote.open", {{"vote", v2}});
  for (std::size_t i = 0; i < 10; ++i)
    d[i]->ok("vote.cast", {{"vote", v2}, {"choices", {i < 8 ? "yes" : "no"}}});
  chair->ok("vote.close", {{"vote", v2}});
  json named = citizen->waitEvent("vote.closed", 5000,
                                  [&](const json& e) { return e["data"]["vote"] == v2; });
  ASSERT_FALSE(named.is_null());
  EXPECT_EQ(named["data"]["tally"]["named"].size(), 10u);
  EXPECT_FALSE(named["data"]["tally"]["passed"].get<bool>());  // 8 of 25

  // A secret ballot for a removal: >= 2/3 of 25 in office = 17 needed; 16 is not enough.
  chair->ok("agenda.activate", {{"item", "4"}});
  const auto v3 = voteId(chair->ok("vote.create", {{"item", "4"},
                                                   {"title", "Bãi nhiệm đại biểu"},
                                                   {"form", "secret"},
                                                   {"rule", "two_thirds"}}));
  chair->ok("vote.open", {{"vote", v3}});
  for (auto& p : d) {
    json events = p->ok("vote.cast", {{"vote", v3}, {"choices", {"yes"}}});
    EXPECT_TRUE(events[0]["data"]["choices"].empty())
        << "a secret ballot's event carries no choice";
  }
  json chairView = chair->cmd("state.get")["result"]["state"]["current"]["votes"][2];
  EXPECT_EQ(chairView["turnout"], 16);
  EXPECT_FALSE(chairView.contains("myChoices"));
  chair->ok("vote.close", {{"vote", v3}});
  json secret = citizen->waitEvent("vote.closed", 5000,
                                   [&](const json& e) { return e["data"]["vote"] == v3; });
  ASSERT_FALSE(secret.is_null());
  EXPECT_EQ(secret["data"]["tally"]["options"][0]["count"], 16);
  EXPECT_TRUE(secret["data"]["tally"]["named"].empty());
  EXPECT_FALSE(secret["data"]["tally"]["passed"].get<bool>());

  chair->ok("sitting.close");
  EXPECT_FALSE(citizen->waitEvent("sitting.closed").is_null());
  // Everyone saw the same events in the same order (each its own visible subset).
  EXPECT_FALSE(display->waitEvent("sitting.closed").is_null());
  EXPECT_FALSE(chair->waitEvent("sitting.closed").is_null());
  EXPECT_EQ(display->events.back()["seq"], chair->events.back()["seq"]);
}

TEST(Sitting, AVoteCannotOpenWithoutQuorum) {
  Chamber ch(9);
  auto op = ch.account("operator");
  op->ok("sitting.create", {{"number", 1}, {"title", "Kỳ họp"}, {"agenda", agenda()}});
  auto chair = ch.delegate(1);
  chair->ok("sitting.open");
  chair->ok("attendance.checkin");
  for (int seat = 2; seat <= 5; ++seat)
    chair->ok("attendance.mark", {{"delegate", delegateId(seat)}, {"present", true}});
  const auto v = voteId(chair->ok("vote.create", {{"item", "2"}, {"title", "x"}}));
  json r = chair->cmd("vote.open", {{"vote", v}});
  EXPECT_EQ(r["code"], "no_quorum");  // 5 of 9 < 6
  chair->ok("attendance.mark", {{"delegate", "d06"}, {"present", true}});
  chair->ok("vote.open", {{"vote", v}});
}
