#pragma once
/// One RTMP(S) destination. The FLV for it is made in the main pipeline (an appsink) and
/// handed to a small pipeline of its own (appsrc ! rtmp2sink) that only sends it: that one
/// can fail, be torn down and rebuilt with backoff while the main pipeline — and the
/// recording — go on. Main thread, except onSample (GStreamer's streaming thread).
#include <gst/gst.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "core/Hardware.h"

namespace chamber::media {

class PushBranch {
 public:
  static constexpr std::chrono::seconds kHealthy{10};

  /// `appsink`: the destination's appsink in the main pipeline (which keeps it alive).
  PushBranch(Destination dest, GstElement* appsink);
  ~PushBranch();
  PushBranch(const PushBranch&) = delete;
  PushBranch& operator=(const PushBranch&) = delete;

  /// Starts sending (a new connection starts at a keyframe).
  void attach();
  /// Stops sending and closes the connection.
  void detach();
  /// Closes the connection for good: never re-attached (the recording is stopping). The
  /// object stays until the main pipeline has stopped: its streaming thread may still be
  /// handing it a sample.
  void close() {
    closed_ = true;
    detach();
  }
  /// Reads the sending pipeline's messages; on an error detaches and schedules a retry
  /// with backoff. Returns the error, if one happened. Re-attaches when the retry is due.
  /// A connection that has held for kHealthy starts the backoff afresh.
  std::optional<std::string> poll(std::chrono::steady_clock::time_point now);

  const Destination& destination() const { return dest_; }
  /// The URL could not be made (no stream key…): never attached.
  bool failedForGood() const { return failedForGood_; }
  const std::string& failure() const { return failure_; }
  /// Attached (a sending pipeline exists), whether or not connected yet.
  bool attached() const { return out_ != nullptr; }

 private:
  static GstFlowReturn onSample(GstElement* appsink, gpointer self);
  Destination dest_;
  std::string url_;
  GstElement* out_ = nullptr;  ///< appsrc ! rtmp2sink
  GstElement* src_ = nullptr;
  std::mutex lock_;  ///< streaming thread (new-sample) vs main thread
  bool waitKey_ = true;
  int attempt_ = 0;
  std::chrono::steady_clock::time_point retryAt_{};
  std::chrono::steady_clock::time_point attachedAt_{};
  bool failedForGood_ = false;
  bool closed_ = false;
  std::string failure_;
};

}  // namespace chamber::media
