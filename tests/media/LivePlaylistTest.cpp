// The live playlist across runs: what a player reading live/index.m3u8 sees when the chair
// pauses the recording, when the next sitting comes and when chamber-media is restarted.
#include <gtest/gtest.h>

#include <fstream>

#include "core/LivePlaylist.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::media;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void segment(LivePlaylist& p, const std::filesystem::path& dir, const std::string& name,
             std::int64_t ms) {
  std::ofstream(dir / name) << "ts";
  p.add({name, 1.0, ms, false});
}

}  // namespace

TEST(LivePlaylist, ARestartedRunContinuesTheSequenceWithADiscontinuityAndNoEnd) {
  test::TempDir dir;
  const std::int64_t t0 = 1796000000000;  // 2026-11-30T00:53:20Z
  {
    LivePlaylist p(dir.path, 1, 4);
    p.beginRun();
    for (int i = 0; i < 6; ++i)
      segment(p, dir.path, "a-" + std::to_string(i) + ".ts", t0 + i * 1000);
    EXPECT_EQ(p.mediaSequence(), 2u) << "two segments left a window of four";
    // The process dies here (no end(): the sitting still runs).
  }
  const std::string before = read(dir.path / "index.m3u8");
  EXPECT_EQ(count(before, "#EXT-X-ENDLIST"), 0);
  EXPECT_NE(before.find("#EXT-X-TARGETDURATION:1\n"), std::string::npos) << before;
  EXPECT_NE(before.find("#EXT-X-PROGRAM-DATE-TIME:2026-11-30T00:53:22.000Z"), std::string::npos)
      << before;

  LivePlaylist again(dir.path, 1, 4);  // a new process reads what the folder holds
  EXPECT_EQ(again.mediaSequence(), 2u);
  ASSERT_EQ(again.segments().size(), 4u);
  EXPECT_EQ(again.segments().front().start_ms, t0 + 2000) << "times survive the reload";
  again.beginRun();
  segment(again, dir.path, "b-0.ts", t0 + 60000);
  const std::string after = read(dir.path / "index.m3u8");
  EXPECT_NE(after.find("#EXT-X-MEDIA-SEQUENCE:3\n"), std::string::npos) << after;
  EXPECT_NE(after.find("a-5.ts\n#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME"), std::string::npos)
      << after;
  EXPECT_EQ(count(after, "#EXT-X-DISCONTINUITY\n"), 1);
  EXPECT_EQ(count(after, "#EXT-X-ENDLIST"), 0);

  // The discontinuity leaves the window: the discontinuity sequence counts it.
  for (int i = 1; i <= 4; ++i)
    segment(again, dir.path, "b-" + std::to_string(i) + ".ts", t0 + 61000);
  const std::string later = read(dir.path / "index.m3u8");
  EXPECT_NE(later.find("#EXT-X-DISCONTINUITY-SEQUENCE:1\n"), std::string::npos) << later;
  EXPECT_EQ(count(later, "#EXT-X-DISCONTINUITY\n"), 0);
}

TEST(LivePlaylist, OnlyTheClosingOfTheSittingEndsItAndTheNextSittingReopensIt) {
  test::TempDir dir;
  LivePlaylist p(dir.path, 2, 4);
  p.beginRun();
  segment(p, dir.path, "a-0.ts", 0);
  p.end();
  EXPECT_EQ(count(read(dir.path / "index.m3u8"), "#EXT-X-ENDLIST"), 1);
  LivePlaylist next(dir.path, 2, 4);
  EXPECT_TRUE(next.ended());
  next.beginRun();
  segment(next, dir.path, "b-0.ts", 0);
  const std::string text = read(dir.path / "index.m3u8");
  EXPECT_EQ(count(text, "#EXT-X-ENDLIST"), 0) << text;
  EXPECT_EQ(count(text, "#EXT-X-DISCONTINUITY\n"), 1) << text;
  EXPECT_NE(text.find("#EXT-X-TARGETDURATION:2\n"), std::string::npos) << "never 0: " << text;
}

TEST(LivePlaylist, OldSegmentFilesAreRemovedAWindowAfterTheyLeaveAndOrphansAtARestart) {
  test::TempDir dir;
  std::ofstream(dir.path / "orphan-of-a-crash.ts") << "ts";
  LivePlaylist p(dir.path, 1, 3);
  p.beginRun();
  EXPECT_FALSE(std::filesystem::exists(dir.path / "orphan-of-a-crash.ts"));
  for (int i = 0; i < 6; ++i) segment(p, dir.path, "s" + std::to_string(i) + ".ts", 0);
  // s0..s2 left the window; they stay a window longer for players still fetching them.
  EXPECT_TRUE(std::filesystem::exists(dir.path / "s0.ts"));
  segment(p, dir.path, "s6.ts", 0);
  EXPECT_FALSE(std::filesystem::exists(dir.path / "s0.ts"));
  EXPECT_TRUE(std::filesystem::exists(dir.path / "s1.ts"));
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path))
    files += e.path().extension() == ".ts";
  EXPECT_EQ(files, 6u) << "three in the window, three leaving";
}

TEST(LivePlaylist, TheTargetDurationCoversTheLongestSegment) {
  test::TempDir dir;
  LivePlaylist p(dir.path, 1, 4);
  p.beginRun();
  p.add({"x.ts", 2.6, 0, false});
  EXPECT_NE(p.text().find("#EXT-X-TARGETDURATION:3\n"), std::string::npos) << p.text();
  EXPECT_NE(p.text().find("#EXTINF:2.600,\nx.ts\n"), std::string::npos) << p.text();
}
