#pragma once
/// One real camera (an IP camera over RTSP, or V4L2) received by a small pipeline of its
/// own and handed to the program pipeline through an inter channel. The camera may drop
/// off the network, stop sending or refuse us: only this pipeline fails; it is torn down
/// and rebuilt with backoff until pictures come again, while the program — and the
/// recording — go on. The program is told once when the camera is lost and once when it is
/// back. Main thread, except the frame probe (the camera's streaming thread).
#include <gst/gst.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace chamber::media {

class CameraBranch {
 public:
  using Clock = std::chrono::steady_clock;
  /// No picture for this long from a camera that was sending: it is lost.
  static constexpr std::chrono::seconds kNoPicture{3};
  /// A camera that has not sent its first picture this long after we asked: lost.
  static constexpr std::chrono::seconds kStartup{6};

  /// `launch`: its receiving pipeline (core/PipelineDescription.h, describeCamera).
  CameraBranch(std::string id, std::string launch);
  ~CameraBranch();
  CameraBranch(const CameraBranch&) = delete;
  CameraBranch& operator=(const CameraBranch&) = delete;

  struct Change {
    bool up = false;
    std::string why;  ///< for a loss: what the camera's pipeline said
  };
  /// Reads the camera pipeline's messages and its pictures' arrival; rebuilds it when its
  /// retry is due. Returns a change of availability (lost / back), once each.
  std::optional<Change> poll(Clock::time_point now);

  const std::string& id() const { return id_; }
  bool up() const { return up_; }

 private:
  void attach(Clock::time_point now);
  void detach();
  std::string id_, launch_;
  GstElement* pipe_ = nullptr;
  std::atomic<Clock::rep> lastFrame_{0};  ///< steady-clock ticks of the last picture, 0: none
  bool up_ = false, reportedDown_ = false;
  int attempt_ = 0;
  Clock::time_point retryAt_{}, attachedAt_{};
};

}  // namespace chamber::media
