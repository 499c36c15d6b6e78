#include <gtest/gtest.h>

#include <algorithm>

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
  EXPECT_EQ(d.shot().speaker, "Hoàng Thị Lan");
  EXPECT_EQ(d.shot().speakerTitle, "Đại biểu");
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
  EXPECT_EQ(d.shot().speaker, "Hoàng Văn Thành");
  EXPECT_EQ(d.shot().speakerTitle, "Chủ tịch UBND xã");
  EXPECT_FALSE(d.onEvent(BallotCast{"v1", "db03", {"yes"}}));
}

TEST(Director, TheLowerThirdIsEscapedForTheOverlaysMarkup) {
  // Unescaped, "&" is invalid Pango markup and textoverlay then draws nothing at all
  // (checked with gst-launch: a black frame and a Pango warning).
  const Shot s{"overview", std::nullopt, "4. Kinh tế & Xã hội <dự thảo>", "Lò Thị \"Mai\"", ""};
  EXPECT_EQ(lowerThirdText(s),
            "<span size=\"x-large\" weight=\"bold\">Lò Thị &quot;Mai&quot;</span>\n"
            "4. Kinh tế &amp; Xã hội &lt;dự thảo&gt;");
  EXPECT_EQ(lowerThirdText({"overview", std::nullopt, "1. Khai mạc", "", ""}), "1. Khai mạc");
  EXPECT_EQ(lowerThirdText({"overview", std::nullopt, "", "", ""}), "");
}

TEST(Director, TheNameComesFirstAndLargerAndALongItemTakesTwoLinesAtMost) {
  const Shot s{"overview", std::nullopt,
               "3. Tờ trình về dự toán ngân sách xã năm 2027 và phương án phân bổ ngân sách cấp "
               "xã, kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 của Ủy ban nhân dân xã",
               "Hoàng Thị Lan", "Đại biểu HĐND xã"};
  const std::string text = lowerThirdText(s, 50);
  EXPECT_EQ(text.rfind("<span size=\"x-large\" weight=\"bold\">Hoàng Thị Lan</span>  Đại biểu", 0),
            0u)
      << text;
  const auto lines = wrapLines(s.item, 50, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "3. Tờ trình về dự toán ngân sách xã năm 2027 và");
  EXPECT_LE(lines[1].size(), 50u * 3);
  EXPECT_EQ(lines[1].substr(lines[1].size() - 4), " …") << "it says it was shortened";
  for (const auto& l : lines) {
    std::size_t chars = 0;
    for (char c : l) chars += (c & 0xC0) != 0x80;
    EXPECT_LE(chars, 50u) << l;
  }
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << "name line + two item lines";
  EXPECT_EQ(wrapLines("Khai mạc kỳ họp", 50, 2), std::vector<std::string>{"Khai mạc kỳ họp"});
}
