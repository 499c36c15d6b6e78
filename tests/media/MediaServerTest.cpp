// chamber-media against the real session server: it signs in with the media role, starts
// recording when the sitting opens, reports "live" (the chair sees it), and when the chair
// gives the floor the program switches to that seat's camera — checked on the recording.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <thread>

#include "MediaProcess.h"
#include "NginxRtmp.h"
#include "Probe.h"
#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"
#include "support/TestCa.h"

using namespace chamber;
using namespace chamber::test;
using chamber::test::freePort;

TEST(MediaWithServer, AMediaProcessStartedMidSittingActsOnThePresentNotOnOldHistory) {
  // Sitting 1 opened and closed before the media process (re)started, sitting 2 is open now:
  // it records sitting 2 once — no recording begun and ended for sitting 1's old events —
  // and its lower third shows who holds the floor now.
  TempDir dir;
  seedCouncil(dir.path / "server", 4);
  ServerProcess server(dir.path / "server", {"--rate", "1000", "--burst", "1000"});
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml)
      << "[output]\nwidth = 320\nheight = 180\nfps = 15\nvideo_bitrate_kbps = 400\n"
         "[[camera]]\nid = \"overview\"\npattern = \"red\"\n[[microphone]]\nid = \"chair\"\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  for (int n = 1; n <= 2; ++n) {
    chair.ok("sitting.create", {{"number", n},
                                {"title", "Kỳ họp " + std::to_string(n)},
                                {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});
    chair.ok("sitting.open");
    for (int i = 0; i < (n == 1 ? 150 : 1); ++i) {  // a long history: it arrives over many reads
      chair.ok("media.recording", {{"on", false}});
      chair.ok("media.recording", {{"on", true}});
    }
    if (n == 1) chair.ok("sitting.close");
  }
  const std::string url = "ws://127.0.0.1:" + std::to_string(server.port());
  const pid_t media = startMedia(toml, dir.path / "media", url);
  ASSERT_GE(media, 0);
  json live = chair.waitEvent("media.state", 15000,
                              [](const json& e) { return e["data"]["state"] == "live"; });
  ASSERT_FALSE(live.is_null()) << "the open sitting is not recorded";
  EXPECT_EQ(live["sitting"], 2);
  loop.runUntil([] { return false; }, 2500);
  const int status = stopProcess(media);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  int states = 0;
  for (const auto& e : chair.events)
    if (e["kind"] == "media.state") ++states;
  EXPECT_LE(states, 3) << "starting, live (and idle at the stop): no run per old sitting";
  std::set<std::string> recordings;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "media" / "recordings")) {
    const std::string name = e.path().filename();
    recordings.insert(name.substr(0, name.rfind('-')));
  }
  EXPECT_EQ(recordings.size(), 1u) << "one recording, for the sitting open now";
}

TEST(MediaWithServer, APtzCameraThatDoesNotAnswerIsToldToTheChair) {
  TempDir dir;
  seedCouncil(dir.path / "server", 4);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  // Nothing answers VISCA on this port: the preset recall fails.
  std::ofstream(toml) << "[output]\nwidth = 320\nheight = 180\nfps = 15\nvideo_bitrate_kbps = 400\n"
                         "[[camera]]\nid = \"overview\"\npattern = \"red\"\noverview = true\n"
                         "[[camera]]\nid = \"ptz-trai\"\npattern = \"blue\"\nvisca = \"127.0.0.1:"
                      << freePort()
                      << "\"\n[[microphone]]\nid = \"chair\"\n"
                         "[[seat]]\nseat = 3\ncamera = \"ptz-trai\"\npreset = 2\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Kỳ họp"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});
  const pid_t media =
      startMedia(toml, dir.path / "media", "ws://127.0.0.1:" + std::to_string(server.port()));
  ASSERT_GE(media, 0);
  chair.ok("sitting.open");
  ASSERT_FALSE(chair
                   .waitEvent("media.state", 15000,
                              [](const json& e) { return e["data"]["state"] == "live"; })
                   .is_null());
  chair.ok("attendance.mark", {{"delegate", "d03"}, {"present", true}});
  chair.ok("floor.grant", {{"person", "d03"}});
  const json told = chair.waitEvent("media.state", 10000,
                                    [](const json& e) { return e["data"]["error"] == "camera"; });
  ASSERT_FALSE(told.is_null()) << "the chair was never told that the camera did not move";
  EXPECT_NE(told["data"]["detail"].get<std::string>().find("ptz-trai"), std::string::npos)
      << told.dump();
  EXPECT_EQ(told["data"]["state"], "live") << "the recording goes on";
  stopProcess(media);
}

TEST(MediaWithServer, FollowsTheFloorAndReportsItsState) {
  TempDir dir;
  seedCouncil(dir.path / "server", 4);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml) << R"(
    [output]
    width = 320
    height = 180
    fps = 15
    video_bitrate_kbps = 400
    [[camera]]
    id = "overview"
    pattern = "red"
    overview = true
    [[camera]]
    id = "seat3"
    pattern = "blue"
    [[microphone]]
    id = "chair"
    [[seat]]
    seat = 3
    camera = "seat3"
  )";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Kỳ họp"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});

  const std::string url = "ws://127.0.0.1:" + std::to_string(server.port());
  const pid_t media = startMedia(toml, dir.path / "media", url);
  ASSERT_GE(media, 0);
  // Nothing is recorded before the sitting opens.
  loop.runUntil([] { return false; }, 800);
  EXPECT_FALSE(std::filesystem::exists(dir.path / "media" / "recordings"));
  chair.ok("sitting.open");
  chair.ok("agenda.activate", {{"item", "1"}});
  json live = chair.waitEvent("media.state", 10000,
                              [](const json& e) { return e["data"]["state"] == "live"; });
  ASSERT_FALSE(live.is_null()) << "the chair never saw the media process live";
  // The offsets that map sitting events to positions in the recording.
  EXPECT_EQ(live["data"]["recording"].get<std::string>().rfind("recording-", 0), 0u);
  const auto started = live["data"]["recordingStarted_ms"].get<std::int64_t>();
  EXPECT_GT(started, 0);
  EXPECT_LT(std::abs(live["ts"].get<std::int64_t>() - started), 10000);
  loop.runUntil([] { return false; }, 1500);
  chair.ok("attendance.mark", {{"delegate", "d03"}, {"present", true}});
  chair.ok("floor.grant", {{"person", "d03"}});
  loop.runUntil([] { return false; }, 2500);
  // The chair stops the recording: the media process finishes the file and says so.
  chair.ok("media.recording", {{"on", false}});
  json idle = chair.waitEvent("media.state", 10000, [&](const json& e) {
    return e["data"]["state"] == "idle" &&
           e["seq"] > live["seq"];  // not the process's first report
  });
  EXPECT_FALSE(idle.is_null()) << "the recording did not stop on the chair's command";
  const int status = stopProcess(media);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "media" / "recordings"))
    files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  int u = 0, v = 0;
  ASSERT_TRUE(centreChroma(files[0], false, u, v));
  EXPECT_GT(v, 200) << "the overview (red) before anyone spoke";
  ASSERT_TRUE(centreChroma(files[0], true, u, v));
  EXPECT_GT(u, 200) << "seat 3's camera (blue) once the chair gave the floor";
  EXPECT_TRUE(std::filesystem::exists(dir.path / "media" / "live" / "index.m3u8"));
}

TEST(MediaWithServer, ReconnectsByItselfWhenTheServerComesBack) {
  TempDir dir;
  seedCouncil(dir.path / "server", 3);
  // A fixed port: the media process reconnects to the same address.
  int port = 0;
  {
    ServerProcess probe(dir.path / "probe");
    port = probe.port();
  }
  auto server =
      std::make_unique<ServerProcess>(dir.path / "server", std::vector<std::string>{}, port);
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml) << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\n"
                         "[[camera]]\nid='c'\n[[microphone]]\nid='m'\n";
  client::ClientLoop loop;
  {
    Peer chair(loop, port);
    chair.hello();
    chair.loginPin(1, pinOf(1));
    chair.ok("sitting.create", {{"number", 1},
                                {"title", "Kỳ họp"},
                                {"agenda", json::array({{{"id", "1"}, {"title", "x"}}})}});
    chair.ok("sitting.open");
  }
  const pid_t media =
      startMedia(toml, dir.path / "media", "ws://127.0.0.1:" + std::to_string(port));
  ASSERT_GE(media, 0);
  auto liveSeen = [&](int timeout_ms) {
    Peer chair(loop, port);
    chair.hello();
    chair.loginPin(1, pinOf(1));
    chair.resume(0);
    return !chair
                .waitEvent("media.state", timeout_ms,
                           [](const json& e) { return e["data"]["state"] == "live"; })
                .is_null();
  };
  ASSERT_TRUE(liveSeen(10000));
  const auto liveAt = std::chrono::steady_clock::now();
  const auto head = [&] {
    Peer p(loop, port);
    p.hello();
    return p.request({{"type", "cmd"}, {"cmd", "state.get"}})["result"]["head"].get<std::int64_t>();
  };
  const auto before = head();
  server->kill9();  // the server dies; the recording goes on
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server = std::make_unique<ServerProcess>(dir.path / "server", std::vector<std::string>{}, port);
  // Back within the backoff: the media process connects again by itself (the only client).
  bool back = false;
  for (int i = 0; i < 300 && !back; ++i) {
    const auto h = http(port, "GET", "/health");
    back = h.status == 200 && json::parse(h.body)["connections"].get<int>() >= 1;
    if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(back) << "the media process did not come back";
  (void)before;
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  const double ran =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - liveAt).count();
  stopProcess(media);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "media" / "recordings"))
    files.push_back(e.path());
  ASSERT_FALSE(files.empty());
  double total = 0;
  for (const auto& f : files) total += probe(f).duration_s();
  EXPECT_GT(total, ran - 1.0) << "the recording stopped with the server (ran " << ran << " s)";
}

namespace {
/// Stops a media process however the test ends (an ASSERT returns early).
struct Reaper {
  pid_t pid;
  ~Reaper() {
    if (pid > 0 && ::kill(pid, 0) == 0) stopProcess(pid);
  }
};
/// A one-camera chamber with an RTMP destination on a local nginx.
void writeChamber(const std::filesystem::path& toml, int rtmpPort) {
  std::ofstream(toml) << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\n"
                         "[[camera]]\nid='c'\n[[microphone]]\nid='m'\n"
                         "[[destination]]\nid='youtube'\nurl='rtmp://127.0.0.1:"
                      << rtmpPort << "/live'\nkey_env='CHAMBER_TEST_STREAM_KEY'\n";
}
}  // namespace

TEST(MediaWithServer, AClosedSittingIsRecordedForTheArchiveButNeverStreamed) {
  TempDir dir;
  seedCouncil(dir.path / "server", 3);
  ServerProcess server(dir.path / "server");
  const int rtmpPort = freePort();
  NginxRtmp nginx(dir.path / "nginx", rtmpPort);
  nginx.start();
  ::setenv("CHAMBER_TEST_STREAM_KEY", "closed-sitting-key", 1);
  const auto toml = dir.path / "chamber.toml";
  writeChamber(toml, rtmpPort);
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Phiên họp kín"},
                              {"isPublic", false},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Nhân sự"}}})}});
  const pid_t media =
      startMedia(toml, dir.path / "media", "ws://127.0.0.1:" + std::to_string(server.port()));
  ASSERT_GE(media, 0);
  Reaper reap{media};
  chair.ok("sitting.open");
  ASSERT_FALSE(chair
                   .waitEvent("media.state", 10000,
                              [](const json& e) { return e["data"]["state"] == "live"; })
                   .is_null());
  loop.runUntil([] { return false; }, 5000);  // two HLS segments' worth, and time to push
  stopProcess(media);
  std::vector<std::string> recorded;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "media" / "recordings"))
    recorded.push_back(e.path());
  ASSERT_FALSE(recorded.empty()) << "the council's own archive keeps a closed sitting";
  EXPECT_GT(probe(recorded.front()).duration_s(), 1.0);
  EXPECT_FALSE(std::filesystem::exists(dir.path / "media" / "live" / "index.m3u8"))
      << "no HLS of a closed sitting";
  const auto live = dir.path / "media" / "live";
  if (std::filesystem::exists(live))
    EXPECT_TRUE(std::filesystem::is_empty(live)) << "no HLS segment of a closed sitting";
  EXPECT_TRUE(nginx.files().empty()) << "nothing of a closed sitting reached the RTMP server";
  for (const auto& e : chair.events)
    EXPECT_EQ(e.dump().find("closed-sitting-key"), std::string::npos) << "a stream key in an event";
}

TEST(MediaWithServer, AClosedSittingIsNotRecordedWhenTheRulesSaySo) {
  TempDir dir;
  seedCouncil(dir.path / "server", 3);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  writeChamber(toml, freePort());
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  json rules = json::parse(R"({"recordClosedSittings": false})");
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Phiên họp kín"},
                              {"isPublic", false},
                              {"rules", rules},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Nhân sự"}}})}});
  const pid_t media =
      startMedia(toml, dir.path / "media", "ws://127.0.0.1:" + std::to_string(server.port()));
  ASSERT_GE(media, 0);
  Reaper reap{media};
  bool signedIn = false;  // the chair and the media process
  for (int i = 0; i < 100 && !signedIn; ++i) {
    const auto h = http(server.port(), "GET", "/health");
    signedIn = h.status == 200 && json::parse(h.body)["connections"].get<int>() >= 2;
    if (!signedIn) loop.runUntil([] { return false; }, 100);
  }
  ASSERT_TRUE(signedIn) << "the media process did not connect";
  chair.ok("sitting.open");
  chair.ok("media.recording", {{"on", false}});
  chair.ok("media.recording", {{"on", true}});  // not even on the chair's word
  loop.runUntil([] { return false; }, 3000);
  stopProcess(media);
  const auto rec = dir.path / "media" / "recordings";
  EXPECT_TRUE(!std::filesystem::exists(rec) || std::filesystem::is_empty(rec));
}

TEST(MediaWithServer, WssIsVerifiedAgainstTheCouncilsCa) {
  TempDir dir;
  seedCouncil(dir.path / "server", 3);
  TestCa ca(dir.path);
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml) << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\n"
                         "[[camera]]\nid='c'\n[[microphone]]\nid='m'\n";
  // Whether the media process signed in: it saw the sitting open and reported "live".
  auto signsIn = [&](const std::filesystem::path& cert, const std::filesystem::path& key) {
    {
      store::Store st(dir.path / "server");
      std::int64_t head = 0;
      core::State state = st.load(head);
      core::CreateSitting c;
      c.number = 1;
      c.title = "Kỳ họp";
      c.agenda = {{"1", "", "Khai mạc", "", {}}};
      const core::Actor chair{core::Role::Chair, delegateId(1)};
      EXPECT_TRUE(st.run(state, chair, c, 1000).ok());
      EXPECT_TRUE(st.run(state, chair, core::OpenSitting{}, 1000).ok());
    }
    {
      ServerProcess server(dir.path / "server",
                           {"--tls-cert", cert.string(), "--tls-key", key.string()});
      const std::string url = "wss://127.0.0.1:" + std::to_string(server.port());
      const pid_t media =
          startMedia(toml, dir.path / "media", url, {"--ca-file", ca.caCert.string()});
      std::this_thread::sleep_for(std::chrono::seconds(4));
      stopProcess(media);
    }
    store::Store st(dir.path / "server");
    bool reported = false;
    st.log.forEach(0, [&](const store::StoredEvent& e) {
      reported =
          reported || (e.kind == "media.state" && e.data.find("\"live\"") != std::string::npos);
    });
    return reported;
  };
  EXPECT_TRUE(signsIn(ca.serverCert, ca.serverKey)) << "a certificate from the council's CA";
  std::filesystem::remove_all(dir.path / "server");
  seedCouncil(dir.path / "server", 3);
  EXPECT_FALSE(signsIn(ca.selfCert, ca.selfKey))
      << "a self-signed certificate: the password is never sent";
}

TEST(MediaWithServer, ARecordingDiskThatFillsWarnsTheChairThenStopsTheRecordingCleanly) {
  // The media folder is a 40 MB filesystem of its own (tmpfs), recorded at ~4 Mb/s with a
  // 4-hour sitting expected: the chair is warned at once, with the time left; before the disk
  // is full the recording stops and closes its last segment; the figures reach /metrics.
  TempDir dir;
  seedCouncil(dir.path / "server", 4);
  const auto mediaDir = dir.path / "media";
  std::filesystem::create_directories(mediaDir);
  const std::string mount =
      "mount -t tmpfs -o size=40m chamber-test " + mediaDir.string() + " 2>/dev/null";
  if (std::system(mount.c_str()) != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root): the disk guard is covered by "
                    "DiskGuard.* in media_core_tests";
  struct Unmount {
    std::string dir;
    ~Unmount() { std::system(("umount -l " + dir).c_str()); }
  } unmount{mediaDir.string()};

  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml) << "[output]\nwidth = 640\nheight = 360\nfps = 15\nvideo_bitrate_kbps = "
                         "4000\nsegment_s = 2\nhls_segment_s = 2\nhls_playlist_length = 3\n"
                         "[[camera]]\nid = \"overview\"\npattern = \"snow\"\noverview = true\n"
                         "[[microphone]]\nid = \"chair\"\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  Peer op(loop, server.port());
  op.hello();
  const std::string opToken = op.request(
      protocol::authPassword("op1", "operator", "secret", "Máy giám sát"))["result"]["token"];
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Kỳ họp"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});
  const pid_t media = startMedia(toml, mediaDir, "ws://127.0.0.1:" + std::to_string(server.port()),
                                 {"--disk-reserve-mb", "8", "--sitting-hours", "4"});
  ASSERT_GE(media, 0);
  chair.ok("sitting.open");

  const json low = chair.waitEvent("media.state", 30000, [](const json& e) {
    return e["data"]["error"] == "disk_low" && e["data"]["state"] == "live";
  });
  ASSERT_FALSE(low.is_null()) << "the chair was not warned while recording";
  const std::string warned = low["data"]["detail"];
  EXPECT_NE(warned.find("đủ ghi khoảng"), std::string::npos) << warned;
  EXPECT_NE(warned.find("kỳ họp dự kiến còn"), std::string::npos) << warned;

  // The figures for the IT officer, while it records.
  loop.runUntil([] { return false; }, 3000);
  const auto metrics =
      http(server.port(), "GET", "/metrics", {{"Authorization", "Bearer " + opToken}});
  ASSERT_EQ(metrics.status, 200);
  const auto figure = [&](const std::string& name) {
    const auto at = metrics.body.find("\n" + name + " ");
    return at == std::string::npos ? -1.0 : std::stod(metrics.body.substr(at + name.size() + 2));
  };
  EXPECT_GT(figure("chamber_media_recording_bytes"), 100000) << metrics.body;
  EXPECT_GT(figure("chamber_media_disk_free_bytes"), 0);
  EXPECT_LT(figure("chamber_media_disk_free_bytes"), 40.0 * (1 << 20));
  EXPECT_GE(figure("chamber_media_disk_seconds_left"), 0);

  const json full = chair.waitEvent(
      "media.state", 120000, [](const json& e) { return e["data"]["error"] == "disk_full"; });
  ASSERT_FALSE(full.is_null()) << "the recording was never stopped for the disk";
  EXPECT_EQ(full["data"]["state"], "idle") << "stopped, not crashed: " << full.dump();
  EXPECT_NE(full["data"]["detail"].get<std::string>().find("đã dừng ghi hình"), std::string::npos);
  loop.runUntil([] { return false; }, 3000);

  // It stopped with room to spare: the reserve was never written into.
  struct statvfs fs {};
  ASSERT_EQ(::statvfs(mediaDir.c_str(), &fs), 0);
  const double freeMb = static_cast<double>(fs.f_bavail) * fs.f_frsize / (1 << 20);
  EXPECT_GT(freeMb, 8.0) << "the recording wrote into the reserve";
  // Every segment on the disk plays, the last one too: nothing was cut short.
  std::vector<std::filesystem::path> segments;
  for (const auto& e : std::filesystem::directory_iterator(mediaDir / "recordings"))
    segments.push_back(e.path());
  std::sort(segments.begin(), segments.end());
  ASSERT_GE(segments.size(), 3u);
  for (const auto& seg : segments) {
    const Probe p = probe(seg.string());
    EXPECT_TRUE(p.opened) << seg;
    EXPECT_GT(p.packets, 0) << seg;
    // (the last may hold only the frames up to the stop)
    if (seg != segments.back()) EXPECT_GT(p.duration_s(), 1.0) << seg << " is not whole";
  }
  // Still running, still reporting: it waits for room rather than dying.
  EXPECT_EQ(waitpid(media, nullptr, WNOHANG), 0) << "chamber-media exited";
  const int status = stopProcess(media);
  EXPECT_TRUE(WIFEXITED(status)) << status;
}
