// The recording disk's guard: a warning while the recording will not last the sitting, a
// clean stop before the disk is full, and reports only when something a chair would read
// has changed.
#include <gtest/gtest.h>

#include "core/DiskGuard.h"

using chamber::media::DiskGuard;
using chamber::media::DiskGuardConfig;

namespace {
constexpr std::uint64_t MB = 1ull << 20;
DiskGuardConfig config() {
  DiskGuardConfig c;
  c.reserveBytes = 100 * MB;
  c.sittingSeconds = 4 * 3600;
  c.configuredBytesPerSecond = 400000;  // 3.2 Mb/s
  c.stopSeconds = 20;
  return c;
}
}  // namespace

TEST(DiskGuard, PlentyOfRoomSaysNothing) {
  DiskGuard g(config());
  const auto a = g.check(100000 * MB, 0, 0, 0, false);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Ok);
  EXPECT_EQ(a.error, "");
  EXPECT_FALSE(a.changed);
  EXPECT_GT(a.secondsLeft, 4 * 3600);
}

TEST(DiskGuard, WarnsWhenTheRecordingWillNotLastTheSitting) {
  DiskGuard g(config());
  // 2 GB above the reserve at 400 kB/s: about 87 minutes, for a 4-hour sitting.
  const auto a = g.check(100 * MB + 2048 * MB, 0, 0, 0, true);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Low);
  EXPECT_EQ(a.error, "disk_low");
  EXPECT_TRUE(a.changed);
  EXPECT_NEAR(a.secondsLeft, 2048.0 * MB / 400000, 1);
  EXPECT_NE(a.detail.find("còn 2,1 GB"), std::string::npos) << a.detail;
  EXPECT_NE(a.detail.find("89 phút"), std::string::npos) << a.detail;
  EXPECT_NE(a.detail.find("about 89 min"), std::string::npos) << a.detail;
  // The same a moment later: no new report; five minutes less: a new one.
  EXPECT_FALSE(g.check(100 * MB + 2040 * MB, 0, 2, 2, true).changed);
  EXPECT_TRUE(g.check(100 * MB + 1900 * MB, 0, 400, 400, true).changed);
}

TEST(DiskGuard, NoWarningWhenTheRestOfTheSittingFits) {
  DiskGuard g(config());
  // 2 GB left, but the sitting is 3 h 40 in: 20 min to go, still under the half-hour floor.
  auto a = g.check(100 * MB + 2048 * MB, 0, 3 * 3600 + 2400, 0, true);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Ok);
  // Past its expected end, it warns once less than half an hour is left.
  a = g.check(100 * MB + 500 * MB, 0, 5 * 3600, 1, true);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Low);
}

TEST(DiskGuard, StopsWhileThereIsStillRoomToCloseTheSegment) {
  DiskGuard g(config());
  // 20 s at 400 kB/s = 8 MB above the reserve: stop now.
  const auto a = g.check(100 * MB + 7 * MB, 0, 60, 0, true);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Full);
  EXPECT_EQ(a.error, "disk_full");
  EXPECT_TRUE(a.changed);
  EXPECT_NE(a.detail.find("đã dừng ghi hình"), std::string::npos);
  // A few megabytes freed do not restart it: ten minutes of recording must fit first.
  auto b = g.check(100 * MB + 50 * MB, 0, 0, 10, false);
  EXPECT_EQ(b.verdict, DiskGuard::Verdict::Full);
  EXPECT_FALSE(b.changed);
  b = g.check(100 * MB + 20000 * MB, 0, 0, 20, false);
  EXPECT_NE(b.verdict, DiskGuard::Verdict::Full);
  EXPECT_TRUE(b.changed);
}

TEST(DiskGuard, TheMeasuredRateCountsWhenTheEncodeWritesMoreThanItWasSetTo) {
  DiskGuard g(config());
  const std::uint64_t free = 100 * MB + 20000 * MB;
  g.check(free, 0, 0, 0, true);
  // 40 MB in 10 s: 4 MB/s, ten times the configured rate.
  const auto a = g.check(free, 40 * MB, 10, 10, true);
  EXPECT_NEAR(a.bytesPerSecond, 4.0 * MB, 1);
  EXPECT_EQ(a.verdict, DiskGuard::Verdict::Low);  // 20 GB at 4 MB/s: 83 minutes
  // Never below the configured rate, however little was written.
  const auto b = g.check(free, 40 * MB + 1000, 20, 20, true);
  EXPECT_DOUBLE_EQ(b.bytesPerSecond, 400000);
}
