#include <gtest/gtest.h>

#include "core/Director.h"

using namespace chamber::media;
using namespace chamber::core;

TEST(Director, TheCameraFollowsTheSpeakerAndTheLowerThirdSaysWhoAndWhat) {
  const Hardware hw = loadHardware(std::string(HARDWARE_DIR) + "/con-minh.toml");
  Director d(hw);
  EXPECT_EQ(d.shot().camera, "overview");
  SittingCreated c;
  c.roster = {{"db01", 1, "Nguyễn Văn Hùng", "Chủ tịch HĐND xã", Role::Chair, true},
              {"db03", 3, "Hoàng Thị Lan", "Đại biểu", Role::Delegate, true},
              {"db09", 9, "Hà Thị Ngọc", "", Role::Delegate, true}};
  c.responders = {{"ubnd-ct", "Hoàng Văn Thành", "Chủ tịch UBND xã"}};
  c.agenda = {{"3", "", "Dự toán ngân sách 2027", "", {}}};
  d.onEvent(c);
  EXPECT_TRUE(d.onEvent(ItemActivated{"3"}));
  EXPECT_EQ(d.shot().item, "3. Dự toán ngân sách 2027");
  EXPECT_TRUE(d.onEvent(FloorGranted{"db03", "speech", 0}));
  EXPECT_EQ(d.shot().camera, "ptz-right");
  EXPECT_FALSE(d.shot().preset.has_value());
  EXPECT_EQ(d.shot().speaker, "Hoàng Thị Lan — Đại biểu");
  EXPECT_TRUE(d.onEvent(FloorGranted{"db01", "speech", 0}));  // the chair cuts in
  EXPECT_EQ(d.shot().camera, "ptz-left");
  EXPECT_EQ(d.shot().preset, 1);
  EXPECT_TRUE(d.onEvent(FloorEnded{"db01"}));  // back to the delegate
  EXPECT_EQ(d.shot().camera, "ptz-right");
  EXPECT_TRUE(d.onEvent(FloorEnded{"db03"}));
  EXPECT_EQ(d.shot().camera, "overview");
  EXPECT_EQ(d.shot().speaker, "");
  EXPECT_TRUE(d.onEvent(FloorGranted{"db09", "speech", 0}));  // a seat with no camera of its own
  EXPECT_EQ(d.shot().camera, "overview");
  EXPECT_EQ(d.shot().speaker, "Hà Thị Ngọc");
  EXPECT_TRUE(d.onEvent(FloorGranted{"ubnd-ct", "speech", 0}));
  EXPECT_EQ(d.shot().speaker, "Hoàng Văn Thành — Chủ tịch UBND xã");
  EXPECT_FALSE(d.onEvent(BallotCast{"v1", "db03", {"yes"}}));
}

TEST(Director, TheLowerThirdIsEscapedForTheOverlaysMarkup) {
  // Unescaped, "&" is invalid Pango markup and textoverlay then draws nothing at all
  // (checked with gst-launch: a black frame and a Pango warning).
  const Shot s{"overview", std::nullopt, "4. Kinh tế & Xã hội <dự thảo>", "Lò Thị \"Mai\""};
  EXPECT_EQ(lowerThirdText(s), "4. Kinh tế &amp; Xã hội &lt;dự thảo&gt;\nLò Thị &quot;Mai&quot;");
  EXPECT_EQ(lowerThirdText({"overview", std::nullopt, "1. Khai mạc", ""}), "1. Khai mạc");
}
