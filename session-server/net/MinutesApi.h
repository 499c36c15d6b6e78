#pragma once
// Internal to net/: the minutes over HTTP for those who keep them (MinutesApi.cpp).
#include <libwebsockets.h>

#include <optional>
#include <string>

namespace chamber::net {

class ServerImpl;
struct HttpRequest;

/// Answers a request under /api/minutes/, or starts reading a text to save (a POST); nullopt
/// for any other path.
std::optional<int> minutesApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri,
                              bool post);
/// A text to save has arrived: minutes.save, as over the WebSocket.
int minutesBody(ServerImpl& s, lws* wsi, HttpRequest& r);

}  // namespace chamber::net
