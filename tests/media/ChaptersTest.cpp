// The archive's chapters from the event log, without any video: titles, positions, gaps.
#include <gtest/gtest.h>

#include "archive/Chapters.h"

using namespace chamber::media;
using nlohmann::json;

namespace {

LogEvent ev(std::int64_t seq, std::int64_t ts, int sitting, const chamber::core::EventData& e) {
  return {seq, ts, sitting, std::string(chamber::core::kindOf(e)),
          chamber::protocol::encodeEventData(e)};
}

std::vector<LogEvent> sittingLog() {
  using namespace chamber::core;
  SittingCreated created;
  created.number = 2;
  created.title = "Kỳ họp thứ hai";
  created.agenda = {{"1", "", "Khai mạc", "", {}}, {"2", "", "Chất vấn", "", {}}};
  created.roster = {{"db04", 4, "Lò Thị Mai", "Đại biểu", Role::Delegate, true}};
  created.responders = {{"ubnd-ct", "Hà Văn Long", "Chủ tịch UBND xã"}};
  const MediaStateChanged live{"live", "", "", "recording-3000-%05d.ts", 3000};
  return {
      ev(1, 1000, 2, created),
      ev(2, 1500, 1, ItemActivated{"9"}),  // another sitting
      ev(3, 2000, 2, ItemActivated{"1"}),  // before the recording started
      ev(4, 3000, 2, live),
      ev(5, 13000, 2, ItemActivated{"2"}),
      ev(6, 15000, 2, FloorGranted{"db04", "question", 0}),
      ev(7, 25000, 2, FloorGranted{"ubnd-ct", "answer", 0}),
      ev(8, 25000, 2, live),
      ev(9, 40000, 2, SittingClosed{}),
  };
}

}  // namespace

TEST(Chapters, ReadsTheSittingsRecordingsAndTitlesInVietnamese) {
  const SittingLog log = readSitting(sittingLog(), 2);
  EXPECT_EQ(log.title, "Kỳ họp thứ hai");
  ASSERT_EQ(log.recordings.size(), 1u) << "the same recording reported twice is one recording";
  EXPECT_EQ(log.recordings[0].started_ms, 3000);
  ASSERT_EQ(log.marks.size(), 4u) << "the other sitting's item is not ours";
  EXPECT_EQ(log.marks[0].title, "Mục 1. Khai mạc");
  EXPECT_EQ(log.marks[2].title, "Lò Thị Mai (Đại biểu) chất vấn");
  EXPECT_EQ(log.marks[2].item, "2");
  EXPECT_EQ(log.marks[3].title, "Hà Văn Long (Chủ tịch UBND xã) trả lời chất vấn");
  EXPECT_TRUE(log.closed);
}

TEST(Chapters, PlacesMarksOnTheTimeLineAroundGaps) {
  const SittingLog log = readSitting(sittingLog(), 2);
  // 30 s recorded; 14–20 s lost (a crash); the question at 12 s falls in no gap.
  const auto ch = placeChapters(log, 3000, 30000, {{14000, 20000, "lost"}});
  std::vector<std::pair<std::int64_t, std::string>> got;
  for (const auto& c : ch) got.emplace_back(c.start_ms, c.title);
  const std::vector<std::pair<std::int64_t, std::string>> want = {
      {0, "Mục 1. Khai mạc"},  // activated before the recording: it is on from 0
      {10000, "Mục 2. Chất vấn"},
      {12000, "Lò Thị Mai (Đại biểu) chất vấn"},
      {14000, "Gián đoạn ghi hình (mất đoạn)"},
      {20000, "Lò Thị Mai (Đại biểu) chất vấn (tiếp)"},
      {22000, "Hà Văn Long (Chủ tịch UBND xã) trả lời chất vấn"},
  };
  EXPECT_EQ(got, want);
  EXPECT_EQ(ch.back().end_ms, 30000);
  EXPECT_EQ(ch[3].kind, "gap");
}

TEST(Chapters, AMarkInsideAGapStartsWhenTheVideoComesBack) {
  const SittingLog log = readSitting(sittingLog(), 2);
  const auto ch = placeChapters(log, 3000, 30000, {{8000, 11000, "paused"}});
  ASSERT_GE(ch.size(), 3u);
  EXPECT_EQ(ch[1].title, "Tạm dừng ghi hình");
  EXPECT_EQ(ch[2].start_ms, 11000);
  EXPECT_EQ(ch[2].title, "Mục 2. Chất vấn") << "item 2 began during the pause";
}

TEST(Chapters, AStopIsTheChairsPauseADeathIsALoss) {
  using namespace chamber::core;
  SittingCreated created;
  created.number = 2;
  const MediaStateChanged a{"live", "", "", "recording-3000-%05d.ts", 3000};
  const MediaStateChanged idle{"idle", "", "", "", 0};
  const MediaStateChanged b{"live", "", "", "recording-9000-%05d.ts", 9000};
  const MediaStateChanged c{"live", "", "", "recording-20000-%05d.ts", 20000};
  // a, stopped by the chair, then b, killed (no idle), then a new process says it started
  // (idle, process_started), then c.
  const MediaStateChanged started{"idle", "", MediaStateChanged::kProcessStarted, "", 0};
  const SittingLog log =
      readSitting({ev(1, 1000, 2, created), ev(2, 3000, 2, a), ev(3, 8000, 2, idle),
                   ev(4, 9000, 2, b), ev(5, 19000, 2, started), ev(6, 20000, 2, c)},
                  2);
  ASSERT_EQ(log.recordings.size(), 3u);
  EXPECT_TRUE(log.recordings[0].stoppedCleanly) << "the chair's pause";
  EXPECT_FALSE(log.recordings[1].stoppedCleanly) << "killed: no stop was said";
  EXPECT_FALSE(log.recordings[2].stoppedCleanly) << "still running";
}

TEST(Chapters, ATurnEndsItsChapterAndVotesAndResultsHaveTheirOwn) {
  using namespace chamber::core;
  SittingCreated created;
  created.title = "Kỳ họp thứ ba";
  created.agenda = {{"3", "", "Dự toán ngân sách 2027", "", {}}};
  created.roster = {{"db01", 1, "Nguyễn Văn Hùng", "Chủ tọa", Role::Chair, true},
                    {"db04", 4, "Lò Thị Mai", "Đại biểu", Role::Delegate, true}};
  VoteCreated vote;
  vote.vote = "v1";
  vote.item = "3";
  vote.title = "Thông qua dự toán ngân sách 2027";
  VoteClosed closed;
  closed.vote = "v1";
  closed.tally.passed = true;
  closed.tally.options = {
      {"yes", "Tán thành", 16, 25, false, "64,00%", "16/25 đại biểu tán thành (64,00%)"}};
  const std::vector<LogEvent> events = {
      ev(1, 1000, 1, created),
      ev(2, 2000, 1, ItemActivated{"3"}),
      ev(3, 3000, 1, FloorGranted{"db04", "speech", 0}),
      ev(4, 4000, 1, FloorGranted{"db01", "point_of_order", 0}),  // the chair cuts in
      ev(5, 5000, 1, FloorEnded{"db01"}),                         // back to the delegate
      ev(6, 6000, 1, FloorEnded{"db04"}),                         // back to the item
      ev(7, 7000, 1, vote),
      ev(8, 8000, 1, VoteOpened{"v1", 20, 25}),
      ev(9, 9000, 1, closed),
  };
  const SittingLog log = readSitting(events, 1);
  std::vector<std::string> titles;
  for (const auto& m : log.marks) titles.push_back(m.kind + ": " + m.title);
  const std::vector<std::string> expected = {
      "item: Mục 3. Dự toán ngân sách 2027",
      "speaker: Lò Thị Mai (Đại biểu) phát biểu",
      "speaker: Nguyễn Văn Hùng (Chủ tọa) kiến nghị về thủ tục",
      "speaker: Lò Thị Mai (Đại biểu) phát biểu (tiếp)",
      "item: Mục 3. Dự toán ngân sách 2027 (tiếp)",
      "vote: Biểu quyết: Thông qua dự toán ngân sách 2027",
      "result: Kết quả: Thông qua dự toán ngân sách 2027 — thông qua, 16/25 đại biểu tán thành "
      "(64,00%)",
  };
  EXPECT_EQ(titles, expected);
  EXPECT_TRUE(log.marks[3].resumed && log.marks[4].resumed);
  EXPECT_FALSE(log.marks[1].resumed);
  // On the time line: the delegate's turn is a chapter from 3 s to 4 s, not to the vote.
  const auto chapters = placeChapters(log, 0, 10000, {});
  ASSERT_GE(chapters.size(), 3u);
  EXPECT_EQ(chapters[2].kind, "speaker");
  EXPECT_EQ(chapters[2].start_ms, 3000);
  EXPECT_EQ(chapters[2].end_ms, 4000);
  EXPECT_EQ(chapters.back().kind, "result");
  EXPECT_EQ(chapters.back().start_ms, 9000);

  // A resumption shorter than a second is no chapter: the chair moved on at once.
  SittingLog quick;
  quick.title = "Kỳ họp";
  quick.marks = {{1606, "item", "1", "", "Mục 1. Khai mạc", false},
                 {3612, "speaker", "1", "d03", "Đại biểu số 3 phát biểu", false},
                 {6114, "item", "1", "", "Mục 1. Khai mạc (tiếp)", true},
                 {6142, "item", "2", "", "Mục 2. Báo cáo", false},
                 {13650, "item", "2", "", "Mục 2. Báo cáo (tiếp)", true}};
  std::vector<std::string> kept;
  for (const auto& c : placeChapters(quick, 0, 13667, {})) kept.push_back(c.title);
  EXPECT_EQ(kept, (std::vector<std::string>{"Kỳ họp", "Mục 1. Khai mạc", "Đại biểu số 3 phát biểu",
                                            "Mục 2. Báo cáo"}));
}
