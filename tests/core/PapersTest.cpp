// The papers after a sitting: resolutions numbered by the system (per year and kind, never
// twice, from 1 again on 1 January in Vietnam), and the minutes' versions.
#include <set>

#include "Harness.h"
#include "core/Minutes.h"
#include "core/TextDiff.h"

using namespace chamber::core;
using namespace chamber::core::test;

namespace {

constexpr std::int64_t kHour = 3'600'000;
// 2026-12-31 16:30 UTC = 23:30 on 31 December in Vietnam.
constexpr std::int64_t kNewYearsEve = 1'798'734'600'000;

/// A motion created (as a resolution of `kind`), opened, passed by all 5 and closed.
Decision adopt(Harness& h, ResolutionKind kind, const std::string& title = "Nghị quyết") {
  CreateVote c;
  c.item = "2.1";
  c.title = title;
  c.resolution = kind;
  Decision created = h.run(h.chair(), c);
  Harness::expectOk(created);
  const auto v = std::get<VoteCreated>(created.events.at(0)).vote;
  Harness::expectOk(h.run(h.chair(), OpenVote{v}));
  for (int i = 1; i <= 5; ++i) Harness::expectOk(h.run(h.del(i), CastBallot{v, {"yes"}, ""}));
  return h.run(h.chair(), CloseVote{v});
}

std::vector<std::string> numbers(const State& s) {
  std::vector<std::string> out;
  for (const auto& r : s.resolutions) out.push_back(r.number);
  return out;
}

}  // namespace

TEST(Papers, VietnamTimeIsUtcPlusSevenAllYear) {
  const auto t = vietnamTime(kNewYearsEve);
  EXPECT_EQ(t.year, 2026);
  EXPECT_EQ(t.month, 12);
  EXPECT_EQ(t.day, 31);
  EXPECT_EQ(t.hour, 23);
  EXPECT_EQ(t.minute, 30);
  EXPECT_EQ(yearInVietnam(kNewYearsEve + kHour), 2027);  // 00:30 on 1 January
  EXPECT_EQ(vietnamTime(0).hour, 7);
}

TEST(Papers, APassedResolutionIsNumberedWhenItsVoteCloses) {
  Harness h(5);
  h.openWith(5);
  h.now = kNewYearsEve - 10 * kHour;
  const Decision d = adopt(h, ResolutionKind::Individual, "Nghị quyết về dự toán");
  Harness::expectOk(d);
  ASSERT_EQ(d.events.size(), 2u);  // the close and the number, one step
  const auto& r = std::get<ResolutionNumbered>(d.events[1]);
  EXPECT_EQ(r.number, "1/NQ-HĐND");
  EXPECT_EQ(r.vote, "v1");
  EXPECT_EQ(r.item, "2.1");
  EXPECT_EQ(r.title, "Nghị quyết về dự toán");
  ASSERT_EQ(h.state.resolutions.size(), 1u);
  EXPECT_EQ(h.state.resolutions[0].sitting, h.sitting().id);
}

TEST(Papers, NumbersArePerKindAndYearAndRestartOnTheFirstOfJanuary) {
  Harness h(5);
  h.openWith(5);
  h.now = kNewYearsEve - 10 * kHour;
  adopt(h, ResolutionKind::Individual);
  adopt(h, ResolutionKind::Normative);
  adopt(h, ResolutionKind::Individual);
  adopt(h, ResolutionKind::Normative);
  h.now = kNewYearsEve + kHour;  // 00:30 on 1 January 2027 in the commune
  adopt(h, ResolutionKind::Normative);
  adopt(h, ResolutionKind::Individual);
  EXPECT_EQ(numbers(h.state),
            (std::vector<std::string>{"1/NQ-HĐND", "1/2026/NQ-HĐND", "2/NQ-HĐND", "2/2026/NQ-HĐND",
                                      "1/2027/NQ-HĐND", "1/NQ-HĐND"}));
  // The same text for the two "1/NQ-HĐND" of different years; their years tell them apart.
  std::set<std::tuple<int, ResolutionKind, int>> seen;
  for (const auto& r : h.state.resolutions)
    EXPECT_TRUE(seen.insert({r.year, r.kind, r.seq}).second) << r.number;
}

TEST(Papers, AFailedMotionGetsNoNumberAndNoVoteTwo) {
  Harness h(5);
  h.openWith(5);
  CreateVote c;
  c.item = "2.1";
  c.title = "Bác bỏ";
  c.resolution = ResolutionKind::Individual;
  Harness::expectOk(h.run(h.chair(), c));
  Harness::expectOk(h.run(h.chair(), OpenVote{"v1"}));
  for (int i = 1; i <= 5; ++i) Harness::expectOk(h.run(h.del(i), CastBallot{"v1", {"no"}, ""}));
  const Decision d = h.run(h.chair(), CloseVote{"v1"});
  EXPECT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(h.state.resolutions.empty());
  Harness::expectError(h.run(h.secretary(), NumberResolution{"v1", ResolutionKind::Individual}),
                       "wrong_state");
  // A passed motion created without a kind is numbered afterwards, once.
  Harness::expectOk(adopt(h, ResolutionKind::None));
  Harness::expectOk(h.run(h.secretary(), NumberResolution{"v2", ResolutionKind::Normative}));
  Harness::expectError(h.run(h.secretary(), NumberResolution{"v2", ResolutionKind::Individual}),
                       "unchanged");
  Harness::expectError(h.run(h.del(4), NumberResolution{"v2", ResolutionKind::Individual}),
                       "forbidden");
  EXPECT_EQ(numbers(h.state),
            std::vector<std::string>{"1/" + std::to_string(yearInVietnam(h.now)) + "/NQ-HĐND"});
}

TEST(Papers, TheMinutesAreCorrectedFromTheLatestVersionOnlyThenMadeFinalWithTheDiff) {
  Harness h(5);
  h.openWith(5);
  const int id = h.sitting().id;
  Harness::expectError(h.run(h.secretary(), DraftMinutes{id, "x", std::string(64, 'a')}),
                       "wrong_state");  // not before the close
  Harness::expectOk(h.run(h.chair(), CloseSitting{}));
  Harness::expectOk(h.run(h.secretary(), DraftMinutes{id, "A\nB\nC\n", std::string(64, 'a')}));
  const auto& m = h.state.sitting(id)->minutes;
  Harness::expectError(h.run(h.secretary(), SaveMinutes{id, "A\nB2\nC\n", std::string(64, 'x'),
                                                        std::string(64, 'b')}),
                       "stale");
  Harness::expectOk(h.run(
      h.secretary(), SaveMinutes{id, "A\nB2\nC\n", std::string(64, 'a'), std::string(64, 'b')}));
  EXPECT_EQ(m.latest()->version, 1);
  // A second editor who started from the draft cannot overwrite the first one's work.
  Harness::expectError(
      h.run(h.chair(), SaveMinutes{id, "A\nB3\nC\n", std::string(64, 'a'), std::string(64, 'c')}),
      "stale");
  Harness::expectError(h.run(h.secretary(), DraftMinutes{id, "A\n", std::string(64, 'd')}),
                       "wrong_state");  // a new draft would drop the correction
  Harness::expectError(h.run(h.secretary(), FinaliseMinutes{id, std::string(64, 'a')}), "stale");
  const Decision fin = h.run(h.secretary(), FinaliseMinutes{id, std::string(64, 'b')});
  Harness::expectOk(fin);
  EXPECT_EQ(m.finalVersion, 1);
  EXPECT_EQ(m.diff, "--- du-thao (v0)\n+++ chinh-thuc (v1)\n@@ -1,3 +1,3 @@\n A\n-B\n+B2\n C\n");
  Harness::expectError(
      h.run(h.secretary(), SaveMinutes{id, "A\n", std::string(64, 'b'), std::string(64, 'e')}),
      "wrong_state");
}

TEST(Papers, TheDiffShowsOnlyTheChangedLinesWithTheirContext) {
  std::string a, b;
  for (int i = 1; i <= 20; ++i) {
    a += "line " + std::to_string(i) + "\n";
    b += (i == 10 ? "changed 10" : "line " + std::to_string(i)) + "\n";
  }
  b += "line 21\n";
  EXPECT_EQ(unifiedDiff(a, a, "a", "b"), "");
  EXPECT_EQ(unifiedDiff(a, b, "a", "b"),
            "--- a\n+++ b\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+changed 10\n"
            " line 11\n line 12\n line 13\n@@ -18,3 +18,4 @@\n line 18\n line 19\n line 20\n"
            "+line 21\n");
}

TEST(Papers, TheMinutesTextReadsBackAsHeaderSectionsItemsAndLists) {
  const auto m = parseMinutes(
      "Cơ quan: HĐND xã Côn Minh\nSố: 05/BB-HĐND\n\n# I. THỜI GIAN\nKhai mạc lúc 08 giờ.\n"
      "## 2. Ngân sách\n- 08:15 Biểu quyết:\n  16/25 đại biểu tán thành (64,00%);\n");
  EXPECT_EQ(m.get("Số"), "05/BB-HĐND");
  EXPECT_EQ(m.get("Cơ quan"), "HĐND xã Côn Minh");
  ASSERT_EQ(m.body.size(), 4u);
  EXPECT_EQ(m.body[0].kind, MinutesText::Block::Section);
  EXPECT_EQ(m.body[1].kind, MinutesText::Block::Paragraph);
  EXPECT_EQ(m.body[2].kind, MinutesText::Block::Item);
  EXPECT_EQ(m.body[3].kind, MinutesText::Block::Bullet);
  EXPECT_EQ(m.body[3].text, "08:15 Biểu quyết:\n16/25 đại biểu tán thành (64,00%);");
}
