// A round trip for every message: encode, decode, compare; and the envelopes' refusals.
#include <gtest/gtest.h>

#include "protocol/Json.h"
#include "protocol/Messages.h"

using namespace chamber;
using namespace chamber::core;
using protocol::json;

namespace {

// One filled-in sample of every event kind.
std::vector<EventData> sampleEvents() {
  Tally t;
  t.rule = "majority";
  t.base = 25;
  t.options = {{"yes", "tán thành", 16, 25, false}};
  t.named = {{"d01", {"yes"}}};
  return {SittingCreated{5, "2026-2031", "Kỳ họp thứ năm", "2026-12-10", "Hội trường xã", true,
                         vietnameseDefaults(), {{"d01", 1, "Nguyễn Văn An", "Chủ tịch", Role::Chair, true}},
                         {{"r1", "Trần B", "Chủ tịch UBND"}},
                         {{"1", "", "Khai mạc", "Chủ tọa", {{std::string(64, 'a'), "Tờ trình", true}}}}},
          SittingOpened{}, SittingSuspended{"Giải lao"}, SittingResumed{}, SittingClosed{},
          AttendanceChanged{"d01", true, "checkin"}, ItemActivated{"2"},
          DocumentAttached{"2", {std::string(64, 'b'), "Dự toán", false}},
          PageShared{std::string(64, 'b'), 7}, FloorRequested{"d03", "point_of_order"},
          FloorCancelled{"d03"}, FloorGranted{"d03", "speech", 420}, FloorEnded{"d03"},
          QuestionSubmitted{"q1", "d03", "r1", "Câu hỏi?"}, QuestionsGrouped{{"q1", "q2"}, "Giáo dục"},
          QuestionAnswered{"q1", "written", "", 1234}, QuestionFollowedUp{"q1", "Hỏi lại"},
          VoteCreated{"v1", "2", "Thông qua", VoteForm::Secret, VoteKind::Election, "election",
                      {{"a", "Ứng viên A"}}, 1},
          VoteOpened{"v1", 20, 25}, BallotCast{"v1", "d03", {"yes"}}, VoteClosed{"v1", t},
          MediaStateChanged{"live", "", "", "recording-1796000000000.ts", 1796000000000},
          RecordingControlled{false}, VoteVoided{"v2", "server_restart", 7}, SignInCleared{4}};
}

std::vector<Command> sampleCommands() {
  CreateSitting c;
  c.number = 5;
  c.title = "Kỳ họp";
  c.agenda = {{"1", "", "Khai mạc", "", {}}};
  c.rules = vietnameseDefaults();
  return {c, OpenSitting{}, SuspendSitting{"x"}, ResumeSitting{}, CloseSitting{}, CheckIn{false},
          MarkAttendance{"d04", true}, ActivateItem{"1"}, AttachDocument{"1", {std::string(64, 'c'), "T", true}},
          SharePage{std::string(64, 'c'), 3}, RequestFloor{"debate"}, CancelFloor{},
          GrantFloor{"d04", "second"}, EndFloor{"d04"}, SubmitQuestion{"r1", "?"},
          GroupQuestions{{"q1"}, "g"}, AnswerQuestion{"q1", "written_answer", "đáp"},
          FollowUpQuestion{"q1", "?"}, CreateVote{"1", "t", VoteForm::Named, VoteKind::Motion, "two_thirds", {}, 1},
          OpenVote{"v1"}, CastBallot{"v1", {"no"}, "d04"}, CloseVote{"v1"},
          ReportMediaState{"live", "", "rtmp", "recording-1.ts", 1796000000000}, ControlRecording{false}, ClearSignIn{4}};
}

bool sameCommand(const Command& a, const Command& b) {
  return protocol::encodeCommand(a) == protocol::encodeCommand(b);
}

}  // namespace

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
    EXPECT_TRUE(sameCommand(back, c)) << wire.dump();
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
  EXPECT_EQ(code("media.report", json::parse(R"({"state":"live","recordingStarted_ms":1.796e46})")), "bad_args");
  EXPECT_EQ(code("signin.clear", json::parse(R"({"seat":-1e300})")), "bad_args");
  EXPECT_EQ(code("document.share_page", json::parse(R"({"sha256":"x","page":{"a":[1e99]}})")), "bad_args");
  EXPECT_EQ(code("signin.clear", json::parse(R"({"seat":4.0})")), "ok");
  // Missing fields keep their defaults.
  auto c = protocol::decodeCommand("floor.request", json::object());
  EXPECT_EQ(std::get<RequestFloor>(c).kind, "speech");
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
