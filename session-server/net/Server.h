#pragma once
/// The session server's network side: libwebsockets serving WebSocket (chamber.v1) and
/// HTTP on one port. One event-loop thread owns all state: lws callbacks decode, call the
/// core, and queue replies; the loop commits each turn's events in one transaction (group
/// commit) and only then releases replies and broadcasts. stop() is the one function
/// another thread may call.
#include <atomic>
#include <memory>

#include "net/Config.h"

namespace chamber::net {

class ServerImpl;

class Server {
 public:
  /// Opens the store, rebuilds the state, starts listening. Throws on failure.
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The port actually listened on.
  int port() const;
  /// Runs the event loop until stop(). Event-loop thread.
  void run();
  /// Any thread, or a signal handler: the loop ends after its current turn.
  void stop();

 private:
  std::unique_ptr<ServerImpl> impl_;
};

}  // namespace chamber::net
