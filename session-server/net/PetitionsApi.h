#pragma once
// Internal to net/: citizens' petitions over HTTP (PetitionsApi.cpp says what is where).
#include <libwebsockets.h>

#include <optional>
#include <string>

namespace chamber::net {

class ServerImpl;
struct HttpRequest;

/// Answers a request under /api/petitions, or starts reading its body (a POST); nullopt for
/// any other path.
std::optional<int> petitionsApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri,
                                bool post);
/// A petition's or an import's body has arrived.
int petitionsBody(ServerImpl& s, lws* wsi, HttpRequest& r);

}  // namespace chamber::net
