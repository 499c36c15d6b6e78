// chamber-archive on a real recorded sitting: the session server, chamber-media recording
// test cameras, a chair who activates items and gives the floor, then the archive built from
// the segments and the event log. ffprobe reads back the chapters; a lost and a damaged
// segment leave a marked gap, not a failed archive.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include "MediaProcess.h"
#include "archive/Rendition.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int st = ::pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

/// chamber-archive once, for sitting 1, as the media account; its exit code.
/// chamber-archive --sitting 1; the test recordings are 180 lines: the phones' copy 90.
int buildArchive(const std::string& url, const fs::path& recordings, const fs::path& out,
                 const std::string& extra = "") {
  int rc = -1;
  run(std::string("CHAMBER_MEDIA_PASSWORD=secret timeout 120 ") + CHAMBER_ARCHIVE_BIN +
          " --server " + url + " --user media" + " --recordings '" + recordings.string() +
          "' --sitting 1 --phone-height 90 --out '" + out.string() + "' " + extra + " 2>&1",
      &rc);
  return rc;
}

json ffprobe(const fs::path& file) {
  const std::string out =
      run("timeout 60 ffprobe -v error -show_chapters -show_format -show_streams -of json '" +
          file.string() + "'");
  return json::parse(out, nullptr, false);
}

/// The order of the top-level boxes of an MP4 file ("ftyp", "moov", "mdat", …).
std::vector<std::string> topBoxes(const fs::path& file) {
  std::vector<std::string> out;
  std::ifstream f(file, std::ios::binary);
  const auto size = static_cast<std::uint64_t>(fs::file_size(file));
  std::uint64_t at = 0;
  while (at + 8 <= size) {
    unsigned char h[16];
    f.seekg(static_cast<std::streamoff>(at));
    f.read(reinterpret_cast<char*>(h), 16);
    std::uint64_t len = (std::uint64_t{h[0]} << 24) | (h[1] << 16) | (h[2] << 8) | h[3];
    if (len == 1)
      for (int i = 8; i < 16; ++i) len = (len << 8) | h[i];
    if (len < 8) break;
    out.emplace_back(reinterpret_cast<char*>(h + 4), 4);
    at += len;
  }
  return out;
}

struct Expected {
  double start_s;
  std::string title;
};

/// What the chapters must be: the sitting's title from the start of the recording, then a
/// chapter at each activation and each grant, at (event time − recording start).
std::vector<Expected> expectedChapters(const std::vector<json>& events, std::int64_t started) {
  std::vector<Expected> out{{0.0, "Kỳ họp thứ nhất"}};
  std::map<std::string, std::string> items{{"1", "Khai mạc"}, {"2", "Báo cáo giám sát"}};
  for (const auto& e : events) {
    const double at = (e["ts"].get<std::int64_t>() - started) / 1000.0;
    if (e["kind"] == "agenda.activated") {
      const std::string item = e["data"]["item"];
      out.push_back({at, "Mục " + item + ". " + items[item]});
    }
    if (e["kind"] == "floor.granted") {
      const std::string who = e["data"]["person"] == "d03" ? "Đại biểu số 3" : "Đại biểu số 4";
      const std::string kind = e["data"]["kind"] == "debate" ? "tranh luận" : "phát biểu";
      out.push_back({at, who + " " + kind});
    }
  }
  return out;
}

}  // namespace

TEST(Archive, ChaptersFollowTheAgendaAndTheSpeakersAndGapsAreMarked) {
  TempDir dir;
  seedCouncil(dir.path / "server", 4);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml)
      << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\nsegment_s=2\n"
         "[[camera]]\nid='overview'\npattern='red'\noverview=true\n"
         "[[camera]]\nid='seat3'\npattern='blue'\n[[microphone]]\nid='chair'\n"
         "[[seat]]\nseat=3\ncamera='seat3'\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create",
           {{"number", 1},
            {"title", "Kỳ họp thứ nhất"},
            {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}},
                                    {{"id", "2"}, {"title", "Báo cáo giám sát"}}})}});
  const std::string url = "ws://127.0.0.1:" + std::to_string(server.port());
  const pid_t media = startMedia(toml, dir.path / "media", url);
  ASSERT_GE(media, 0);
  chair.ok("sitting.open");
  json live = chair.waitEvent("media.state", 15000,
                              [](const json& e) { return e["data"]["state"] == "live"; });
  ASSERT_FALSE(live.is_null()) << "the media process never went live";
  const auto started = live["data"]["recordingStarted_ms"].get<std::int64_t>();
  const auto pause = [&](int ms) { loop.runUntil([] { return false; }, ms); };
  pause(1500);
  chair.ok("agenda.activate", {{"item", "1"}});
  pause(2000);
  chair.ok("attendance.mark", {{"delegate", "d03"}, {"present", true}});
  chair.ok("floor.grant", {{"person", "d03"}});
  pause(2500);
  chair.ok("floor.end", {{"person", "d03"}});
  chair.ok("agenda.activate", {{"item", "2"}});
  pause(4500);  // item 2 spans segments that the second case loses
  chair.ok("attendance.mark", {{"delegate", "d04"}, {"present", true}});
  chair.ok("floor.grant", {{"person", "d04"}, {"kind", "debate"}});
  pause(2500);
  // The archive process as deployed: following the server, it builds when the sitting closes.
  const pid_t follower = fork();
  ASSERT_GE(follower, 0);
  if (follower == 0) {
    ::setenv("CHAMBER_MEDIA_PASSWORD", "secret", 1);
    execl(CHAMBER_ARCHIVE_BIN, CHAMBER_ARCHIVE_BIN, "--follow", "--server", url.c_str(), "--user",
          "media", "--recordings", (dir.path / "media" / "recordings").c_str(), "--out",
          (dir.path / "followed").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  pause(500);
  EXPECT_FALSE(fs::exists(dir.path / "followed" / "sitting-1")) << "nothing before the closing";
  chair.ok("sitting.close");
  // (not the first report of the process, which is idle too: "process_started")
  json idle = chair.waitEvent("media.state", 15000, [](const json& e) {
    return e["data"]["state"] == "idle" && e["data"]["detail"] != "process_started";
  });
  ASSERT_FALSE(idle.is_null()) << "the recording did not stop when the sitting closed";
  stopProcess(media);
  const double recorded_s = (idle["ts"].get<std::int64_t>() - started) / 1000.0;

  // 0. The follower built it by itself once the recording stopped.
  const auto followed = dir.path / "followed" / "sitting-1" / "archive.json";
  for (int i = 0; i < 300 && !fs::exists(followed); ++i) pause(100);
  EXPECT_TRUE(fs::exists(followed)) << "chamber-archive --follow did not build the closed sitting";
  const int status = stopProcess(follower);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  // 1. The whole recording.
  const fs::path recordings = dir.path / "media" / "recordings";
  ASSERT_EQ(buildArchive(url, recordings, dir.path / "whole"), 0);
  const fs::path mp4 = dir.path / "whole" / "sitting-1" / "archive.mp4";
  ASSERT_TRUE(fs::exists(mp4));
  const auto boxes = topBoxes(mp4);
  const auto moov = std::find(boxes.begin(), boxes.end(), "moov"),
             mdat = std::find(boxes.begin(), boxes.end(), "mdat");
  ASSERT_TRUE(moov != boxes.end() && mdat != boxes.end());
  EXPECT_LT(moov, mdat)
      << "faststart: the index comes before the media, so a browser plays at once";

  json probe = ffprobe(mp4);
  ASSERT_FALSE(probe.is_discarded());
  const auto want = expectedChapters(chair.events, started);
  const auto& chapters = probe["chapters"];
  ASSERT_EQ(chapters.size(), want.size()) << probe["chapters"].dump(1);
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(chapters[i]["tags"]["title"], want[i].title);
    EXPECT_NEAR(std::stod(chapters[i]["start_time"].get<std::string>()), want[i].start_s, 0.002);
    if (i + 1 < want.size())
      EXPECT_NEAR(std::stod(chapters[i]["end_time"].get<std::string>()), want[i + 1].start_s,
                  0.002);
  }
  int videos = 0, audios = 0;
  for (const auto& s : probe["streams"]) {
    videos += s["codec_type"] == "video";
    audios += s["codec_type"] == "audio";
  }
  EXPECT_EQ(videos, 1);
  EXPECT_EQ(audios, 1);
  EXPECT_NEAR(std::stod(probe["format"]["duration"].get<std::string>()), recorded_s, 1.5);

  std::ifstream jf(dir.path / "whole" / "sitting-1" / "archive.json");
  json report = json::parse(jf, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["video"], "/archive/sitting-1/archive.mp4");
  EXPECT_TRUE(report["gaps"].empty());
  EXPECT_EQ(report["verified"], true) << "read back whole before anything may be removed";
  // The downloads with their true sizes, and the small copy for phones with the chapters.
  ASSERT_EQ(report["files"].size(), 2u) << report["files"].dump();
  for (const auto& f : report["files"]) {
    const std::string url = f["url"];
    EXPECT_EQ(f["bytes"].get<std::uintmax_t>(),
              fs::file_size(dir.path / "whole" / url.substr(std::strlen("/archive/"))))
        << url;
  }
  const json small = ffprobe(dir.path / "whole" / "sitting-1" / "archive-small.mp4");
  ASSERT_FALSE(small.is_discarded());
  for (const auto& st : small["streams"])
    if (st["codec_type"] == "video") EXPECT_EQ(st["height"], 90);
  EXPECT_EQ(small["chapters"].size(), chapters.size()) << "a phone seeks by chapter too";
  EXPECT_NEAR(std::stod(small["format"]["duration"].get<std::string>()), recorded_s, 1.5);
  EXPECT_LT(report["files"][1]["bytes"].get<std::uintmax_t>(),
            report["files"][0]["bytes"].get<std::uintmax_t>());
  EXPECT_FALSE(report.value("recordings_removed", false))
      << "kept 30 days by default: " << report.dump();
  EXPECT_EQ(report["recordings"].size(), report["segments"]["found"].get<std::size_t>());
  // What "verified" guards against: an archive cut short (a full disk, a crash mid-write).
  const std::int64_t length_ms = std::llround(report["duration_s"].get<double>() * 1000);
  EXPECT_EQ(media::verifyArchive(mp4, length_ms), "");
  const fs::path cut = dir.path / "cut.mp4";
  fs::copy_file(mp4, cut);
  fs::resize_file(cut, fs::file_size(mp4) * 6 / 10);
  EXPECT_NE(media::verifyArchive(cut, length_ms), "") << "a truncated archive is not verified";
  for (const auto& c : report["chapters"]) {
    const std::string thumb = c["thumbnail"];
    ASSERT_EQ(thumb.rfind("/archive/sitting-1/thumbs/", 0), 0u) << c.dump();
    std::ifstream t(dir.path / "whole" / thumb.substr(std::strlen("/archive/")), std::ios::binary);
    unsigned char soi[2] = {};
    t.read(reinterpret_cast<char*>(soi), 2);
    EXPECT_TRUE(soi[0] == 0xFF && soi[1] == 0xD8) << "a JPEG for " << c["title"];
  }

  if (std::getenv("CHAMBER_TEST_SHOW")) std::cerr << report.dump(1) << "\n";
  // 2. After a crash: one segment lost, one damaged. The archive is still made, and says where.
  std::vector<fs::path> segments;
  for (const auto& e : fs::directory_iterator(dir.path / "media" / "recordings"))
    segments.push_back(e.path());
  std::sort(segments.begin(), segments.end());
  ASSERT_GE(segments.size(), 7u);
  fs::remove(segments[3]);
  std::ofstream(segments[4], std::ios::trunc) << std::string(5000, 'x');
  // The last segment cut mid-packet, as a kill -9 during a write leaves it.
  fs::resize_file(segments.back(), fs::file_size(segments.back()) - 100);
  ASSERT_EQ(buildArchive(url, recordings, dir.path / "crashed"), 0)
      << "a lost segment must not fail the archive";
  std::ifstream cf(dir.path / "crashed" / "sitting-1" / "archive.json");
  json crashed = json::parse(cf, nullptr, false);
  ASSERT_FALSE(crashed.is_discarded());
  EXPECT_EQ(crashed["segments"]["missing"], 1);
  EXPECT_EQ(crashed["segments"]["damaged"], 2) << "the garbage one and the one cut short";
  ASSERT_EQ(crashed["gaps"].size(), 1u);
  const double gapStart = crashed["gaps"][0]["start_s"], gapEnd = crashed["gaps"][0]["end_s"];
  EXPECT_NEAR(gapEnd - gapStart, 4.0, 0.5) << "two 2-s segments";
  json probe2 = ffprobe(dir.path / "crashed" / "sitting-1" / "archive.mp4");
  if (std::getenv("CHAMBER_TEST_SHOW")) std::cerr << crashed.dump(1) << "\n";
  bool marked = false;
  for (const auto& c : probe2["chapters"])
    if (c["tags"]["title"] == "Gián đoạn ghi hình (mất đoạn)") {
      marked = true;
      EXPECT_NEAR(std::stod(c["start_time"].get<std::string>()), gapStart, 0.002);
      EXPECT_NEAR(std::stod(c["end_time"].get<std::string>()), gapEnd, 0.002);
    }
  EXPECT_TRUE(marked) << probe2["chapters"].dump(1);
  // Chapters outside the gap keep their places.
  EXPECT_EQ(probe2["chapters"].back()["tags"]["title"], want.back().title);
  EXPECT_NEAR(std::stod(probe2["chapters"].back()["start_time"].get<std::string>()),
              want.back().start_s, 0.002);
  EXPECT_NEAR(std::stod(probe2["format"]["duration"].get<std::string>()), recorded_s, 1.5)
      << "the time line keeps its length: positions still match the sitting's clock";

  // 3. Retention: kept 0 days, the segments go once the archive is verified.
  ASSERT_EQ(buildArchive(url, recordings, dir.path / "kept0", "--keep-recordings-days 0"), 0);
  std::ifstream kf(dir.path / "kept0" / "sitting-1" / "archive.json");
  const json kept = json::parse(kf, nullptr, false);
  EXPECT_EQ(kept["verified"], true);
  EXPECT_EQ(kept["recordings_removed"], true);
  std::size_t left = 0;
  for (const auto& e : fs::directory_iterator(recordings)) left += e.path().extension() == ".ts";
  EXPECT_EQ(left, 0u) << "every segment of the sitting removed";
  EXPECT_TRUE(fs::exists(dir.path / "kept0" / "sitting-1" / "archive.mp4"));
}

TEST(Archive, ARecordingStoppedAndStartedAgainIsOneArchiveWithAMarkedPause) {
  TempDir dir;
  seedCouncil(dir.path / "server", 2);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml)
      << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\nsegment_s=2\n"
         "[[camera]]\nid='overview'\n[[microphone]]\nid='chair'\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create", {{"number", 2},
                              {"title", "Kỳ họp thứ hai"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}},
                                                      {{"id", "2"}, {"title", "Chất vấn"}}})}});
  const std::string url = "ws://127.0.0.1:" + std::to_string(server.port());
  const pid_t media = startMedia(toml, dir.path / "media", url);
  ASSERT_GE(media, 0);
  const auto pause = [&](int ms) { loop.runUntil([] { return false; }, ms); };
  const auto waitState = [&](const std::string& state, std::size_t after) {
    return chair.waitEvent("media.state", 15000, [&](const json& e) {
      return e["data"]["state"] == state && e["seq"].get<std::size_t>() > after;
    });
  };
  chair.ok("sitting.open");
  json first = waitState("live", 0);
  ASSERT_FALSE(first.is_null());
  chair.ok("agenda.activate", {{"item", "1"}});
  pause(3000);
  // A break: the chair stops the recording, and starts it again after it.
  chair.ok("media.recording", {{"on", false}});
  json stopped = waitState("idle", first["seq"]);
  ASSERT_FALSE(stopped.is_null());
  pause(2500);
  chair.ok("media.recording", {{"on", true}});
  json second = waitState("live", stopped["seq"]);
  ASSERT_FALSE(second.is_null());
  ASSERT_NE(second["data"]["recording"], first["data"]["recording"]) << "a new recording";
  pause(1500);
  const auto item2 = chair.ok("agenda.activate", {{"item", "2"}});
  pause(2500);
  chair.ok("sitting.close");
  ASSERT_FALSE(waitState("idle", second["seq"]).is_null());
  stopProcess(media);

  ASSERT_EQ(buildArchive(url, dir.path / "media" / "recordings", dir.path / "out"), 0);
  std::ifstream jf(dir.path / "out" / "sitting-1" / "archive.json");
  const json report = json::parse(jf, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  ASSERT_EQ(report["gaps"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["gaps"][0]["reason"], "paused");
  const double started0 = first["data"]["recordingStarted_ms"].get<double>();
  const double started1 = second["data"]["recordingStarted_ms"].get<double>();
  EXPECT_NEAR(report["gaps"][0]["end_s"].get<double>(), (started1 - started0) / 1000, 0.3)
      << "the second recording begins where its clock says";
  const json probe = ffprobe(dir.path / "out" / "sitting-1" / "archive.mp4");
  std::vector<std::string> titles;
  for (const auto& c : probe["chapters"]) titles.push_back(c["tags"]["title"]);
  const std::vector<std::string> want = {"Kỳ họp thứ hai", "Mục 1. Khai mạc", "Tạm dừng ghi hình",
                                         "Mục 1. Khai mạc (tiếp)", "Mục 2. Chất vấn"};
  EXPECT_EQ(titles, want);
  const double item2At = (item2[0]["ts"].get<double>() - started0) / 1000;
  EXPECT_NEAR(std::stod(probe["chapters"].back()["start_time"].get<std::string>()), item2At, 0.002);
}

TEST(Archive, AMediaProcessKilledAndRestartedIsALossNotAPause) {
  // kill -9 mid-sitting, then the media process is started again: the archive marks the gap
  // as lost ("Gián đoạn ghi hình (mất đoạn)"), with its length — it is not the chair's pause.
  TempDir dir;
  seedCouncil(dir.path / "server", 2);
  ServerProcess server(dir.path / "server");
  const auto toml = dir.path / "chamber.toml";
  std::ofstream(toml)
      << "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\nsegment_s=2\n"
         "[[camera]]\nid='overview'\n[[microphone]]\nid='chair'\n";
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.resume(0);
  chair.ok("sitting.create", {{"number", 3},
                              {"title", "Kỳ họp thứ ba"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});
  const std::string url = "ws://127.0.0.1:" + std::to_string(server.port());
  const auto pause = [&](int ms) { loop.runUntil([] { return false; }, ms); };
  const auto waitLive = [&](std::size_t after) {
    return chair.waitEvent("media.state", 15000, [&](const json& e) {
      return e["data"]["state"] == "live" && e["seq"].get<std::size_t>() > after;
    });
  };
  pid_t media = startMedia(toml, dir.path / "media", url);
  ASSERT_GE(media, 0);
  chair.ok("sitting.open");
  json first = waitLive(0);
  ASSERT_FALSE(first.is_null());
  pause(3000);
  ::kill(media, SIGKILL);  // a crash: nothing is said
  waitpid(media, nullptr, 0);
  pause(2000);
  media = startMedia(toml, dir.path / "media", url);
  json second = waitLive(first["seq"]);
  ASSERT_FALSE(second.is_null()) << "the restarted media process did not record the open sitting";
  pause(3000);
  const auto playlist = [&] {
    std::ifstream in(dir.path / "media" / "live" / "index.m3u8");
    return std::string{std::istreambuf_iterator<char>(in), {}};
  };
  // The live stream carried on: one playlist, the restart marked, never ended mid-sitting.
  const std::string live = playlist();
  EXPECT_EQ(live.find("#EXT-X-ENDLIST"), std::string::npos) << live;
  const auto discontinuity = live.find("#EXT-X-DISCONTINUITY\n");
  EXPECT_NE(discontinuity, std::string::npos) << live;
  EXPECT_NE(live.find(".ts"), std::string::npos) << "segments before the crash: " << live;
  EXPECT_LT(live.find(".ts"), discontinuity) << live;
  chair.ok("sitting.close");
  ASSERT_FALSE(chair
                   .waitEvent("media.state", 15000,
                              [&](const json& e) {
                                return e["data"]["state"] == "idle" && e["seq"] > second["seq"];
                              })
                   .is_null());
  stopProcess(media);
  EXPECT_NE(playlist().find("#EXT-X-ENDLIST"), std::string::npos) << "the sitting closed";
  std::set<std::string> runs;  // recording-<ms>-NNNNN.ts: one <ms> per run of the pipeline
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "media" / "recordings"))
    runs.insert(e.path().filename().string().substr(0, 23));
  EXPECT_EQ(runs.size(), 2u) << "one recording before the crash, one after; nothing else";

  ASSERT_EQ(buildArchive(url, dir.path / "media" / "recordings", dir.path / "out"), 0);
  std::ifstream jf(dir.path / "out" / "sitting-1" / "archive.json");
  const json report = json::parse(jf, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  ASSERT_EQ(report["gaps"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["gaps"][0]["reason"], "lost") << "a crash is a loss, not a pause";
  const double length =
      report["gaps"][0]["end_s"].get<double>() - report["gaps"][0]["start_s"].get<double>();
  EXPECT_GT(length, 1.5) << "the loss keeps its length";
  bool marked = false;
  for (const auto& c : report["chapters"])
    if (c["title"] == "Gián đoạn ghi hình (mất đoạn)") marked = true;
  EXPECT_TRUE(marked) << report["chapters"].dump(1);
}
