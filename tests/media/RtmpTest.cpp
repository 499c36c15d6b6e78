// An RTMP push to a local nginx with its RTMP module, started by the test, killed
// mid-stream and restarted: the push resumes by itself and the recording has no gap.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include "NginxRtmp.h"
#include "Probe.h"
#include "pipeline/Pipeline.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::media;
namespace fs = std::filesystem;

using chamber::test::freePort;
using chamber::test::NginxRtmp;

namespace {

/// Established TCP connections from this process's machine to 127.0.0.1:port (the pushes).
int connectionsTo(int port) {
  int n = 0;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream f(table);
    std::string line;
    std::getline(f, line);  // header
    while (std::getline(f, line)) {
      char local[64] = {0}, remote[64] = {0};
      unsigned state = 0;
      if (std::sscanf(line.c_str(), "%*d: %63s %63s %x", local, remote, &state) != 3) continue;
      const std::string r = remote;
      const auto colon = r.rfind(':');
      if (colon != std::string::npos && std::stoi(r.substr(colon + 1), nullptr, 16) == port &&
          state == 1)
        ++n;
    }
  }
  return n;
}

Hardware pushChamber(int port) {
  return parseHardware(
      "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=400\n"
      "[[camera]]\nid='c'\npattern='smpte'\n[[microphone]]\nid='m'\n"
      "[[destination]]\nid='local'\nurl='rtmp://127.0.0.1:" +
      std::to_string(port) + "/live'\nkey_env='CHAMBER_TEST_RTMP_KEY'\n");
}

}  // namespace

TEST(Rtmp, TheStreamStaysLiveThroughRecordingOffAndOnAndIntoTheNextSitting) {
  // The chair switches the recording off and on three times, then the next sitting opens:
  // each start pushes again, with one connection, and nginx never answers "Already publishing".
  test::TempDir dir;
  const int port = freePort();
  NginxRtmp nginx(dir.path / "nginx", port);
  nginx.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::setenv("CHAMBER_TEST_RTMP_KEY", "ky-hop-thu-nam", 1);
  const Hardware hw = pushChamber(port);
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  std::vector<std::string> states;
  p.onState = [&](MediaState s, const std::string& err, const std::string&) {
    states.push_back(std::string(stateName(s)) + (err.empty() ? "" : " " + err));
  };
  int most = 0;
  std::size_t filesBefore = 0;
  for (int cycle = 0; cycle < 4; ++cycle) {
    ASSERT_EQ(p.start(), "") << "cycle " << cycle;
    for (int i = 0; i < 8; ++i) {
      p.pollBus(400);
      most = std::max(most, connectionsTo(port));
    }
    p.stop();
    const auto files = nginx.files();
    ASSERT_GT(files.size(), filesBefore)
        << "cycle " << cycle << ": nothing reached the RTMP server";
    std::uintmax_t newest = 0;
    for (const auto& [name, size] : files) newest = std::max(newest, size);
    EXPECT_GT(newest, 10000u) << "cycle " << cycle;
    filesBefore = files.size();
  }
  EXPECT_LE(most, 2) << "connections from the media process to nginx";
  EXPECT_EQ(std::count(states.begin(), states.end(), "reconnecting stream"), 0)
      << "a push refused after a restart of the recording";
  for (int i = 0; i < 20 && connectionsTo(port) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(connectionsTo(port), 0) << "a connection left open after the recording stopped";
}

TEST(Rtmp, ThePushResumesAfterTheServerDiesAndTheRecordingHasNoGap) {
  test::TempDir dir;
  const int port = freePort();
  NginxRtmp nginx(dir.path / "nginx", port);
  nginx.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::setenv("CHAMBER_TEST_RTMP_KEY", "ky-hop-thu-nam", 1);
  const Hardware hw = pushChamber(port);
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  std::vector<std::string> states;
  p.onState = [&](MediaState s, const std::string& err, const std::string& detail) {
    states.push_back(std::string(stateName(s)) + (err.empty() ? "" : " " + err));
    EXPECT_EQ(detail.find("ky-hop-thu-nam"), std::string::npos) << "a stream key in a state report";
  };
  ASSERT_EQ(p.start(), "");
  p.pollBus(3000);
  auto first = nginx.files();
  ASSERT_EQ(first.size(), 1u) << "nothing arrived at the RTMP server";
  EXPECT_GT(first.begin()->second, 10000u);

  nginx.kill9();  // the stream server drops
  p.pollBus(2500);
  EXPECT_NE(std::find(states.begin(), states.end(), "reconnecting stream"), states.end());
  nginx.start();  // and comes back
  p.pollBus(7000);
  p.stop();
  const auto after = nginx.files();
  ASSERT_GE(after.size(), 2u) << "the push did not resume";
  std::uintmax_t resumed = 0;
  for (const auto& [name, size] : after)
    if (!first.count(name)) resumed = std::max(resumed, size);
  EXPECT_GT(resumed, 10000u);
  EXPECT_NE(std::find(states.rbegin(), states.rend(), "live"), states.rend());

  // The recording went on through all of it, without a gap.
  std::vector<std::string> recs;
  for (const auto& e : fs::directory_iterator(dir.path / "rec")) recs.push_back(e.path());
  std::sort(recs.begin(), recs.end());
  ASSERT_GE(recs.size(), 1u);
  double total = 0;
  std::vector<double> keys;
  for (const auto& r : recs) {
    const auto pr = test::probe(r);
    ASSERT_TRUE(pr.opened) << r;
    total += pr.duration_s() + 1.0 / 15;
    keys.insert(keys.end(), pr.keyframes_s.begin(), pr.keyframes_s.end());
  }
  EXPECT_NEAR(total, 12.5, 1.5);
  std::sort(keys.begin(), keys.end());
  ASSERT_GE(keys.size(), 5u);
  for (std::size_t i = 1; i < keys.size(); ++i)
    EXPECT_NEAR(keys[i] - keys[i - 1], 2.0, 0.1) << "a gap in the recording";
}
