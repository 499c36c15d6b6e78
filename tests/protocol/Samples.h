#pragma once
// One filled-in sample of every command and event kind: the round-trip and golden tests.
#include <string>
#include <vector>

#include "core/Commands.h"
#include "core/Events.h"
#include "core/Tally.h"

namespace chamber::test {

using namespace chamber::core;

// One filled-in sample of every event kind.
inline std::vector<EventData> sampleEvents() {
  Tally t;
  t.rule = "majority";
  t.base = 25;
  t.options = {{"yes", "tán thành", 16, 25, false}};
  t.named = {{"d01", {"yes"}}};
  announce(t);
  return {SittingCreated{
              5,
              "2026-2031",
              "Kỳ họp thứ năm",
              "2026-12-10",
              "Hội trường xã",
              true,
              vietnameseDefaults(),
              {{"d01", 1, "Nguyễn Văn An", "Chủ tịch", Role::Chair, true}},
              {{"r1", "Trần B", "Chủ tịch UBND"}},
              {{"1", "", "Khai mạc", "Chủ tọa", {{std::string(64, 'a'), "Tờ trình", true}}}}},
          SittingOpened{},
          SittingSuspended{"Giải lao"},
          SittingResumed{},
          SittingClosed{},
          AttendanceChanged{"d01", true, "checkin"},
          ItemActivated{"2"},
          DocumentAttached{"2", {std::string(64, 'b'), "Dự toán", false}},
          PageShared{std::string(64, 'b'), 7},
          FloorRequested{"d03", "point_of_order"},
          FloorCancelled{"d03"},
          FloorGranted{"d03", "speech", 420},
          FloorEnded{"d03"},
          QuestionSubmitted{"q1", "d03", "r1", "Câu hỏi?"},
          QuestionsGrouped{{"q1", "q2"}, "Giáo dục"},
          QuestionAnswered{"q1", "written", "", 1234},
          QuestionFollowedUp{"q1", "Hỏi lại"},
          VoteCreated{"v1",
                      "2",
                      "Thông qua",
                      VoteForm::Secret,
                      VoteKind::Election,
                      "election",
                      {{"a", "Ứng viên A"}},
                      1},
          VoteOpened{"v1", 20, 25},
          BallotCast{"v1", "d03", {"yes"}},
          VoteClosed{"v1", t},
          MediaStateChanged{"live", "", "", "recording-1796000000000.ts", 1796000000000},
          RecordingControlled{false},
          VoteVoided{"v2", "server_restart", 7},
          SignInCleared{4},
          ResolutionNumbered{"v1", "2", "Nghị quyết về dự toán ngân sách năm 2027",
                             ResolutionKind::Normative, 2026, 21, "21/2026/NQ-HĐND"},
          MinutesDrafted{std::string(64, 'd'), "Cơ quan: Hội đồng nhân dân xã\n\n# I.\n"},
          MinutesSaved{1, std::string(64, 'e'), "Cơ quan: Hội đồng nhân dân xã\n\n# I. …\n"},
          MinutesFinalised{1, std::string(64, 'e'), "--- du-thao (v0)\n+++ chinh-thuc (v1)\n"},
          MinutesPdfRecorded{1, std::string(64, 'f'), 48213},
          PetitionsConfigured{{{{"dat-dai", "Đất đai", "ubnd-pct"}}, {"Thôn 1"}, 30}},
          PetitionReceived{"KN-2026-0042", "meeting", "Tiếp xúc cử tri thôn 1",
                           "Đề nghị sửa đường liên thôn", "giao-thong", "Thôn 1", 2026, 42},
          PetitionAccepted{"KN-2026-0042", "Đề nghị sửa đường liên thôn", "giao-thong", "Thôn 1"},
          PetitionRejected{"KN-2026-0043", "Không thuộc thẩm quyền"},
          PetitionAssigned{"KN-2026-0042", "ubnd-pct", "2027-01-09"},
          PetitionAnswered{"KN-2026-0042", "UBND xã sẽ sửa trong quý I", "ubnd-pct"},
          PetitionPublished{"KN-2026-0042"},
          PetitionMerged{"KN-2026-0044", "KN-2026-0042"},
          PetitionLinked{"KN-2026-0042", {"resolution", "12/NQ-HĐND"}}};
}

inline std::vector<Command> sampleCommands() {
  CreateSitting c;
  c.number = 5;
  c.title = "Kỳ họp";
  c.agenda = {{"1", "", "Khai mạc", "", {}}};
  c.rules = vietnameseDefaults();
  return {c,
          OpenSitting{},
          SuspendSitting{"x"},
          ResumeSitting{},
          CloseSitting{},
          CheckIn{false},
          MarkAttendance{"d04", true},
          ActivateItem{"1"},
          AttachDocument{"1", {std::string(64, 'c'), "T", true}},
          SharePage{std::string(64, 'c'), 3},
          RequestFloor{"debate"},
          CancelFloor{},
          GrantFloor{"d04", "second"},
          EndFloor{"d04"},
          SubmitQuestion{"r1", "?"},
          GroupQuestions{{"q1"}, "g"},
          AnswerQuestion{"q1", "written_answer", "đáp"},
          FollowUpQuestion{"q1", "?"},
          CreateVote{"1", "t", VoteForm::Named, VoteKind::Motion, "two_thirds", {}, 1},
          OpenVote{"v1"},
          CastBallot{"v1", {"no"}, "d04"},
          CloseVote{"v1"},
          ReportMediaState{"live", "", "rtmp", "recording-1.ts", 1796000000000},
          ControlRecording{false},
          ClearSignIn{4},
          NumberResolution{"v1", ResolutionKind::Individual, "Nghị quyết", 3},
          DraftMinutes{3, "", ""},
          SaveMinutes{3, "Cơ quan: Hội đồng nhân dân xã\n", std::string(64, 'd'), ""},
          FinaliseMinutes{3, std::string(64, 'e')},
          RecordMinutesPdf{3, std::string(64, 'f'), 48213},
          ConfigurePetitions{{{{"dat-dai", "Đất đai", "ubnd-pct"}}, {"Thôn 1"}, 30}},
          SubmitPetition{"Đề nghị sửa đường", "giao-thong", "Thôn 1", "meeting", "Thôn 1"},
          AcceptPetition{"KN-2026-0042", "Đề nghị sửa đường", "giao-thong", "Thôn 1"},
          RejectPetition{"KN-2026-0043", "Không thuộc thẩm quyền"},
          AssignPetition{"KN-2026-0042", "ubnd-pct", "2027-01-09"},
          AnswerPetition{"KN-2026-0042", "Sẽ sửa trong quý I"},
          PublishPetition{"KN-2026-0042"},
          MergePetition{"KN-2026-0044", "KN-2026-0042"},
          LinkPetition{"KN-2026-0042", {"item", "1/2"}}};
}

}  // namespace chamber::test
