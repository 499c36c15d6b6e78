#include <gtest/gtest.h>

#include <cstdlib>

#include "core/Hardware.h"
#include "protocol/Reconnect.h"

using namespace chamber::media;

TEST(Hardware, TheDemoChamberParses) {
  const Hardware h = loadHardware(std::string(HARDWARE_DIR) + "/con-minh.toml");
  EXPECT_EQ(h.name, "Hội trường UBND xã Côn Minh");
  EXPECT_EQ(h.output.width, 1280);
  EXPECT_EQ(h.output.keyframe_s, 2);
  ASSERT_EQ(h.cameras.size(), 3u);
  EXPECT_EQ(h.overview()->id, "overview");
  EXPECT_EQ(h.camera("ptz-left")->visca, "127.0.0.1:52381");
  ASSERT_NE(h.seat(2), nullptr);
  EXPECT_EQ(h.seat(2)->camera, "ptz-left");
  EXPECT_EQ(h.seat(2)->preset, 2);
  EXPECT_FALSE(h.seat(3)->preset.has_value());
  EXPECT_EQ(h.seat(99), nullptr);
  EXPECT_EQ(h.microphones.size(), 2u);
}

TEST(Hardware, MistakesAreNamed) {
  auto error = [](const std::string& text) {
    try {
      parseHardware(text, "x.toml");
      return std::string("ok");
    } catch (const HardwareError& e) {
      return std::string(e.what());
    }
  };
  const std::string mic = "[[microphone]]\nid='m'\n";
  EXPECT_NE(error(mic).find("at least one [[camera]]"), std::string::npos);
  EXPECT_NE(error("[[camera]]\nid='a'\nkind='webcam'\n" + mic).find("kind must be"),
            std::string::npos);
  EXPECT_NE(error("[[camera]]\nid='a'\nkind='v4l2'\n" + mic).find("needs device"),
            std::string::npos);
  EXPECT_NE(
      error("[[camera]]\nid='a'\n" + mic + "[[seat]]\nseat=1\ncamera='b'\n").find("no camera 'b'"),
      std::string::npos);
  EXPECT_NE(error("[[camera]]\nid='a'\n" + mic + "[output]\nhls_segment_s=3\n")
                .find("multiple of keyframe_s"),
            std::string::npos);
  EXPECT_NE(error("[[camera]]\nid='a'\n" + mic + "[[destination]]\nid='yt'\nurl='http://x'\n")
                .find("rtmp://"),
            std::string::npos);
  EXPECT_NE(error("[[camera]\n").find("x.toml:1"), std::string::npos);
  // Whole numbers must be whole (a float was cast to int: undefined behaviour).
  const std::string ok = "[[camera]]\nid='c'\n[[microphone]]\nid='m'\n";
  for (const std::string bad : {"[output]\nwidth = 1e300\n", "[output]\nfps = 29.97\n"})
    EXPECT_THROW(parseHardware(bad + ok), HardwareError) << bad;
  EXPECT_THROW(parseHardware(ok + "[[seat]]\nseat = 3\ncamera = 'c'\npreset = 1e99\n"),
               HardwareError);
}

TEST(Hardware, StreamKeysComeFromTheEnvironmentAndNeverReachLogs) {
  Destination d{"youtube", "rtmp://a.rtmp.youtube.com/live2", "CHAMBER_TEST_KEY"};
  ::unsetenv("CHAMBER_TEST_KEY");
  EXPECT_THROW(destinationUrl(d), HardwareError);
  ::setenv("CHAMBER_TEST_KEY", "abcd-efgh-1234", 1);
  const std::string url = destinationUrl(d);
  EXPECT_EQ(url, "rtmp://a.rtmp.youtube.com/live2/abcd-efgh-1234");
  EXPECT_EQ(redactUrl(url), "rtmp://a.rtmp.youtube.com/live2/***");
  EXPECT_EQ(redactUrl(url).find("abcd"), std::string::npos);
  // An error's detail that quotes the URL (as rtmp2sink's may) leaves without the key.
  Hardware hw;
  hw.destinations.push_back(d);
  EXPECT_EQ(redactKeys(hw, "youtube: cannot connect to " + url + " (abcd-efgh-1234)"),
            "youtube: cannot connect to rtmp://a.rtmp.youtube.com/live2/*** (***)");
}

TEST(Reconnect, BackoffWithJitterCapAndMaxTries) {
  using namespace chamber::protocol;
  ReconnectPolicy p;  // 1 s doubling to 30 s, ±20 %
  EXPECT_EQ(reconnectDelay_ms(p, 0, 0.5), 1000);
  EXPECT_EQ(reconnectDelay_ms(p, 1, 0.5), 2000);
  EXPECT_EQ(reconnectDelay_ms(p, 4, 0.5), 16000);
  EXPECT_EQ(reconnectDelay_ms(p, 5, 0.5), 30000);  // capped
  EXPECT_EQ(reconnectDelay_ms(p, 50, 0.5), 30000);
  EXPECT_EQ(reconnectDelay_ms(p, 0, 0.0), 800);   // -20 %
  EXPECT_EQ(reconnectDelay_ms(p, 0, 1.0), 1200);  // +20 %
  p.maxTries = 3;
  EXPECT_TRUE(reconnectDelay_ms(p, 2, 0.5).has_value());
  EXPECT_FALSE(reconnectDelay_ms(p, 3, 0.5).has_value());
}
