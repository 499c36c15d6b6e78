#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/Throttle.h"
#include "net/PetitionGuard.h"

namespace chamber::net {

/// Everything the server is told at start (chamber-server --help lists the flags).
struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: any free port (see Server::port())
  std::filesystem::path dataDir = "data";
  std::filesystem::path portalDir;   ///< static files served at /
  std::filesystem::path hlsDir;      ///< live HLS served at /live/
  std::filesystem::path archiveDir;  ///< chamber-archive's output served at /archive/
  /// The live view's WebRTC signalling (Janus's REST API, deploy/janus/): "/janus" behind
  /// nginx, or an absolute http(s)://host:port/janus (its origin is then allowed by the
  /// pages' Content-Security-Policy). Empty: HLS only.
  std::string webrtcUrl;
  std::string tlsCert, tlsKey;                ///< both set: HTTPS and WSS only
  std::size_t maxFrameBytes = 64 * 1024;      ///< a larger WebSocket message closes the connection
  double messagesPerSecond = 20;              ///< per connection, sustained
  double messageBurst = 60;                   ///< per connection, at once
  std::size_t maxOutboxMessages = 20000;      ///< a client this far behind is disconnected
  std::int64_t maxUploadBytes = 200LL << 20;  ///< documents
  core::ThrottleRule accountThrottle;         ///< per seat / user name
  core::ThrottleRule sourceThrottle{20, 1000, 5 * 60 * 1000, 60 * 60 * 1000,
                                    10000};             ///< per address
  int signInThreads = 1;                                ///< PBKDF2 checks off the event loop
  std::size_t maxPendingSignIns = 32;                   ///< more waiting: "busy, try again"
  std::int64_t tokenLifetime_ms = 30LL * 86400 * 1000;  ///< device tokens
  PetitionLimits petitions;                             ///< the portal's petition form
  /// Requests from 127.0.0.1 come from the shipped nginx site: the sender's address is its
  /// X-Real-IP (the per-address limits count that).
  bool trustProxy = false;
  /// The council this server serves, as its portal, feeds and reports name it
  /// ("Hội đồng nhân dân xã Côn Minh", "Côn Minh Commune People's Council"). Empty: the
  /// current sitting's issuer (its rules' `council`), else "Hội đồng nhân dân".
  std::string council, councilEn;
};

}  // namespace chamber::net
