#pragma once
/// The small sending and receiving pipelines (PushBranch, CameraBranch) read their bus on the
/// main thread: every message is taken off (none piles up), and what matters is whether the
/// pipeline failed.
#include <gst/gst.h>

#include <string>

namespace chamber::media {

/// Empties `pipe`'s bus. Returns the first error's text, or `eosText` if the stream ended and
/// that counts as a failure (non-empty); "" when nothing went wrong.
inline std::string drainBus(GstElement* pipe, const std::string& eosText = {}) {
  std::string failed;
  GstBus* bus = gst_element_get_bus(pipe);
  while (GstMessage* m = gst_bus_pop(bus)) {
    if (failed.empty() && GST_MESSAGE_TYPE(m) == GST_MESSAGE_ERROR) {
      GError* e = nullptr;
      gst_message_parse_error(m, &e, nullptr);
      failed = e ? e->message : "error";
      g_clear_error(&e);
    } else if (failed.empty() && GST_MESSAGE_TYPE(m) == GST_MESSAGE_EOS) {
      failed = eosText;
    }
    gst_message_unref(m);
  }
  gst_object_unref(bus);
  return failed;
}

}  // namespace chamber::media
