#pragma once
// Internal to net/: the HTTP side — health, document upload and download (ETag, Range),
// the state as JSON, the public API (PublicApi.cpp). Static files — the portal, the live
// HLS, the archive — are served by StaticFiles.cpp (not lws mounts: they lack Range and ETag).
#include <libwebsockets.h>

namespace chamber::net {
int httpCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len);
}  // namespace chamber::net
