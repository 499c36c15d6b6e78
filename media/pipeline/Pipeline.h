#pragma once
/// Plays the program pipeline described by core/PipelineDescription.h (cameras, lower
/// third, microphones, one encode fanned out to the recording, HLS and the pushes) and
/// carries out what the chamber asks: the shot on the program, segment splits at GOP
/// boundaries, the RTMP branches (PushBranch.h), silent microphones (core/LevelMonitor.h).
/// Network branches never block the recording (leaky queues). GStreamer's threads run the
/// media; bus messages are handled by pollBus() on the process's main thread.
#include <gst/gst.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/Director.h"
#include "core/Hardware.h"
#include "core/LevelMonitor.h"
#include "core/LivePlaylist.h"
#include "core/PipelineDescription.h"
#include "pipeline/CameraBranch.h"
#include "pipeline/PushBranch.h"

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
  /// Closes the pushes, sends EOS and waits (up to timeout_ms) for the files to be
  /// finished, then releases the run: start() may be called again (the chair's recording
  /// off/on, the next sitting).
  void stop(int timeout_ms = 5000);
  /// The sitting closed: the live playlist ends (`#EXT-X-ENDLIST`). A pause of the
  /// recording never ends it: players wait for the stream to come back.
  void endLive() { live_.end(); }
  const LivePlaylist& live() const { return live_; }
  /// Puts a shot on the program: the camera and the lower third. A camera that is lost is
  /// replaced by the overview (or another camera that has a picture) until it is back.

  void show(const Shot& shot);
  /// Handles bus messages for up to timeout_ms (tests; the process uses a bus watch).
  void pollBus(int timeout_ms);

  MediaState state() const { return state_; }
  const std::string& error() const { return error_; }
  /// Wall-clock time (ms) when the recording started: sitting events map to
  /// positions in the recording as (event.ts - recordingStarted_ms).
  std::int64_t recordingStarted_ms() const { return recordingStarted_ms_; }
  /// Seconds since the running recording started (0 when none runs).
  double recordingSeconds() const;
  /// The recording's file pattern (segments: %05d is the segment number).
  const std::string& recordingFile() const { return recordingFile_; }
  /// The pipeline description (for logs; never contains a stream key).
  const std::string& description() const { return description_; }

  /// Called on the main thread when the state changes.
  std::function<void(MediaState, const std::string& error, const std::string& detail)> onState;

  bool handle(GstMessage* msg);  ///< one bus message; false once the pipeline is done
  /// Splits a recording segment when due; reads the pushes' buses, re-attaches those whose
  /// backoff has run out. Main thread; call often.
  void tick();

 private:
  void setState(MediaState s, const std::string& error = {}, const std::string& detail = {});
  std::vector<std::unique_ptr<PushBranch>> pushes_;
  std::vector<std::unique_ptr<CameraBranch>> cameras_;  ///< real cameras' receiving pipelines
  std::set<std::string> camerasDown_;
  Shot lastShot_;
  /// The camera to put on the program for `wanted`: itself, or one with a picture.
  std::string availableCamera(const std::string& wanted) const;
  void pollCameras(std::chrono::steady_clock::time_point now);
  void updatePushState();
  /// Releases everything of the current run (pushes, the pipeline); start() may run again.
  void release();
  void splitIfDue();
  /// The live writer closed a segment (its bus message): into the playlist.
  void liveSegmentClosed(const GstStructure* s);
  /// Paints the wall clock on a clock-coded test camera's frames (core/ClockCode.h).
  void paintClock(const std::string& camera);
  /// Wall-clock ms of a pipeline running time.
  std::int64_t wallAt(GstClockTime running) const;
  std::atomic<GstClockTime> liveFirstPts_{GST_CLOCK_TIME_NONE};
  GstClockTime liveSegmentStart_ = GST_CLOCK_TIME_NONE;
  GstClockTime nextSplit_ = 0;
  guint splits_ = 0;
  const Hardware& hw_;
  std::filesystem::path recordDir_, hlsDir_;
  LivePlaylist live_;
  GstElement* pipeline_ = nullptr;
  GstElement* selector_ = nullptr;
  GstElement* overlay_ = nullptr;
  PipelineSpec spec_;
  MediaState state_ = MediaState::Idle;
  std::string error_, description_;
  std::int64_t recordingStarted_ms_ = 0;
  std::string recordingFile_;
  bool publicOutputs_ = true;
  bool eos_ = false;
  LevelMonitor levels_{std::chrono::seconds(hw_.output.silenceReport_s)};
};

}  // namespace chamber::media
