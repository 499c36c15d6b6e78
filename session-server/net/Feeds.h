#pragma once
// Internal to net/: what a citizen's phone can subscribe to — Atom feeds (sittings, published
// documents; a petition's steps in PetitionsApi.cpp) and a sitting's calendar file (ICS).
#include <libwebsockets.h>

#include <cstdint>
#include <optional>
#include <string>

namespace chamber::net {

class ServerImpl;
struct HttpRequest;

std::string xmlEscape(const std::string& s);
/// "2026-12-10T00:30:00Z"
std::string isoTime(std::int64_t ms);

/// GET /api/feeds/sittings.atom, /api/feeds/publications.atom, /api/sittings/<id>.ics;
/// nullopt for any other path.
std::optional<int> feeds(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri);

}  // namespace chamber::net
