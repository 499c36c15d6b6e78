#pragma once
/// The program pipeline (GStreamer): every camera into an input-selector, the lower third,
/// the microphones mixed with a level meter on each, ONE H.264 and ONE AAC encode fanned
/// out with tee to crash-safe recording segments (MPEG-TS, split at GOP boundaries without
/// holding a GOP back: every segment plays after a kill -9, < 1 s lost) and to HLS. Network branches never block the recording (leaky
/// queues). Runs on GStreamer's threads; bus messages are handled by pollBus()/the main
/// loop's bus watch on the process's main thread.
#include <gst/gst.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/Director.h"
#include "core/Hardware.h"

namespace chamber::media {

enum class MediaState { Idle = 1, Starting, Live, Reconnecting, Failed };
const char* stateName(MediaState s);

class Pipeline {
 public:
  Pipeline(const Hardware& hw, std::filesystem::path recordDir, std::filesystem::path hlsDir);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Builds and plays. Returns "" or a clear error (the state is then Failed).
  /// `publicOutputs` false (a closed sitting): the recording only, no HLS, no RTMP push.
  std::string start(bool publicOutputs = true);
  /// Sends EOS and waits (up to timeout_ms) for the files to be finished.
  void stop(int timeout_ms = 5000);
  /// Puts a shot on the program: the camera and the lower third.
  void show(const Shot& shot);
  /// Handles bus messages for up to timeout_ms (tests; the process uses a bus watch).
  void pollBus(int timeout_ms);

  MediaState state() const { return state_; }
  const std::string& error() const { return error_; }
  /// Wall-clock time (ms) when the recording started: sitting events map to
  /// positions in the recording as (event.ts - recordingStarted_ms).
  std::int64_t recordingStarted_ms() const { return recordingStarted_ms_; }
  /// The recording's file pattern (segments: %05d is the segment number).
  const std::string& recordingFile() const { return recordingFile_; }
  /// The pipeline description (for logs; never contains a stream key).
  const std::string& description() const { return description_; }

  /// Called on the main thread when the state changes.
  std::function<void(MediaState, const std::string& error, const std::string& detail)> onState;

  bool handle(GstMessage* msg);  ///< one bus message; false once the pipeline is done
  /// Re-attaches RTMP pushes whose backoff has run out. Main thread; call often.
  void tick();

 private:
  void setState(MediaState s, const std::string& error = {}, const std::string& detail = {});
  std::string build();

  /// One RTMP(S) destination: a branch of its own off the encoders' tees, torn down when
  /// it fails and re-attached with backoff, so it never blocks the recording.
  /// The FLV for a destination is made in the main pipeline and handed (appsink ->
  /// appsrc) to a small pipeline of its own that only sends it: that one can fail, be torn
  /// down and rebuilt with backoff while the main pipeline — and the recording — go on.
  struct Push {
    Destination dest;
    std::string url;
    GstElement* sink = nullptr;  ///< appsink in the main pipeline
    GstElement* out = nullptr;   ///< appsrc ! rtmp2sink
    GstElement* src = nullptr;
    std::mutex lock;             ///< streaming thread (new-sample) vs main thread
    bool waitKey = true;         ///< a new connection starts at a keyframe
    int attempt = 0;
    std::chrono::steady_clock::time_point retryAt{};
    bool failedForGood = false;
    bool connected = false;
  };
  std::vector<std::unique_ptr<Push>> pushes_;
  void attach(Push& p);
  void detach(Push& p);
  void updatePushState();
  void splitIfDue();
  GstClockTime nextSplit_ = 0;
  guint splits_ = 0;
  static GstFlowReturn onSample(GstElement* appsink, gpointer push);
  const Hardware& hw_;
  std::filesystem::path recordDir_, hlsDir_;
  GstElement* pipeline_ = nullptr;
  GstElement* selector_ = nullptr;
  GstElement* overlay_ = nullptr;
  std::map<std::string, int> cameraPad_;
  MediaState state_ = MediaState::Idle;
  std::string error_, description_;
  std::int64_t recordingStarted_ms_ = 0;
  std::string recordingFile_;
  bool publicOutputs_ = true;
  bool eos_ = false;
  std::map<std::string, std::chrono::steady_clock::time_point> lastSound_;
  std::map<std::string, bool> silent_;
};

}  // namespace chamber::media
