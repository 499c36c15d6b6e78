#include "pipeline/CameraBranch.h"

#include "core/PipelineDescription.h"
#include "log/ChamberLog.h"
#include "pipeline/Bus.h"
#include "protocol/Reconnect.h"

namespace chamber::media {

CameraBranch::CameraBranch(std::string id, std::string launch)
    : id_(std::move(id)), launch_(std::move(launch)) {}

CameraBranch::~CameraBranch() {
  detach();
}

void CameraBranch::attach(Clock::time_point now) {
  GError* err = nullptr;
  GstElement* pipe = gst_parse_launch(launch_.c_str(), &err);
  attachedAt_ = now;
  lastFrame_ = 0;
  if (err) {
    log::get("media")->warn("camera {}: {}", id_, err->message);
    g_error_free(err);
    if (pipe) gst_object_unref(pipe);
    retryAt_ = now + kStartup;  // poll() finds no picture: lost after kStartup, then retried
    return;
  }
  // Every picture handed to the program marks the camera alive.
  GstElement* sink = gst_bin_get_by_name(GST_BIN(pipe), element::kCameraSink);
  if (GstPad* pad = sink ? gst_element_get_static_pad(sink, "sink") : nullptr) {
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad*, GstPadProbeInfo*, gpointer self) {
          static_cast<CameraBranch*>(self)->lastFrame_ = Clock::now().time_since_epoch().count();
          return GST_PAD_PROBE_OK;
        },
        this, nullptr);
    gst_object_unref(pad);
  }
  if (sink) gst_object_unref(sink);
  gst_element_set_state(pipe, GST_STATE_PLAYING);
  pipe_ = pipe;
}

void CameraBranch::detach() {
  if (!pipe_) return;
  gst_element_set_state(pipe_, GST_STATE_NULL);  // joins its threads: no probe runs after
  gst_object_unref(pipe_);
  pipe_ = nullptr;
  lastFrame_ = 0;  // pictures from before do not count for the next pipeline
}

std::optional<CameraBranch::Change> CameraBranch::poll(Clock::time_point now) {
  if (!pipe_ && now >= retryAt_) attach(now);
  std::string failed = pipe_ ? drainBus(pipe_, "the camera ended its stream") : "";
  const Clock::rep last = lastFrame_.load();
  const bool fresh =
      pipe_ && last != 0 && now - Clock::time_point(Clock::duration(last)) < kNoPicture;
  if (failed.empty() && fresh) {
    attempt_ = 0;
    const bool wasDown = reportedDown_;
    up_ = true;
    reportedDown_ = false;
    if (wasDown) {
      log::get("media")->info("camera {} is back", id_);
      return Change{true, {}};
    }
    return std::nullopt;
  }
  if (failed.empty() && last != 0) failed = "no picture for 3 s";
  if (failed.empty() && now - attachedAt_ >= kStartup)
    failed = pipe_ ? "no picture since it was asked for" : "its pipeline cannot be made";
  if (failed.empty()) return std::nullopt;  // still starting
  // Lost: rebuilt after a backoff (0.5 s doubling to 5 s), for as long as it takes.
  detach();
  up_ = false;
  const auto delay =
      protocol::reconnectDelay_ms(protocol::kServerReconnect, attempt_++, g_random_double());
  retryAt_ = now + std::chrono::milliseconds(delay.value_or(5000));
  attachedAt_ = retryAt_;
  if (reportedDown_) return std::nullopt;  // said once
  reportedDown_ = true;
  log::get("media")->warn("camera {} lost: {}", id_, failed);
  return Change{false, failed};
}

}  // namespace chamber::media
