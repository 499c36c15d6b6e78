// The program pipeline with test sources at small sizes: a recording checked with libav,
// a camera switch seen on the output's frames, kill -9 during recording, an unwritable
// recording folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

#include "Probe.h"
#include "core/ClockCode.h"
#include "pipeline/Pipeline.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::media;

namespace {

std::string smallToml() {
  return R"(
    [output]
    width = 320
    height = 180
    fps = 15
    video_bitrate_kbps = 400
    keyframe_s = 2
    segment_s = 2
    hls_segment_s = 2
    [[camera]]
    id = "red"
    pattern = "red"
    overview = true
    [[camera]]
    id = "blue"
    pattern = "blue"
    [[microphone]]
    id = "chair"
    [[seat]]
    seat = 1
    camera = "blue"
  )";
}

Hardware smallChamber() {
  return parseHardware(smallToml());
}

std::vector<std::string> segments(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".ts") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(Pipeline, RecordsBothStreamsWithAKeyframeEveryTwoSecondsAndFollowsTheCamera) {
  test::TempDir dir;
  const Hardware hw = smallChamber();
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  std::vector<std::string> states;
  p.onState = [&](MediaState s, const std::string&, const std::string&) {
    states.push_back(stateName(s));
  };
  ASSERT_EQ(p.start(), "") << p.error();
  p.show({"red", std::nullopt, "3. Dự toán ngân sách 2027", "", ""});
  p.pollBus(2500);
  EXPECT_EQ(p.state(), MediaState::Live);
  p.show({"blue", std::nullopt, "3. Dự toán ngân sách 2027", "Hoàng Thị Lan", "Đại biểu"});
  p.pollBus(3000);
  p.stop();
  EXPECT_EQ(p.state(), MediaState::Idle) << p.error();
  EXPECT_NE(std::find(states.begin(), states.end(), "live"), states.end());

  const auto segs = segments(dir.path / "rec");
  ASSERT_GE(segs.size(), 2u) << "2-s segments over 5.5 s";
  double total = 0;
  std::vector<double> keys;
  for (const auto& s : segs) {
    const auto pr = test::probe(s);
    ASSERT_TRUE(pr.opened) << s;
    EXPECT_EQ(pr.videoStreams, 1) << s;
    EXPECT_EQ(pr.audioStreams, 1) << s;
    EXPECT_EQ(pr.videoCodec, "h264");
    EXPECT_EQ(pr.audioCodec, "aac");
    total += pr.duration_s() + 1.0 / 15;
    keys.insert(keys.end(), pr.keyframes_s.begin(), pr.keyframes_s.end());
  }
  EXPECT_NEAR(total, 5.5, 1.0);
  ASSERT_GE(keys.size(), 2u);
  std::sort(keys.begin(), keys.end());
  std::string list;
  for (double k : keys) list += std::to_string(k) + " ";
  for (std::size_t i = 1; i < keys.size(); ++i)
    EXPECT_NEAR(keys[i] - keys[i - 1], 2.0, 0.1) << "keyframes at " << list;
  // The first frames are the red camera, the last ones the blue camera (after the switch).
  int u = 0, v = 0;
  ASSERT_TRUE(test::centreChroma(segs.front(), false, u, v));
  EXPECT_GT(v, 200) << "red has a high V";
  ASSERT_TRUE(test::centreChroma(segs.back(), true, u, v));
  EXPECT_GT(u, 200) << "blue has a high U";
  // HLS for the portal was written too.
  EXPECT_TRUE(std::filesystem::exists(dir.path / "live" / "index.m3u8"));
  EXPECT_FALSE(segments(dir.path / "live").empty());
}

TEST(Pipeline, TheLivePlaylistCarriesOnThroughARecordingOffAndOn) {
  test::TempDir dir;
  const Hardware hw = smallChamber();
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(p.start(), "") << p.error();
    p.pollBus(5500);
    p.stop();  // the chair's recording off (the sitting runs on: no endLive)
  }
  std::ifstream in(dir.path / "live" / "index.m3u8");
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  if (std::getenv("CHAMBER_TEST_SHOW")) std::printf("%s", text.c_str());
  EXPECT_EQ(text.find("#EXT-X-ENDLIST"), std::string::npos) << "players would stop: " << text;
  const auto& segs = p.live().segments();
  ASSERT_GE(segs.size(), 4u) << text;
  int discontinuities = 0;
  std::int64_t lastEnd = 0;
  for (const auto& s : segs) {
    discontinuities += s.discontinuity;
    EXPECT_GT(s.start_ms, 0);
    EXPECT_GE(s.start_ms + 50, lastEnd) << "segments in time order";
    lastEnd = s.start_ms + static_cast<std::int64_t>(s.duration_s * 1000);
    // Each segment plays on its own, starts on a keyframe, and is as long as it says.
    const auto pr = test::probe((dir.path / "live" / s.uri).string());
    ASSERT_TRUE(pr.opened) << s.uri;
    ASSERT_FALSE(pr.keyframes_s.empty()) << s.uri;
    EXPECT_NEAR(pr.keyframes_s.front(), pr.firstVideo_s, 0.001) << s.uri << " starts on a key";
    EXPECT_NEAR(s.duration_s, pr.lastVideo_s - pr.firstVideo_s + 1.0 / 15, 0.2) << s.uri;
  }
  EXPECT_EQ(discontinuities, 1) << "the second run follows a restart: " << text;
  EXPECT_NE(text.find("#EXT-X-TARGETDURATION:2\n"), std::string::npos) << text;
}

namespace {
/// Relative luminance (WCAG) of a limited-range luma value.
double luminance(double y) {
  const double v = std::clamp((y - 16) / 219, 0.0, 1.0);
  return std::pow(v, 2.2);
}
}  // namespace

/// The dark band on a white picture: its bounds, and the rows of bright text inside it
/// grouped into lines (rows of text closer than `gap` rows are one line).
struct Band {
  int left = 0, right = -1, top = 0, bottom = -1;
  double text = 0, band = 0;  ///< mean luma of the text and of the band
  std::vector<std::pair<int, int>> lines;
};

Band findBand(const test::Luma& f, int gap) {
  Band b{f.width, -1, f.height, -1, 0, 0, {}};
  for (int r = 0; r < f.height; ++r)
    for (int x = 0; x < f.width; ++x)
      if (f.at(x, r) < 60) {
        b.left = std::min(b.left, x), b.right = std::max(b.right, x);
        b.top = std::min(b.top, r), b.bottom = std::max(b.bottom, r);
      }
  int textN = 0, bandN = 0;
  for (int r = b.top; r <= b.bottom; ++r) {
    bool any = false;
    for (int x = b.left; x <= b.right; ++x) {
      const int y = f.at(x, r);
      if (y > 160) b.text += y, ++textN, any = true;
      if (y < 60) b.band += y, ++bandN;
    }
    if (!any) continue;
    if (b.lines.empty() || r - b.lines.back().second > gap)
      b.lines.push_back({r, r});
    else
      b.lines.back().second = r;
  }
  b.text /= std::max(1, textN);
  b.band /= std::max(1, bandN);
  return b;
}

TEST(Pipeline, TheLowerThirdIsInsideTheTitleSafeAreaOnASolidBandWithTheNameLarger) {
  test::TempDir dir;
  const Hardware hw = parseHardware(R"(
    [output]
    width = 960
    height = 540
    fps = 15
    video_bitrate_kbps = 1500
    segment_s = 2
    [[camera]]
    id = "white"
    pattern = "white"
    overview = true
    [[microphone]]
    id = "chair"
  )");
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  ASSERT_EQ(p.start(false), "") << p.error();
  // First a probe for the sizes: capitals without diacritics or descenders, so that each
  // line of text is a clean run of rows.
  p.show({"white", std::nullopt, "KHAI MAC", "HOANG THI LAN", ""});
  p.pollBus(1500);
  // Then what a sitting shows: a long Vietnamese title.
  p.show({"white", std::nullopt,
          "3. Tờ trình về dự toán ngân sách xã năm 2027 và phương án phân bổ ngân sách cấp xã, "
          "kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 của Ủy ban nhân dân xã Côn Minh",
          "Hoàng Thị Lan", "Đại biểu HĐND xã"});
  p.pollBus(2000);
  p.stop();
  const auto segs = segments(dir.path / "rec");
  ASSERT_GE(segs.size(), 2u);
  test::Luma probeFrame, f;
  int seen = 0;
  ASSERT_TRUE(test::decodeFrames(segs.front(), [&](const AVFrame* fr) {
    if (fr->pts == AV_NOPTS_VALUE) return false;
    if (++seen < 10) return true;  // a frame well after the first
    probeFrame = test::lumaOf(fr);
    return false;
  }));
  ASSERT_TRUE(test::lumaNearEnd(segs.back(), f));
  if (const char* keep = std::getenv("CHAMBER_TEST_KEEP"))  // to look at the frame
    std::filesystem::copy_file(segs.back(), keep,
                               std::filesystem::copy_options::overwrite_existing);
  const Band sizes = findBand(probeFrame, 2);
  ASSERT_EQ(sizes.lines.size(), 2u) << "the name, then the item";
  const int name = sizes.lines[0].second - sizes.lines[0].first + 1;
  const int item = sizes.lines[1].second - sizes.lines[1].first + 1;
  EXPECT_GE(name * 100, item * 130) << "capitals " << name << " px against " << item << " px";

  const Band b = findBand(f, 2);
  ASSERT_GE(b.right, 0) << "no lower third on the picture";
  if (std::getenv("CHAMBER_TEST_SHOW"))
    std::printf("band x %d..%d, y %d..%d of %dx%d; capitals %d/%d px\n", b.left, b.right, b.top,
                b.bottom, f.width, f.height, name, item);
  // EBU R 95 title safe: 5 % in from every edge; and clear of a player's control bar.
  EXPECT_GE(b.left, f.width * 5 / 100);
  EXPECT_LE(b.right, f.width * 95 / 100) << "a long title is shortened, never cut at the edge";
  EXPECT_GE(b.top, f.height * 5 / 100);
  EXPECT_LE(b.bottom, f.height * 90 / 100);
  // Solid: text at a contrast of at least 4.5:1 against its band.
  const double ratio = (luminance(b.text) + 0.05) / (luminance(b.band) + 0.05);
  EXPECT_GE(ratio, 4.5) << "text " << b.text << ", band " << b.band;
  // Three lines at most — the name and two of the item: the band is no taller than the
  // probe's two lines and two more item lines (with their diacritics), however long the title.
  EXPECT_LE(b.bottom - b.top, (sizes.bottom - sizes.top) + 2 * (item * 2))
      << "two item lines at most";
  EXPECT_GT(b.bottom - b.top, (sizes.bottom - sizes.top) + item) << "the item takes a second line";
}

TEST(Pipeline, AClockCameraCarriesTheWallClockThroughTheEncoder) {
  // What the glass-to-glass benchmark reads in the browser: the wall clock on the picture.
  test::TempDir dir;
  const Hardware hw = parseHardware(R"(
    [output]
    width = 640
    height = 360
    fps = 15
    video_bitrate_kbps = 800
    [[camera]]
    id = "clock"
    pattern = "ball"
    clock = true
    overview = true
    [[microphone]]
    id = "chair"
  )");
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  ASSERT_EQ(p.start(false), "") << p.error();
  p.pollBus(2000);
  const auto after = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  p.stop();
  const auto segs = segments(dir.path / "rec");
  ASSERT_FALSE(segs.empty());
  test::Luma f;
  ASSERT_TRUE(test::lumaNearEnd(segs.back(), f));
  const std::int64_t code = clockcode::read(f.y.data(), f.width, f.width, f.height);
  ASSERT_GE(code, 0) << "no clock code on the frame";
  const auto low = [](std::int64_t ms) { return ms & 0xFFFFFFFF; };
  EXPECT_GE(code, low(before));
  EXPECT_LE(code, low(after)) << "the code is the time the frame was taken";
}

TEST(Pipeline, AfterKillDashNineTheRecordingPlaysAndAtMostAboutOneSecondIsLost) {
  test::TempDir dir;
  const auto toml = dir.path / "small.toml";
  std::ofstream(toml) << smallToml();
  // The real chamber-media process, killed with SIGKILL after 4 s of recording.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    execl(CHAMBER_MEDIA_BIN, CHAMBER_MEDIA_BIN, "--hardware", toml.c_str(), "--data",
          dir.path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(4000));
  ::kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "chamber-media exited by itself";
  const auto segs = segments(dir.path / "recordings");
  ASSERT_GE(segs.size(), 1u);
  double recorded = 0;
  for (const auto& seg : segs) {
    const auto pr = test::probe(seg);
    ASSERT_TRUE(pr.opened) << seg << " does not play";
    EXPECT_EQ(pr.videoStreams, 1) << seg;
    EXPECT_EQ(pr.audioStreams, 1) << seg;
    EXPECT_FALSE(pr.keyframes_s.empty()) << seg << " does not start with a keyframe";
    recorded += pr.duration_s() + 1.0 / 15;
  }
  // 4 s ran, minus start-up (~0.5 s); at most about 1 s may be lost at the end.
  EXPECT_GE(recorded, 4.0 - 0.7 - 1.0) << "recorded " << recorded << " s";
  std::printf("recorded %.2f s of ~4 s before kill -9\n", recorded);
}

TEST(Pipeline, ASilentMicrophoneIsReported) {
  test::TempDir dir;
  const Hardware hw = parseHardware(
      "[output]\nwidth=320\nheight=180\nfps=15\nvideo_bitrate_kbps=300\nsilence_report_s=1\n"
      "[[camera]]\nid='c'\n[[microphone]]\nid='chair'\nvolume=0.3\n[[microphone]]\nid='floor'"
      "\nvolume=0.0\n");
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  std::vector<std::string> reports;
  p.onState = [&](MediaState, const std::string& err, const std::string& detail) {
    if (err == "silence") reports.push_back(detail);
  };
  ASSERT_EQ(p.start(), "");
  p.pollBus(2500);
  p.stop();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].find("floor"), std::string::npos) << reports[0];
  EXPECT_EQ(reports[0].find("chair"), std::string::npos) << "the chair's microphone has sound";
}

TEST(Pipeline, AnUnwritableRecordingFolderIsAClearErrorNotACrash) {
  const Hardware hw = smallChamber();
  Pipeline p(hw, "/proc/chamber-recordings", "/tmp/chamber-live-unused");
  std::string reported;
  p.onState = [&](MediaState s, const std::string& err, const std::string& detail) {
    if (s == MediaState::Failed) reported = err + ": " + detail;
  };
  const std::string err = p.start();
  EXPECT_NE(err.find("/proc/chamber-recordings"), std::string::npos) << err;
  EXPECT_EQ(p.state(), MediaState::Failed);
  EXPECT_EQ(reported.rfind("storage:", 0), 0u) << reported;
  p.stop();  // harmless
}

TEST(Pipeline, WhenTheDiskFillsTheErrorIsStorageAndWhatWasWrittenStillPlays) {
  // A file-size limit (RLIMIT_FSIZE) makes writes past 150 KB fail as a full disk would:
  // the recording segment (one long one here) hits it after a few seconds.
  test::TempDir dir;
  const auto toml = dir.path / "small.toml";
  std::string t = smallToml();
  t.replace(t.find("segment_s = 2"), 13, "segment_s = 60");
  std::ofstream(toml) << t;
  const auto log = dir.path / "media.log";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const rlimit limit{150 * 1024, 150 * 1024};
    setrlimit(RLIMIT_FSIZE, &limit);
    signal(SIGXFSZ, SIG_IGN);  // a failing write, not a killed process
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    execl(CHAMBER_MEDIA_BIN, CHAMBER_MEDIA_BIN, "--hardware", toml.c_str(), "--data",
          dir.path.c_str(), "--duration", "15", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  std::ifstream lf(log);
  const std::string text((std::istreambuf_iterator<char>(lf)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("state failed (storage:"), std::string::npos) << text;
  if (std::getenv("CHAMBER_TEST_SHOW")) std::printf("%s", text.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1)
      << "a failed recording is a failing exit";
  const auto segs = segments(dir.path / "recordings");
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_LE(std::filesystem::file_size(segs[0]), 150u * 1024);
  const auto pr = test::probe(segs[0]);
  ASSERT_TRUE(pr.opened) << "what was written before the disk filled must play";
  EXPECT_EQ(pr.videoStreams, 1);
  EXPECT_GT(pr.duration_s(), 1.5) << "seconds recorded before the limit";
}

TEST(Pipeline, TheVideoBitrateIsConstantAsThePlatformsAsk) {
  // RULES.md: constant bitrate for the platforms. A still picture (a plain colour) is the
  // hard case: an encoder that only caps its rate sends almost nothing. Every whole second
  // must carry the target within ±10 %.
  test::TempDir dir;
  std::string t = smallToml();
  t.replace(t.find("segment_s = 2"), 13, "segment_s = 60");
  const Hardware hw = parseHardware(t);
  Pipeline p(hw, dir.path / "rec", dir.path / "live");
  ASSERT_EQ(p.start(), "");
  p.pollBus(9000);
  p.stop();
  const auto segs = segments(dir.path / "rec");
  ASSERT_EQ(segs.size(), 1u);
  const auto pr = test::probe(segs[0]);
  const auto kbps = pr.videoKbpsPerSecond();
  ASSERT_GE(kbps.size(), 6u);
  const double target = hw.output.videoBitrate_kbps;
  for (std::size_t i = 1; i < kbps.size(); ++i) {  // the first second fills the encoder's buffer
    EXPECT_NEAR(kbps[i], target, target * 0.10) << "second " << i;
    if (std::getenv("CHAMBER_TEST_SHOW")) std::printf("second %zu: %.1f kbps\n", i, kbps[i]);
  }
}
