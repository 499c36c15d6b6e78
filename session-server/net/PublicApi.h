#pragma once
// Internal to net/: the public, read-only API the portal and open-data users read —
// sittings with their agenda, attendance, votes and archive; published documents; open
// data tables as JSON and CSV; the archive's files (with Range, for seeking).
#include <libwebsockets.h>

#include <optional>
#include <string>

namespace chamber::net {

class ServerImpl;
struct HttpRequest;

/// Answers a GET/HEAD for `uri` if it is one of the public endpoints; nullopt otherwise.
std::optional<int> publicApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri);

}  // namespace chamber::net
