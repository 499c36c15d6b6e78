#include "pipeline/PushBranch.h"

#include <gst/app/gstappsrc.h>

#include "log/ChamberLog.h"
#include "pipeline/Bus.h"
#include "protocol/Reconnect.h"

namespace chamber::media {

PushBranch::PushBranch(Destination dest, GstElement* appsink) : dest_(std::move(dest)) {
  g_signal_connect(appsink, "new-sample", G_CALLBACK(&PushBranch::onSample), this);
  try {
    url_ = destinationUrl(dest_);
  } catch (const std::exception& e) {
    failedForGood_ = true;
    failure_ = e.what();
  }
}

PushBranch::~PushBranch() {
  detach();
}

GstFlowReturn PushBranch::onSample(GstElement* appsink, gpointer self) {
  // Streaming thread of the main pipeline: hand the FLV on, or drop it while there is no
  // connection. Never blocks.
  auto* p = static_cast<PushBranch*>(self);
  GstSample* sample = nullptr;
  g_signal_emit_by_name(appsink, "pull-sample", &sample);
  if (!sample) return GST_FLOW_OK;
  std::lock_guard<std::mutex> guard(p->lock_);
  GstBuffer* buf = gst_sample_get_buffer(sample);
  if (p->src_ && buf) {
    const bool key = !GST_BUFFER_FLAG_IS_SET(buf, GST_BUFFER_FLAG_DELTA_UNIT);
    if (p->waitKey_ && key) {
      p->waitKey_ = false;
      gst_app_src_set_caps(GST_APP_SRC(p->src_), gst_sample_get_caps(sample));  // FLV headers
    }
    if (!p->waitKey_) {
      GstBuffer* copy = gst_buffer_copy(buf);
      GST_BUFFER_PTS(copy) = GST_BUFFER_DTS(copy) = GST_CLOCK_TIME_NONE;  // FLV tags carry the time
      gst_app_src_push_buffer(GST_APP_SRC(p->src_), copy);
    }
  }
  gst_sample_unref(sample);
  return GST_FLOW_OK;
}

void PushBranch::attach() {
  if (failedForGood_ || out_) return;
  const std::string desc =
      "appsrc name=src is-live=true format=bytes max-bytes=4000000 block=false ! "
      "rtmp2sink name=sink sync=false async-connect=true location=\"" +
      url_ + "\"";
  GError* err = nullptr;
  GstElement* out = gst_parse_launch(desc.c_str(), &err);
  if (err) {
    failure_ = redactUrl(err->message);
    g_error_free(err);
    if (out) gst_object_unref(out);
    failedForGood_ = true;
    return;
  }
  GstElement* src = gst_bin_get_by_name(GST_BIN(out), "src");
  gst_element_set_state(out, GST_STATE_PLAYING);
  std::lock_guard<std::mutex> guard(lock_);
  out_ = out;
  src_ = src;
  waitKey_ = true;
  attachedAt_ = std::chrono::steady_clock::now();
  log::get("media")->info("pushing to {}", redactUrl(url_));  // never the key
}

void PushBranch::detach() {
  GstElement* out = nullptr;
  GstElement* src = nullptr;
  {
    std::lock_guard<std::mutex> guard(lock_);
    std::swap(out, out_);
    std::swap(src, src_);
  }
  if (src) gst_object_unref(src);
  if (out) {
    gst_element_set_state(out, GST_STATE_NULL);
    gst_object_unref(out);
  }
}

std::optional<std::string> PushBranch::poll(std::chrono::steady_clock::time_point now) {
  if (!out_) {
    if (!failedForGood_ && !closed_ && now >= retryAt_) attach();
    return std::nullopt;
  }
  std::optional<std::string> failed;
  if (auto why = drainBus(out_); !why.empty()) failed = why;  // only an error matters here
  if (!failed && attempt_ > 0 && now - attachedAt_ >= kHealthy) attempt_ = 0;  // it holds
  if (failed) {
    // The stream server dropped or refused us: only this destination waits and retries.
    detach();
    const auto delay =
        protocol::reconnectDelay_ms(protocol::ReconnectPolicy{}, attempt_++, g_random_double());
    retryAt_ = now + std::chrono::milliseconds(delay.value_or(30000));
  }
  return failed;
}

}  // namespace chamber::media
