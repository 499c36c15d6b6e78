// Disconnects, retries, wrong roles and bad input: the state stays right and the
// server keeps serving everyone else.
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

namespace {

struct Fixture : ::testing::Test {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  client::ClientLoop loop;
  std::string vote;

  void SetUp() override {
    seedCouncil(dir.path, 6);
    server = std::make_unique<ServerProcess>(dir.path);
  }
  std::unique_ptr<Peer> login(int seat, const std::string& device = "") {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPin(seat, pinOf(seat), device)["type"], "ok");
    return p;
  }
  std::unique_ptr<Peer> account(const std::string& user) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPassword(user, "secret")["type"], "ok");
    return p;
  }
  /// Creates and opens a sitting with everyone present and an open vote.
  std::unique_ptr<Peer> openVote() {
    auto chair = login(1);
    chair->ok("sitting.create",
              {{"number", 1},
               {"title", "Kỳ họp"},
               {"agenda", json::array({{{"id", "1"}, {"title", "Nghị quyết"}}})}});
    chair->ok("sitting.open");
    for (int s = 1; s <= 6; ++s)
      chair->ok("attendance.mark", {{"delegate", delegateId(s)}, {"present", true}});
    for (const auto& e : chair->ok("vote.create", {{"item", "1"}, {"title", "Thông qua"}}))
      vote = e["data"]["vote"];
    chair->ok("vote.open", {{"vote", vote}});
    return chair;
  }
  std::int64_t head(Peer& p) { return p.cmd("state.get")["result"]["head"]; }
};

}  // namespace

TEST_F(Fixture, AClientThatDisconnectsMidVoteResumesAndIsCountedOnce) {
  auto chair = openVote();
  auto d3 = login(3, "Máy tính bảng ghế 3");
  const std::string token = d3->loginPin(3, pinOf(3), "Máy tính bảng ghế 3")["result"]["token"];
  ASSERT_EQ(token.size(), 64u);
  ASSERT_EQ(d3->resume(0)["type"], "ok");
  const auto seen = d3->lastSeq();
  ASSERT_GT(seen, 0);
  // The cast leaves, the Wi-Fi drops before the reply arrives.
  d3->client().send(json{{"type", "cmd"},
                         {"id", "cast-1"},
                         {"cmd", "vote.cast"},
                         {"args", {{"vote", vote}, {"choices", {"yes"}}}}}
                        .dump());
  d3->client().close();
  d3->waitClosed();
  chair->ok("floor.grant", {{"person", "d04"}});  // the sitting goes on meanwhile

  auto again = std::make_unique<Peer>(loop, server->port());
  again->hello();
  ASSERT_EQ(again->loginToken(token)["result"]["id"], "d03");
  ASSERT_EQ(again->resume(seen)["type"], "ok");
  EXPECT_TRUE(again->sawKind("floor.granted"));  // what it missed
  for (const auto& e : again->events) EXPECT_GT(e["seq"].get<std::int64_t>(), seen);
  // The retry carries the same client id: the same answer, nothing cast twice.
  json retry = again->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}}, "cast-1");
  EXPECT_EQ(retry["type"], "ok") << retry.dump();
  json other = again->cmd("vote.cast", {{"vote", vote}, {"choices", {"no"}}});
  EXPECT_EQ(other["code"], "already_voted");
  json closed = chair->ok("vote.close", {{"vote", vote}}).at(0);
  EXPECT_EQ(closed["kind"], "vote.closed");
  EXPECT_EQ(closed["data"]["tally"]["cast"], 1);
  EXPECT_EQ(closed["data"]["tally"]["options"][0]["count"], 1);
}

TEST_F(Fixture, WrongRolesAreRefusedAndChangeNothing) {
  auto chair = openVote();
  auto d4 = login(4);
  auto media = account("media");
  auto citizen = std::make_unique<Peer>(loop, server->port());
  citizen->hello();
  const auto before = head(*chair);
  EXPECT_EQ(d4->cmd("sitting.close")["code"], "forbidden");
  EXPECT_EQ(d4->cmd("vote.close", {{"vote", vote}})["code"], "forbidden");
  EXPECT_EQ(
      d4->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}, {"delegate", "d05"}})["code"],
      "forbidden");
  EXPECT_EQ(d4->cmd("media.report", {{"state", "live"}})["code"], "forbidden");
  EXPECT_EQ(media->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}})["code"], "forbidden");
  EXPECT_EQ(chair->cmd("media.report", {{"state", "live"}})["code"], "forbidden");
  EXPECT_EQ(citizen->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}})["code"],
            "not_authenticated");
  EXPECT_EQ(citizen->cmd("sitting.close")["code"], "not_authenticated");
  EXPECT_EQ(head(*chair), before);
  media->ok("media.report", {{"state", "live"}, {"detail", "rtmp://…"}});
  EXPECT_EQ(head(*chair), before + 1);
}

TEST_F(Fixture, BadInputGetsAnErrorOrAClosedConnectionAndNothingChanges) {
  auto chair = openVote();
  const auto before = head(*chair);
  auto bad = std::make_unique<Peer>(loop, server->port());
  auto send = [&](const std::string& raw) {
    const auto n = bad->unsolicited.size();
    bad->client().send(raw);
    loop.runUntil([&] { return bad->unsolicited.size() > n || bad->client().isClosed(); }, 3000);
    return bad->unsolicited.size() > n ? bad->unsolicited.back().value("code", "")
                                       : std::string("closed");
  };
  EXPECT_EQ(send("{not json"), "bad_json");
  EXPECT_EQ(send("\xc3\x28\xa0\xa1"), "bad_utf8");
  EXPECT_EQ(send(R"({"type":"launch_missiles"})"), "unknown_type");
  EXPECT_EQ(send(R"([1,2,3])"), "bad_message");
  EXPECT_EQ(send(R"({"type":"cmd","cmd":"vote.cast"})"), "bad_message");
  json r = bad->request({{"type", "cmd"}, {"cmd", "vote.cast"}});
  EXPECT_EQ(r["code"], "hello_first");
  bad->hello();
  EXPECT_EQ(
      bad->request({{"type", "auth"}, {"method", "pin"}, {"seat", "three"}, {"pin", 1}})["code"],
      "bad_args");
  EXPECT_EQ(
      bad->request({{"type", "auth"}, {"method", "pin"}, {"seat", 3}, {"pin", "wrong"}})["code"],
      "auth_failed");
  EXPECT_EQ(bad->loginPin(3, pinOf(3))["type"], "ok");
  EXPECT_EQ(bad->cmd("vote.cast", {{"vote", 7}})["code"], "bad_args");
  EXPECT_EQ(bad->cmd("vote.cast", {{"vote", vote}, {"choices", {"maybe"}}})["code"], "bad_args");
  EXPECT_EQ(bad->cmd("vote.explode")["code"], "unknown_command");
  EXPECT_EQ(bad->request({{"type", "resume"}, {"after", -5}})["code"], "bad_args");
  EXPECT_EQ(chair->cmd("vote.create", {{"item", "1"}, {"title", "x"}, {"form", "secrt"}})["code"],
            "bad_args");
  EXPECT_EQ(head(*chair), before);

  // An oversized message closes that connection only.
  const std::string huge = R"({"type":"ping","pad":")" + std::string(100 * 1024, 'x') + "\"}";
  EXPECT_EQ(send(huge), "closed");
  // A wrong protocol version is refused and closed.
  auto old = std::make_unique<Peer>(loop, server->port());
  EXPECT_EQ(old->request({{"type", "hello"}, {"version", 0}})["code"], "version_mismatch");
  EXPECT_TRUE(old->waitClosed());
  // A WebSocket without the subprotocol is refused.
  auto& raw = loop.connect("127.0.0.1", server->port(), false, "/", "");
  loop.runUntil([&] { return raw.isClosed(); }, 3000);
  EXPECT_TRUE(raw.isClosed());
  // Everyone else is still served.
  auto d5 = login(5);
  d5->ok("vote.cast", {{"vote", vote}, {"choices", {"yes"}}});
  EXPECT_EQ(head(*chair), before + 1);
}

TEST_F(Fixture, PinGuessingIsThrottledAndStaffCanClearIt) {
  // The delegate of seat 4 signed in on their tablet before the attack.
  auto tablet = std::make_unique<Peer>(loop, server->port());
  tablet->hello();
  const std::string token = tablet->loginPin(4, pinOf(4), "Máy tính bảng 4")["result"]["token"];
  ASSERT_EQ(token.size(), 64u);

  auto p = std::make_unique<Peer>(loop, server->port());
  p->hello();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(p->loginPin(4, "0000")["code"], "auth_failed");
  EXPECT_EQ(p->loginPin(4, "0000")["code"], "auth_failed");  // the first delay starts here
  json r = p->loginPin(4, pinOf(4));
  EXPECT_EQ(r["code"], "throttled") << "even the right PIN waits, so waiting is not a guess";
  EXPECT_GE(r.value("retryAfter_s", 0), 1);
  // Not a lock anyone can hold on a whole chamber: other seats sign in, and the tablet that
  // signed in before keeps its token.
  auto other = std::make_unique<Peer>(loop, server->port());
  other->hello();
  EXPECT_EQ(other->loginPin(5, pinOf(5))["type"], "ok");
  auto again = std::make_unique<Peer>(loop, server->port());
  again->hello();
  EXPECT_EQ(again->loginToken(token)["type"], "ok");
  // Staff clear the seat; the delegate signs in with the PIN at once.
  auto chair = login(1);
  EXPECT_EQ(p->cmd("signin.clear", {{"seat", 4}})["code"], "not_authenticated");
  auto d5 = login(5);
  EXPECT_EQ(d5->cmd("signin.clear", {{"seat", 4}})["code"], "forbidden");
  chair->ok("signin.clear", {{"seat", 4}});
  auto fresh = std::make_unique<Peer>(loop, server->port());
  fresh->hello();
  EXPECT_EQ(fresh->loginPin(4, pinOf(4))["type"], "ok");
}

TEST_F(Fixture, AFloodIsToldWhyAndClosedWithAPolicyViolation) {
  auto d = login(3);
  for (int i = 0; i < 262; ++i) d->client().send(R"({"type":"ping"})");
  ASSERT_TRUE(d->waitClosed(10000));
  int limited = 0;
  for (const auto& m : d->unsolicited) limited += m.value("code", "") == "rate_limited";
  EXPECT_GE(limited, 150) << "the client is told it is too fast before it is closed";
  EXPECT_EQ(d->client().closeCode(), 1008) << "closed with a reason, not dropped (1006)";
}

TEST_F(Fixture, UnknownAndKnownNamesFailAlike) {
  auto p = std::make_unique<Peer>(loop, server->port());
  p->hello();
  EXPECT_EQ(p->loginPassword("operator", "wrong")["code"], "auth_failed");
  EXPECT_EQ(p->loginPassword("nobody", "wrong")["code"], "auth_failed");
  EXPECT_EQ(p->loginPin(999, "0000")["code"], "auth_failed");
  // Malformed sign-ins are answered, not dropped with the connection.
  EXPECT_EQ(p->request({{"type", "auth"}, {"method", 5}})["code"], "bad_args");
  EXPECT_EQ(p->request({{"type", "auth"}, {"method", "password"}, {"user", json::array()}})["code"],
            "bad_args");
  EXPECT_EQ(p->request({{"type", "auth"}, {"method", "pin"}, {"seat", "1"}, {"pin", 1}})["code"],
            "bad_args");
  EXPECT_EQ(p->request({{"type", "auth"}, {"method", "token"}, {"token", 7}})["code"], "bad_args");
  EXPECT_EQ(p->request({{"type", "ping"}})["type"], "pong");
}

TEST_F(Fixture, RateLimitedClientsGetAnErrorNotAChangedState) {
  auto d = login(3);
  for (int i = 0; i < 150; ++i) d->client().send(R"({"type":"ping"})");
  loop.runUntil([&] { return d->unsolicited.size() >= 150 || d->client().isClosed(); }, 5000);
  int limited = 0;
  for (const auto& m : d->unsolicited) limited += m.value("code", "") == "rate_limited";
  EXPECT_GT(limited, 0);
  EXPECT_FALSE(d->client().isClosed());
}

TEST_F(Fixture, PublicObserversSeeNothingOfAClosedSitting) {
  auto chair = login(1);
  auto citizen = std::make_unique<Peer>(loop, server->port());
  citizen->hello();
  citizen->resume(0);
  chair->ok("sitting.create", {{"number", 2},
                               {"title", "Phiên họp kín"},
                               {"isPublic", false},
                               {"agenda", json::array({{{"id", "1"}, {"title", "Nhân sự"}}})}});
  chair->ok("sitting.open");
  chair->ok("agenda.activate", {{"item", "1"}});
  auto late = std::make_unique<Peer>(loop, server->port());
  late->hello();
  late->resume(0);
  loop.runUntil([] { return false; }, 300);
  EXPECT_TRUE(citizen->events.empty());
  EXPECT_TRUE(late->events.empty());
  EXPECT_TRUE(citizen->cmd("state.get")["result"]["state"]["current"].is_null());
}

// An id sent again is a retry only when it carries the same command: a tablet whose counter
// started over after a reinstall must not have its vote "acknowledged" with the reply to its
// request for the floor. Another command under a used id is refused — also after a restart — and
// the vote it carried is cast only when sent under a fresh id.
TEST_F(Fixture, AnIdUsedBeforeForAnotherCommandIsRefusedNotAnsweredWithTheOldReply) {
  auto chair = openVote();
  auto d3 = login(3);
  const json first = d3->cmd("floor.request", {{"kind", "speech"}}, "tablet-1");
  ASSERT_EQ(first.value("type", ""), "ok") << first.dump();
  // The same command again: the same reply, nothing recorded twice.
  const std::int64_t before = head(*d3);
  EXPECT_EQ(d3->cmd("floor.request", {{"kind", "speech"}}, "tablet-1"), first);
  EXPECT_EQ(head(*d3), before);
  // Another command under that id: refused, and the ballot is not cast.
  const json reused = d3->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}}, "tablet-1");
  EXPECT_EQ(reused.value("type", ""), "error") << reused.dump();
  EXPECT_EQ(reused.value("code", ""), "id_reused");
  EXPECT_EQ(head(*d3), before);
  // The same after a restart (the digest is stored with the reply).
  server->stop();
  server->start();
  auto again = login(3);
  EXPECT_EQ(
      again->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}}, "tablet-1").value("code", ""),
      "id_reused");
  EXPECT_EQ(again->cmd("floor.request", {{"kind", "speech"}}, "tablet-1"), first);
  // Under a fresh id the ballot is cast, once.
  EXPECT_EQ(
      again->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}}, "tablet-2").value("type", ""),
      "ok");
  EXPECT_EQ(
      again->cmd("vote.cast", {{"vote", vote}, {"choices", {"yes"}}}, "tablet-2").value("type", ""),
      "ok");  // its retry: the same answer
}
