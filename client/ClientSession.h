#pragma once
/// One peer's session with the session server, done once for every C++ peer: connect, hello,
/// sign in, resume from the last event seen, and after any drop reconnect with the protocol's
/// backoff (protocol/Reconnect.h) and resume where it stopped — no event missed, none twice.
/// Runs on the thread that services its ClientLoop; call poll() after each service().
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "WsClient.h"
#include "protocol/Client.h"
#include "protocol/Reconnect.h"

namespace chamber::client {

struct Credentials {
  enum class Method { Password, Pin, Token, Public } method = Method::Public;
  std::string user, password;  ///< Password
  int seat = 0;                ///< Pin, with `password` holding the PIN
  std::string token;           ///< Token
  std::string device;          ///< asks for a device token (Pin, Password)
};

struct SessionOptions {
  std::string url;     ///< ws://host:port or wss://host:port
  std::string client;  ///< "chamber-media/0.1", sent in hello
  Credentials credentials;
  protocol::ReconnectPolicy reconnect = protocol::kServerReconnect;

  /// A service account signing in with a password (chamber-media, chamber-archive).
  static SessionOptions withPassword(std::string url, std::string client, std::string user,
                                     std::string password) {
    SessionOptions o;
    o.url = std::move(url);
    o.client = std::move(client);
    o.credentials.method = Credentials::Method::Password;
    o.credentials.user = std::move(user);
    o.credentials.password = std::move(password);
    return o;
  }
};

class ClientSession {
 public:
  /// Throws std::invalid_argument if the url is not ws(s)://host:port.
  ClientSession(ClientLoop& loop, SessionOptions options);
  ClientSession(const ClientSession&) = delete;
  ClientSession& operator=(const ClientSession&) = delete;

  /// Connects (again, when it is time). Call after every loop.service().
  void poll();

  /// Sends a command with a fresh id; its reply comes to onReply. Returns the id, or "" if
  /// not connected (nothing is queued for later: a command is decided now or not at all).
  std::string send(const core::Command& c);
  /// Sends any prepared message (a query) when connected; false if not.
  bool sendRaw(const protocol::json& message);

  /// Every event once, in seq order, including those replayed on resume.
  std::function<void(const protocol::EventEnvelope&)> onEvent;
  /// Replies (ok, error) to this session's commands.
  std::function<void(const protocol::ServerMessage&)> onReply;
  /// Connected and signed in (each time); the resume has been sent.
  std::function<void()> onConnected;
  /// Every event up to the server's head at resume time has arrived (each time).
  std::function<void()> onCaughtUp;
  /// Sign-in was refused (auth_failed, throttled…): the session stops trying.
  std::function<void(const std::string& code, const std::string& message)> onRefused;
  /// Lines worth a log: "reconnecting (attempt 3)", "connected again".
  std::function<void(const std::string&)> onLog;

  bool connected() const { return ws_ && ws_->isOpen() && signedIn_; }
  bool caughtUp() const { return caughtUp_; }
  bool refused() const { return refused_; }
  std::int64_t lastSeq() const { return lastSeq_; }
  int attempts() const { return attempt_; }

 private:
  void connect();
  void onMessage(const std::string& text);
  std::string nextId(const char* what);

  ClientLoop& loop_;
  SessionOptions opt_;
  std::string host_;
  int port_ = 0;
  bool tls_ = false;
  Client* ws_ = nullptr;
  bool signedIn_ = false, caughtUp_ = false, refused_ = false, everConnected_ = false;
  std::int64_t lastSeq_ = 0;
  int attempt_ = 0;
  std::uint64_t counter_ = 0;
  std::string prefix_;
  std::string authId_, resumeId_;
  std::chrono::steady_clock::time_point nextConnect_{};
  std::mt19937 rng_{std::random_device{}()};
};

}  // namespace chamber::client
