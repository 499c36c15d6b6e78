// The sign-in throttle: free tries, then delays that double up to a cap, forgotten after a
// quiet hour, a bounded table that keeps the keys under attack.
#include <gtest/gtest.h>

#include "core/Throttle.h"

using chamber::core::Throttle;
using chamber::core::ThrottleRule;

TEST(Throttle, DelaysDoubleAfterTheFreeFailuresUpToTheCap) {
  Throttle t(ThrottleRule{3, 1000, 8000, 3600000, 100});
  const std::int64_t now = 1'000'000;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.wait_ms("seat:4", now), 0);
    t.failed("seat:4", now);
  }
  EXPECT_EQ(t.wait_ms("seat:4", now), 0) << "three free failures";
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 6; ++i) {
    t.failed("seat:4", now);
    waits.push_back(t.wait_ms("seat:4", now));
  }
  EXPECT_EQ(waits, (std::vector<std::int64_t>{1000, 2000, 4000, 8000, 8000, 8000}));
  EXPECT_EQ(t.wait_ms("seat:5", now), 0) << "other keys are untouched";
  EXPECT_EQ(t.wait_ms("seat:4", now + 8000), 0) << "a delay, never a lock";
  t.clear("seat:4");
  EXPECT_EQ(t.wait_ms("seat:4", now), 0);
}

TEST(Throttle, AQuietKeyIsForgotten) {
  Throttle t(ThrottleRule{0, 1000, 60000, 10000, 100});
  for (int i = 0; i < 5; ++i) t.failed("ip:10.0.0.9", 0);
  EXPECT_GT(t.wait_ms("ip:10.0.0.9", 5000), 0);
  EXPECT_EQ(t.wait_ms("ip:10.0.0.9", 10000), 0);
  t.failed("ip:10.0.0.9", 20000);  // starts afresh: the first delay again
  EXPECT_EQ(t.wait_ms("ip:10.0.0.9", 20000), 1000);
}

TEST(Throttle, TheTableIsBoundedAndKeepsTheKeysUnderAttack) {
  Throttle t(ThrottleRule{0, 1000, 60000, 3600000, 50});
  // Seat 4 is guessed at all along while a flood of unknown seats tries to push it out.
  for (int i = 0; i < 10000; ++i) {
    t.failed("seat:" + std::to_string(100000 + i), i);
    if (i % 10 == 0) t.failed("seat:4", i);
  }
  EXPECT_LE(t.size(), 50u);
  EXPECT_EQ(t.wait_ms("seat:4", 9990), 60000) << "the attacked seat kept its long delay";
}
