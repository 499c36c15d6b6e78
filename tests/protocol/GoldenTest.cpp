// Golden fixtures of chamber.v1: every command, every event and every envelope as it is on
// the wire, checked in (tests/protocol/golden/messages.json). The wire must stay what it is
// for good — tablets in the field and the stored log depend on it — so:
//   - encoding each sample gives exactly the fixture (a renamed or dropped field fails);
//   - decoding the fixture gives exactly the sample (operator==, not encode(decode(x)));
//   - every command and event kind has its fixture (a new one fails until it is added).
// When a message is *added*, write its fixture with CHAMBER_WRITE_GOLDEN=1 and review the
// diff: only additions may appear. Never regenerate to make a rename pass.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "Samples.h"
#include "protocol/Client.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"

using namespace chamber;
using namespace chamber::core;
using protocol::json;

namespace {

const std::string kFixture = std::string(GOLDEN_DIR) + "/messages.json";

json envelopes() {
  Tally t = std::get<VoteClosed>(test::sampleEvents()[20]).tally;
  return {
      {"hello", protocol::hello("delegate-app/0.1")},
      {"auth.pin", protocol::authPin("a1", 12, "101012", "Máy tính bảng ghế 12")},
      {"auth.password", protocol::authPassword("a3", "operator", "mật khẩu", "Bàn điều khiển")},
      {"auth.token", protocol::authToken("a2", std::string(64, 'f'))},
      {"auth.public", protocol::authPublic("a4")},
      {"resume", protocol::resume("r1", 1200)},
      {"cmd", protocol::command("7b1e", CastBallot{"v3", {"yes"}, ""})},
      {"state.get", protocol::stateQuery("s1")},
      {"ping", protocol::ping("p1")},
      {"welcome", protocol::welcome("chamber-server/0.1", 1234, Role::Public)},
      {"ok", protocol::okReply("a1", {{"role", "delegate"}})},
      {"error", protocol::errorReply("7b1e", "already_voted",
                                     "Đại biểu đã biểu quyết / you have already voted")},
      {"event", protocol::eventMessage(1241, 1796000000200, 1, VoteClosed::kKind,
                                       protocol::encodeEventData(VoteClosed{"v3", t}))},
      {"pong", protocol::pong("p1")},
  };
}

json current() {
  json commands = json::object(), events = json::object();
  for (const auto& c : test::sampleCommands())
    commands[std::string(nameOf(c))] = protocol::encodeCommand(c)["args"];
  for (const auto& e : test::sampleEvents())
    events[std::string(kindOf(e))] = protocol::encodeEventData(e);
  return {{"version", protocol::kVersion},
          {"commands", commands},
          {"events", events},
          {"envelopes", envelopes()}};
}

json fixture() {
  std::ifstream f(kFixture);
  return json::parse(f, nullptr, false);
}

}  // namespace

TEST(Golden, Written) {
  if (!std::getenv("CHAMBER_WRITE_GOLDEN"))
    GTEST_SKIP() << "CHAMBER_WRITE_GOLDEN=1 writes " << kFixture;
  std::ofstream(kFixture) << current().dump(2) << "\n";
}

TEST(Golden, EveryCommandIsOnTheWireAsTheFixtureSays) {
  const json golden = fixture();
  ASSERT_TRUE(golden.is_object()) << kFixture;
  const json& g = golden["commands"];
  EXPECT_EQ(g.size(), std::variant_size_v<Command>)
      << "a command without a fixture, or a fixture without a command";
  for (const auto& c : test::sampleCommands()) {
    const std::string name(nameOf(c));
    ASSERT_TRUE(g.contains(name)) << name << " has no fixture";
    EXPECT_EQ(protocol::encodeCommand(c)["args"], g[name]) << name << ": the wire changed";
    EXPECT_EQ(protocol::decodeCommand(name, g[name]), c)
        << name << ": the fixture decodes differently";
  }
}

TEST(Golden, EveryEventIsOnTheWireAndInTheLogAsTheFixtureSays) {
  const json golden = fixture();
  ASSERT_TRUE(golden.is_object()) << kFixture;
  const json& g = golden["events"];
  EXPECT_EQ(g.size(), std::variant_size_v<EventData>)
      << "an event without a fixture, or a fixture without an event";
  for (const auto& e : test::sampleEvents()) {
    const std::string kind(kindOf(e));
    ASSERT_TRUE(g.contains(kind)) << kind << " has no fixture";
    EXPECT_EQ(protocol::encodeEventData(e), g[kind]) << kind << ": the wire changed";
    EXPECT_EQ(protocol::decodeEvent(kind, g[kind]), e)
        << kind << ": the fixture decodes differently";
  }
}

TEST(Golden, EveryEnvelopeIsAsTheFixtureSays) {
  const json golden = fixture();
  ASSERT_TRUE(golden.is_object()) << kFixture;
  EXPECT_EQ(golden["version"], protocol::kVersion);
  const json now = envelopes();
  ASSERT_EQ(golden["envelopes"].size(), now.size());
  for (const auto& [name, msg] : now.items()) EXPECT_EQ(golden["envelopes"][name], msg) << name;
  // What a client builds, the server parses; what the server sends, a client parses.
  for (const char* name : {"hello", "auth.pin", "auth.password", "auth.token", "auth.public",
                           "resume", "cmd", "state.get", "ping"})
    EXPECT_NO_THROW(protocol::parseClientMessage(golden["envelopes"][name].dump())) << name;
  for (const char* name : {"welcome", "ok", "error", "event", "pong"})
    EXPECT_NO_THROW(protocol::parseServerMessage(golden["envelopes"][name].dump())) << name;
  const auto ev = protocol::parseServerMessage(golden["envelopes"]["event"].dump());
  const auto typed = ev.event.typed();
  ASSERT_TRUE(typed.has_value());
  const auto& closed = std::get<VoteClosed>(*typed);
  EXPECT_EQ(closed.tally.options.at(0).line, "16/25 đại biểu tán thành (64,00%)");
  EXPECT_EQ(closed.tally.options.at(0).percent, "64,00%");
}

TEST(Golden, TheServersTextEnvelopesAreTheSameJson) {
  const json golden = fixture()["envelopes"]["event"];
  const std::string text =
      protocol::eventMessageText(golden["seq"], golden["ts"], golden["sitting"],
                                 golden["kind"].get<std::string>(), golden["data"].dump());
  EXPECT_EQ(json::parse(text), golden);
  const std::string ok = protocol::okEventsText("c\"1", 1241, {text, text});
  const auto m = protocol::parseServerMessage(ok);
  EXPECT_EQ(m.id, "c\"1");
  ASSERT_EQ(protocol::eventsOf(m).size(), 2u);
  EXPECT_EQ(protocol::eventsOf(m)[1].seq, 1241);
}

TEST(Golden, AFieldRenamedOnTheWireFailsToDecode) {
  // What the fixtures guard against, shown once: the old name no longer fills the member.
  json renamed = fixture()["events"]["floor.granted"];
  renamed["speaker"] = renamed["person"];
  renamed.erase("person");
  EXPECT_THROW(protocol::decodeEvent("floor.granted", renamed), protocol::DecodeError);
}
