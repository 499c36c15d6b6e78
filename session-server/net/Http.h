#pragma once
// Internal to net/: the HTTP side — health, document upload and download (ETag, Range),
// the state as JSON. Static files (portal, live HLS) are lws mounts (Callbacks.cpp).
#include <libwebsockets.h>

namespace chamber::net {
int httpCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len);
}  // namespace chamber::net
