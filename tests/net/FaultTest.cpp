// kill -9 the server while 200 clients cast; restart; every acknowledged vote is in the
// tally, none twice, and the clients resume.
#include <cstdio>
#include <set>

#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

namespace {
constexpr int kDelegates = 200;

json castMessage(const std::string& vote, int seat) {
  return {{"type", "cmd"},
          {"id", "cast-" + std::to_string(seat)},
          {"cmd", "vote.cast"},
          {"args", {{"vote", vote}, {"choices", {seat % 2 == 0 ? "yes" : "no"}}}}};
}
}  // namespace

TEST(Fault, KillDashNineWhileTwoHundredClientsCast) {
  TempDir dir;
  seedCouncil(dir.path, kDelegates);
  const std::vector<std::string> args{"--rate", "1000", "--burst", "1000"};
  auto server = std::make_unique<ServerProcess>(dir.path, args);
  client::ClientLoop loop;
  std::string vote;
  {
    Peer chair(loop, server->port());
    chair.hello();
    chair.loginPin(1, pinOf(1));
    chair.ok("sitting.create", {{"number", 1},
                                {"title", "Kỳ họp"},
                                {"agenda", json::array({{{"id", "1"}, {"title", "Nghị quyết"}}})}});
    chair.ok("sitting.open");
    for (int s = 1; s <= kDelegates; ++s)
      chair.ok("attendance.mark", {{"delegate", delegateId(s)}, {"present", true}});
    for (const auto& e : chair.ok("vote.create", {{"item", "1"}, {"title", "Thông qua"}}))
      vote = e["data"]["vote"];
    chair.ok("vote.open", {{"vote", vote}});
  }
  std::vector<std::unique_ptr<Peer>> tablets;
  std::vector<std::string> tokens;
  for (int s = 1; s <= kDelegates; ++s) {
    tablets.push_back(std::make_unique<Peer>(loop, server->port()));
    tablets.back()->hello();
    tokens.push_back(tablets.back()->loginPin(s, pinOf(s), "tablet")["result"]["token"]);
    ASSERT_EQ(tablets.back()->resume(0)["type"], "ok");
  }

  auto acked = [&] {
    std::set<int> out;
    for (int s = 1; s <= kDelegates; ++s) {
      const json* r =
          tablets[static_cast<std::size_t>(s - 1)]->replyTo("cast-" + std::to_string(s));
      if (r && (*r)["type"] == "ok") out.insert(s);
    }
    return out;
  };
  // The first half of the tablets cast in waves; the server is killed once a third of all
  // are acknowledged, with casts still in flight. The other half cast only after the restart.
  int sent = 0;
  const double deadline = client::monotonicMs() + 20000;
  while (acked().size() < kDelegates / 3 && client::monotonicMs() < deadline) {
    for (int k = 0; k < 4 && sent < kDelegates / 2; ++k, ++sent)
      tablets[static_cast<std::size_t>(sent)]->client().send(castMessage(vote, sent + 1).dump());
    loop.service(1);
  }
  server->kill9();
  // Whatever reached the tablets' sockets before the kill was acknowledged too.
  loop.runUntil(
      [&] {
        for (auto& t : tablets)
          if (!t->client().isClosed()) return false;
        return true;
      },
      5000);
  const std::set<int> ackedBeforeKill = acked();
  ASSERT_GT(ackedBeforeKill.size(), 0u);
  ASSERT_LT(ackedBeforeKill.size(), static_cast<std::size_t>(kDelegates))
      << "the kill came too late";

  std::printf("acknowledged before kill -9: %zu of %d\n", ackedBeforeKill.size(), kDelegates);
  server->start();  // same data folder, a new port
  Peer chair(loop, server->port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  json v = chair.cmd("state.get")["result"]["state"]["current"]["votes"][0];
  std::set<std::string> voted(v["voted"].begin(), v["voted"].end());
  for (int s : ackedBeforeKill)
    EXPECT_TRUE(voted.count(delegateId(s))) << "acknowledged vote lost: seat " << s;
  EXPECT_EQ(v["status"], "open");

  // Every tablet comes back with its token, resumes, and (re)sends its cast with the same id.
  std::vector<std::unique_ptr<Peer>> back;
  for (int s = 1; s <= kDelegates; ++s) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    ASSERT_EQ(p->loginToken(tokens[static_cast<std::size_t>(s - 1)])["type"], "ok");
    ASSERT_EQ(p->resume(tablets[static_cast<std::size_t>(s - 1)]->lastSeq())["type"], "ok");
    json r = p->request(castMessage(vote, s));
    EXPECT_EQ(r["type"], "ok") << "seat " << s << ": " << r.dump();
    back.push_back(std::move(p));
  }
  json closed = chair.ok("vote.close", {{"vote", vote}}).at(0);
  ASSERT_EQ(closed["kind"], "vote.closed");
  const json& t = closed["data"]["tally"];
  EXPECT_EQ(t["cast"], kDelegates);  // none lost, none twice
  EXPECT_EQ(t["options"][0]["count"], kDelegates / 2);
  EXPECT_EQ(t["options"][1]["count"], kDelegates / 2);
  // And the log is intact after the crash.
  server->stop();
  store::Store st(dir.path);
  EXPECT_TRUE(st.log.verify().empty());
}
