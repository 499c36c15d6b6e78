#include <gtest/gtest.h>

#include "core/Director.h"

using namespace chamber::media;
using nlohmann::json;

TEST(Director, TheCameraFollowsTheSpeakerAndTheLowerThirdSaysWhoAndWhat) {
  const Hardware hw = loadHardware(std::string(HARDWARE_DIR) + "/con-minh.toml");
  Director d(hw);
  EXPECT_EQ(d.shot().camera, "overview");
  d.onEvent("sitting.created",
            {{"roster", {{{"id", "db01"}, {"seat", 1}, {"name", "Nguyễn Văn Hùng"}, {"title", "Chủ tịch HĐND xã"}},
                         {{"id", "db03"}, {"seat", 3}, {"name", "Hoàng Thị Lan"}, {"title", "Đại biểu"}},
                         {{"id", "db09"}, {"seat", 9}, {"name", "Hà Thị Ngọc"}, {"title", ""}}}},
             {"responders", {{{"id", "ubnd-ct"}, {"name", "Hoàng Văn Thành"}, {"title", "Chủ tịch UBND xã"}}}},
             {"agenda", {{{"id", "3"}, {"title", "Dự toán ngân sách 2027"}}}}});
  EXPECT_TRUE(d.onEvent("agenda.activated", {{"item", "3"}}));
  EXPECT_EQ(d.shot().item, "3. Dự toán ngân sách 2027");
  EXPECT_TRUE(d.onEvent("floor.granted", {{"person", "db03"}}));
  EXPECT_EQ(d.shot().camera, "ptz-right");
  EXPECT_FALSE(d.shot().preset.has_value());
  EXPECT_EQ(d.shot().speaker, "Hoàng Thị Lan — Đại biểu");
  EXPECT_TRUE(d.onEvent("floor.granted", {{"person", "db01"}}));  // the chair cuts in
  EXPECT_EQ(d.shot().camera, "ptz-left");
  EXPECT_EQ(d.shot().preset, 1);
  EXPECT_TRUE(d.onEvent("floor.ended", {{"person", "db01"}}));    // back to the delegate
  EXPECT_EQ(d.shot().camera, "ptz-right");
  EXPECT_TRUE(d.onEvent("floor.ended", {{"person", "db03"}}));
  EXPECT_EQ(d.shot().camera, "overview");
  EXPECT_EQ(d.shot().speaker, "");
  EXPECT_TRUE(d.onEvent("floor.granted", {{"person", "db09"}}));  // a seat with no camera of its own
  EXPECT_EQ(d.shot().camera, "overview");
  EXPECT_EQ(d.shot().speaker, "Hà Thị Ngọc");
  EXPECT_TRUE(d.onEvent("floor.granted", {{"person", "ubnd-ct"}}));
  EXPECT_EQ(d.shot().speaker, "Hoàng Văn Thành — Chủ tịch UBND xã");
  EXPECT_FALSE(d.onEvent("ballot.cast", {{"vote", "v1"}}));
}
