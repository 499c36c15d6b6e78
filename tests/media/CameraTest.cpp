// An IP camera (RTSP, served by chamber-test-camera with gst-rtsp-server) on the program:
// recorded, lost — the chair told by name, the program on the overview — and back by itself.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <thread>

#include "NginxRtmp.h"  // freePort
#include "Probe.h"
#include "pipeline/Pipeline.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::media;

namespace {

/// chamber-test-camera on a port of the test's.
class TestCamera {
 public:
  TestCamera(int port, std::string pattern) : port_(port), pattern_(std::move(pattern)) {}
  ~TestCamera() { kill9(); }
  void start() {
    pid_ = fork();
    if (pid_ == 0) {
      const std::string port = std::to_string(port_);
      execl(CHAMBER_TEST_CAMERA_BIN, "chamber-test-camera", "--port", port.c_str(), "--pattern",
            pattern_.c_str(), "--width", "320", "--height", "180", "--fps", "15",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // listening
  }
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string url() const { return "rtsp://127.0.0.1:" + std::to_string(port_) + "/camera"; }

 private:
  int port_;
  std::string pattern_;
  pid_t pid_ = -1;
};

std::string newestSegment(const std::filesystem::path& dir) {
  std::string newest;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".ts") newest = std::max(newest, e.path().string());
  return newest;
}

}  // namespace

TEST(IpCamera, RecordedLostToldToTheChairByNameAndBackByItself) {
  test::TempDir dir;
  TestCamera camera(test::freePort(), "blue");
  const Hardware hw = parseHardware(R"(
    [output]
    width = 320
    height = 180
    fps = 15
    video_bitrate_kbps = 400
    segment_s = 2
    [[camera]]
    id = "overview"
    pattern = "red"
    overview = true
    [[camera]]
    id = "ptz-left"
    kind = "rtsp"
    url = ")" + camera.url() + R"("
    [[microphone]]
    id = "chair"
  )");
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  std::vector<std::pair<std::string, std::string>> reports;  // error, detail
  p.onState = [&](MediaState, const std::string& error, const std::string& detail) {
    if (!detail.empty()) reports.emplace_back(error, detail);
  };
  const auto pollUntil = [&](const std::string& what, int ms) {
    for (int waited = 0; waited < ms; waited += 100) {
      p.pollBus(100);
      for (const auto& r : reports)
        if (r.second.find(what) != std::string::npos) return true;
    }
    return false;
  };
  const auto onProgram = [&] {  // the program's colour now: the newest recording's last frames
    int u = 0, v = 0;
    if (!test::centreChroma(newestSegment(dir.path / "rec"), true, u, v, 2)) return "none";
    return u > 200 ? "blue" : v > 200 ? "red" : "other";
  };

  camera.start();
  ASSERT_EQ(p.start(false), "") << p.error();
  p.show({"ptz-left", std::nullopt, "1. Khai mạc", "Nguyễn Văn Hùng", "Chủ tọa"});
  p.pollBus(4000);
  EXPECT_EQ(std::string(onProgram()), "blue") << "the IP camera's picture is on the program";
  EXPECT_TRUE(reports.empty()) << reports.front().second;

  camera.kill9();  // the camera drops off the network
  ASSERT_TRUE(pollUntil("camera lost: ptz-left", 8000)) << "the chair is told which camera";
  EXPECT_EQ(reports.back().first, "camera");
  p.pollBus(2500);
  EXPECT_EQ(p.state(), MediaState::Live) << "the program goes on";
  EXPECT_EQ(std::string(onProgram()), "red") << "the overview replaces the lost camera";

  camera.start();  // it comes back
  ASSERT_TRUE(pollUntil("camera back: ptz-left", 15000)) << "found again by itself";
  p.pollBus(2500);
  EXPECT_EQ(std::string(onProgram()), "blue") << "the shot returns to the camera";
  p.stop();
  int lost = 0;
  for (const auto& r : reports) lost += r.second.find("camera lost") != std::string::npos;
  EXPECT_EQ(lost, 1) << "told once, not at every retry";
  // Every recording segment plays.
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "rec"))
    EXPECT_TRUE(test::probe(e.path().string()).opened) << e.path();
}
