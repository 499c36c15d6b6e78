#pragma once
/// The program pipeline as a description (a gst-launch string), built from the chamber's
/// hardware file alone: every camera into a compositor (one camera: none), the lower third,
/// the microphones mixed with a level meter each, ONE H.264 and ONE AAC encode fanned out
/// with tee to crash-safe recording segments (MPEG-TS), to HLS and to one FLV per RTMP
/// destination. Pure — no GStreamer — so what a chamber would run is tested without running
/// it; media/pipeline/Pipeline.cpp plays it. The element names it gives are the ones the
/// error classifier and the pipeline look up: they are defined here once.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "core/Hardware.h"

namespace chamber::media {

namespace element {
inline constexpr const char* kCompositor = "sel";
inline constexpr const char* kLowerThird = "lowerthird";
inline constexpr const char* kEncoder = "encoder";
inline constexpr const char* kRecordingMux = "recmux";
inline constexpr const char* kRecordingFile = "recfile";
inline constexpr const char* kHls = "hls";  ///< the live segments' writer
inline constexpr const char* kHlsMux = "hlsmux";
inline constexpr const char* kLevelPrefix = "level_";  ///< + microphone id
inline constexpr const char* kPushPrefix = "push";     ///< + destination index (appsink)
inline constexpr const char* kCameraChannelPrefix = "chamber-camera-";  ///< + camera id
inline constexpr const char* kCameraSink = "camera";      ///< in a camera's own pipeline
inline constexpr const char* kWebRtcVideo = "webrtcpay";  ///< the RTP payloader for Janus
inline constexpr const char* kClockPrefix = "clock_";  ///< + camera id: a clock-coded test camera
}  // namespace element

/// Where and how large the lower third is drawn, from the output size: inside the title-safe
/// area of EBU R 95 (5 % of the width and height on every side) and clear of a web player's
/// control bar (12 % from the bottom). textoverlay scales its font with the picture, so the
/// size is a constant 12 pt (about 2.8 % of the height for the item, 1.44× that for the
/// name) and so is the line: DejaVu Sans averages 1.03 × pt × width/960 px per character of
/// Vietnamese text (measured on frames at 960 and 1280 wide); 1.1 is taken.
struct LowerThirdLayout {
  int fontPt = 12, xpad = 77, ypad = 87, charsPerLine = 59;
};
LowerThirdLayout lowerThirdLayout(const Output& o);

struct PipelineSpec {
  std::string launch;                    ///< for gst_parse_launch; never holds a stream key
  std::map<std::string, int> cameraPad;  ///< camera id -> compositor sink pad index
  /// camera id -> the description of its own receiving pipeline (IP and V4L2 cameras)
  std::map<std::string, std::string> cameraBranches;
  std::string recordingFile;  ///< "recording-<ms>-%05d.ts"
  std::string liveFile;       ///< "live-<ms>-%05d.ts" (HLS segments)
  bool switching = false;     ///< several cameras: a compositor
  bool publicOutputs = true;  ///< HLS and the pushes are in it
  LowerThirdLayout lowerThird;
};

/// `publicOutputs` false (a closed sitting): the recording only — nothing leaves the building.
/// `startedMs` names the recording; `hardwareEncoder`: vaapih264enc instead of x264.
PipelineSpec describePipeline(const Hardware& hw, const std::filesystem::path& recordDir,
                              const std::filesystem::path& hlsDir, bool publicOutputs,
                              std::int64_t startedMs, bool hardwareEncoder);

/// The receiving pipeline of a real camera (RTSP or V4L2): decoded and scaled to the
/// program's `caps`, into the inter channel `channel` the program pipeline reads.
std::string describeCamera(const Camera& c, const std::string& caps, const std::string& channel);

/// What an error posted by element `source` means for the chair: "storage" (the recording
/// or HLS writer: a disk problem) or "pipeline" (a camera, a microphone, an encoder).
std::string classifyError(const std::string& source);

}  // namespace chamber::media
