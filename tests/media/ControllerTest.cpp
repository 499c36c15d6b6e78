// The media process's decisions without GStreamer: what pipeline a chamber gets, what an
// error means, when a microphone is silent, when to record and what may leave the building.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/LevelMonitor.h"
#include "core/MediaController.h"
#include "core/PipelineDescription.h"

using namespace chamber::media;
namespace core = chamber::core;

namespace {
const Hardware& conMinh() {
  static const Hardware hw = loadHardware(std::string(HARDWARE_DIR) + "/con-minh.toml");
  return hw;
}
bool has(const std::string& s, const std::string& what) {
  return s.find(what) != std::string::npos;
}
}  // namespace

TEST(PipelineDescription, APublicSittingGoesToTheRecordingHlsAndEveryDestination) {
  const Hardware& hw = conMinh();
  const auto spec = describePipeline(hw, "/rec", "/live", true, 1796000000000, false);
  EXPECT_EQ(spec.recordingFile, "recording-1796000000000-%05d.ts");
  EXPECT_TRUE(has(spec.launch, "location=\"/rec/recording-1796000000000-%05d.ts\""));
  EXPECT_TRUE(has(spec.launch, "multifilesink name=hls "));
  EXPECT_TRUE(has(spec.launch, "x264enc") && has(spec.launch, "pass=cbr"))
      << "constant bitrate for the platforms";
  for (std::size_t i = 0; i < hw.destinations.size(); ++i)
    EXPECT_TRUE(has(spec.launch, "appsink name=push" + std::to_string(i)));
  EXPECT_EQ(spec.switching, hw.cameras.size() > 1);
  EXPECT_EQ(spec.cameraPad.size(), hw.cameras.size());
  for (const auto& m : hw.microphones) EXPECT_TRUE(has(spec.launch, "level name=level_" + m.id));
}

TEST(PipelineDescription, AClosedSittingIsRecordedAndNothingLeavesTheBuilding) {
  const auto spec = describePipeline(conMinh(), "/rec", "/live", false, 1, false);
  EXPECT_TRUE(has(spec.launch, "multifilesink name=recfile"));
  EXPECT_FALSE(has(spec.launch, "name=hls "));
  EXPECT_FALSE(has(spec.launch, "appsink"));
  EXPECT_FALSE(has(spec.launch, "flvmux"));
  EXPECT_FALSE(has(spec.launch, "/live"));
}

TEST(PipelineDescription, OneCameraAndOneMicrophoneNeedNoCompositorOrMixer) {
  Hardware hw = conMinh();
  hw.cameras.resize(1);
  hw.microphones.resize(1);
  const auto spec = describePipeline(hw, "/rec", "/live", true, 1, true);
  EXPECT_FALSE(spec.switching);
  EXPECT_FALSE(has(spec.launch, "compositor"));
  EXPECT_FALSE(has(spec.launch, "audiomixer"));
  EXPECT_TRUE(has(spec.launch, "vaapih264enc"));
}

TEST(PipelineDescription, ErrorsOfTheWritersAreStorageTheRestThePipelines) {
  for (const char* s : {"recfile", "recmux", "hls", "hlsmux", "multifilesink0", "filesink1"})
    EXPECT_EQ(classifyError(s), "storage") << s;
  for (const char* s :
       {"videotestsrc0", "encoder", "level_chair", "alsasrc0", "v4l2src0", "uridecodebin0"})
    EXPECT_EQ(classifyError(s), "pipeline") << s;
}

TEST(LevelMonitor, SilentAfterTheDelayAndSoundClearsIt) {
  using namespace std::chrono_literals;
  LevelMonitor m(10s);
  const auto t0 = LevelMonitor::Clock::time_point{} + 1h;
  m.reset({"chair", "floor"}, t0);
  EXPECT_FALSE(m.reading("floor", -90, t0 + 9s));
  const auto silent = m.reading("floor", -90, t0 + 11s);
  ASSERT_TRUE(silent);
  EXPECT_EQ(silent->microphone, "floor");
  EXPECT_TRUE(silent->silent);
  EXPECT_FALSE(m.reading("floor", -90, t0 + 12s)) << "said once";
  EXPECT_FALSE(m.reading("chair", -20, t0 + 11s)) << "a microphone with sound is not silent";
  const auto back = m.reading("floor", -30, t0 + 13s);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->silent);
}

TEST(MediaController, RecordsFromOpeningToClosingAndObeysTheChair) {
  MediaController c(false);
  EXPECT_EQ(c.next(false), MediaController::Action::None) << "nothing before a sitting opens";
  core::SittingCreated created;
  created.number = 1;
  c.onEvent(1, created);
  EXPECT_EQ(c.next(false), MediaController::Action::None);
  c.onEvent(1, core::SittingOpened{});
  EXPECT_EQ(c.next(false), MediaController::Action::Start);
  EXPECT_TRUE(c.publicOutputs());
  c.onEvent(1, core::RecordingControlled{false});
  EXPECT_EQ(c.next(true), MediaController::Action::Stop);
  c.onEvent(1, core::RecordingControlled{true});
  EXPECT_EQ(c.next(false), MediaController::Action::Start);
  c.onEvent(1, core::SittingClosed{});
  EXPECT_EQ(c.next(true), MediaController::Action::Stop);
  EXPECT_EQ(MediaController(true).next(false), MediaController::Action::Start)
      << "without a server: at once";
}

TEST(MediaController, AClosedSittingIsForTheArchiveOnlyOrNotAtAll) {
  MediaController c(false);
  core::SittingCreated closed;
  closed.number = 2;
  closed.isPublic = false;
  c.onEvent(2, closed);
  c.onEvent(2, core::SittingOpened{});
  EXPECT_EQ(c.next(false), MediaController::Action::Start);
  EXPECT_FALSE(c.publicOutputs()) << "no HLS, no push";
  MediaController never(false);
  closed.rules.recordClosedSittings = false;
  never.onEvent(3, closed);
  never.onEvent(3, core::SittingOpened{});
  EXPECT_EQ(never.next(false), MediaController::Action::None);
  never.onEvent(3, core::RecordingControlled{true});
  EXPECT_EQ(never.next(false), MediaController::Action::None)
      << "the chair cannot override the rule";
}

TEST(PipelineDescription, ARealCameraIsReceivedApartAndHandedOverThroughAChannel) {
  const Hardware hw = parseHardware(R"(
    [[camera]]
    id = "overview"
    overview = true
    [[camera]]
    id = "ptz-left"
    kind = "rtsp"
    url = "rtsp://10.0.0.21/stream1"
    [[camera]]
    id = "desk"
    kind = "v4l2"
    device = "/dev/video0"
    [[microphone]]
    id = "chair"
  )");
  const auto spec = describePipeline(hw, "/rec", "/live", true, 1, false);
  ASSERT_EQ(spec.cameraBranches.size(), 2u) << "the test source stays in the program";
  const std::string& ip = spec.cameraBranches.at("ptz-left");
  EXPECT_TRUE(has(ip, "rtspsrc location=\"rtsp://10.0.0.21/stream1\" protocols=tcp"));
  EXPECT_TRUE(has(ip, "intervideosink name=camera channel=\"chamber-camera-ptz-left\""));
  EXPECT_TRUE(has(ip, "width=1280,height=720")) << "scaled to the program before the channel";
  EXPECT_TRUE(has(spec.cameraBranches.at("desk"), "v4l2src device=\"/dev/video0\""));
  EXPECT_TRUE(has(spec.launch, "intervideosrc channel=\"chamber-camera-ptz-left\""));
  EXPECT_FALSE(has(spec.launch, "rtspsrc")) << "a lost camera never fails the program";
  EXPECT_FALSE(has(spec.launch, "v4l2src"));
}

TEST(PipelineDescription, TheWebRtcViewSendsTheSameH264AndOpusOnlyForAPublicSitting) {
  const Hardware hw = parseHardware(R"(
    [webrtc]
    video_port = 5404
    audio_port = 5402
    [[camera]]
    id = "overview"
    [[microphone]]
    id = "chair"
  )");
  const auto open = describePipeline(hw, "/rec", "/live", true, 1, false);
  EXPECT_TRUE(has(open.launch, "rtph264pay name=webrtcpay pt=96"));
  EXPECT_TRUE(has(open.launch, "port=5404")) << open.launch;
  EXPECT_TRUE(has(open.launch, "opusenc") && has(open.launch, "port=5402"));
  std::size_t encoders = 0;
  for (auto at = open.launch.find("x264enc"); at != std::string::npos;
       at = open.launch.find("x264enc", at + 1))
    ++encoders;
  EXPECT_EQ(encoders, 1u) << "one video encode for every output";
  const auto closed = describePipeline(hw, "/rec", "/live", false, 1, false);
  EXPECT_FALSE(has(closed.launch, "rtph264pay")) << "nothing of a closed sitting leaves";
  EXPECT_FALSE(has(closed.launch, "opusenc"));
  EXPECT_THROW(parseHardware("[webrtc]\nvideo_port = 5404\n[[camera]]\nid='a'\n"), HardwareError);
}
