// A round trip for every message: encode, decode, compare; and the envelopes' refusals.
#include <gtest/gtest.h>

#include "Samples.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"

using namespace chamber;
using namespace chamber::core;
using protocol::json;
using test::sampleCommands;
using test::sampleEvents;

using protocol::encodeCommand;

TEST(Codec, EveryEventKindRoundTrips) {
  const auto samples = sampleEvents();
  ASSERT_EQ(samples.size(), std::variant_size_v<EventData>) << "add a sample for the new event";
  for (const auto& e : samples) {
    const std::string kind(kindOf(e));
    const json wire = json::parse(protocol::encodeEventData(e).dump());
    EXPECT_EQ(protocol::decodeEvent(kind, wire), e) << kind;
  }
}

TEST(Codec, EveryCommandRoundTrips) {
  const auto samples = sampleCommands();
  ASSERT_EQ(samples.size(), std::variant_size_v<Command>) << "add a sample for the new command";
  for (const auto& c : samples) {
    const json wire = json::parse(protocol::encodeCommand(c).dump());
    const Command back = protocol::decodeCommand(wire["cmd"], wire["args"]);
    EXPECT_EQ(back.index(), c.index());
    EXPECT_EQ(back, c) << wire.dump();
  }
  EXPECT_EQ(protocol::commandNames().size(), samples.size());
}

TEST(Codec, BadArgumentsAreRefusedWithStableCodes) {
  auto code = [](const std::string& name, const json& args) {
    try {
      protocol::decodeCommand(name, args);
      return std::string("ok");
    } catch (const protocol::DecodeError& e) {
      return e.code;
    }
  };
  EXPECT_EQ(code("vote.cast", {{"vote", 12}}), "bad_args");
  EXPECT_EQ(code("vote.cast", json::array()), "bad_args");
  EXPECT_EQ(code("vote.create", {{"form", "secrt"}}), "bad_args");  // never silently "open"
  EXPECT_EQ(code("vote.launch", json::object()), "unknown_command");
  EXPECT_EQ(code("vote.cast", {{"vote", "v1"}, {"choices", {"yes"}}}), "ok");
  // Found by fuzz_protocol: a float too large for an integer field was undefined behaviour.
  EXPECT_EQ(code("media.report", json::parse(R"({"state":"live","recordingStarted_ms":1.796e46})")),
            "bad_args");
  EXPECT_EQ(code("signin.clear", json::parse(R"({"seat":-1e300})")), "bad_args");
  EXPECT_EQ(code("document.share_page", json::parse(R"({"sha256":"x","page":{"a":[1e99]}})")),
            "bad_args");
  EXPECT_EQ(code("signin.clear", json::parse(R"({"seat":4.0})")), "ok");
  // Optional fields keep their defaults; a required one is refused, never a default.
  auto c = protocol::decodeCommand("floor.request", json::object());
  EXPECT_EQ(std::get<RequestFloor>(c).kind, "speech");
  EXPECT_EQ(code("vote.cast", {{"choices", {"yes"}}}), "bad_args");
  EXPECT_EQ(code("vote.open", json::object()), "bad_args");
  EXPECT_EQ(code("attendance.mark", {{"present", true}}), "bad_args");
  // A misspelt role is refused, never read as "public" (nlohmann's enum mapping would).
  EXPECT_THROW(
      protocol::decodeEvent("sitting.created",
                            json::parse(R"({"number":1,"roster":[{"id":"d1","role":"chiar"}]})")),
      protocol::DecodeError);
  try {
    protocol::decodeEvent("floor.granted", {{"kind", "speech"}});
    ADD_FAILURE() << "a floor.granted without a person decoded";
  } catch (const protocol::DecodeError& e) {
    EXPECT_EQ(e.code, "bad_args");
    EXPECT_NE(std::string(e.what()).find("person"), std::string::npos) << e.what();
  }
}

TEST(Messages, EnvelopesAndRefusals) {
  auto code = [](std::string_view text) {
    try {
      protocol::parseClientMessage(text);
      return std::string("ok");
    } catch (const protocol::DecodeError& e) {
      return e.code;
    }
  };
  EXPECT_EQ(code(R"({"type":"hello","version":1})"), "ok");
  EXPECT_EQ(code("{not json"), "bad_json");
  EXPECT_EQ(code("\xff\xfe{}"), "bad_utf8");
  EXPECT_EQ(code("{\"type\":\"cmd\",\"id\":\"\xc0\xaf\"}"), "bad_utf8");  // overlong '/'
  EXPECT_EQ(code(R"([1,2])"), "bad_message");
  EXPECT_EQ(code(R"({"type":"launch"})"), "unknown_type");
  EXPECT_EQ(code(R"({"type":"cmd","cmd":"vote.cast"})"), "bad_message");  // no client id
  EXPECT_EQ(code(R"({"type":"cmd","id":7})"), "bad_message");
  EXPECT_EQ(code(R"({"type":"cmd","id":")" + std::string(65, 'x') + "\"}"), "bad_message");
  EXPECT_TRUE(protocol::validUtf8("Hội đồng nhân dân xã Côn Minh"));
  EXPECT_FALSE(protocol::validUtf8("\xed\xa0\x80"));  // a surrogate

  const json e = protocol::eventMessage(42, 1000, 1, "vote.opened", {{"vote", "v1"}});
  EXPECT_EQ(e["seq"], 42);
  EXPECT_EQ(e["kind"], "vote.opened");
  EXPECT_EQ(protocol::errorReply("c1", "forbidden", "x")["code"], "forbidden");
}
