#pragma once
/// A single-threaded libwebsockets client for many connections at once: the tests, the
/// load generator, chamber-media and chamber-archive speak chamber.v1 through it (most of
/// them through a ClientSession, which signs in, resumes and reconnects).
/// Everything runs on the thread that calls ClientLoop::service/runUntil.
#include <libwebsockets.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chamber::client {

class ClientLoop;

class Client {
 public:
  /// Queues a text message (sent when the socket is writable).
  void send(std::string text);
  /// Closes after what is queued.
  void close();

  bool isOpen() const { return open_; }
  bool isClosed() const { return closed_; }
  bool failed() const { return failed_; }
  std::size_t queued() const { return outbox_.size(); }
  const std::string& error() const { return error_; }
  /// The status of the server's close frame (1008 …); 0 if it closed without one (1006).
  int closeCode() const { return closeCode_; }

  /// Called with every whole message; without it messages collect in `inbox`.
  std::function<void(const std::string&)> onMessage;
  std::function<void()> onOpen;
  std::function<void()> onClose;
  std::deque<std::string> inbox;
  std::uint64_t tag = 0;  ///< free for the owner

 private:
  friend class ClientLoop;
  friend int clientCallback(lws*, lws_callback_reasons, void*, void*, size_t);
  ClientLoop* loop_ = nullptr;
  lws* wsi_ = nullptr;
  bool open_ = false, closed_ = false, failed_ = false, closing_ = false;
  int closeCode_ = 0;
  std::string error_;
  std::deque<std::string> outbox_;  // LWS_PRE headroom + payload
  std::string rx_;
  std::string host_;  ///< lws keeps a pointer to it while connecting: lives as long as the client
};

class ClientLoop {
 public:
  /// `caFile`: PEM certificates of the authorities trusted for wss:// (a council's own CA);
  /// empty: the system's trust store. Either way the chain and the host name are checked.
  explicit ClientLoop(const std::string& caFile = "");
  ~ClientLoop();
  ClientLoop(const ClientLoop&) = delete;
  ClientLoop& operator=(const ClientLoop&) = delete;

  /// Starts connecting to ws(s)://host:port/path with subprotocol chamber.v1. With `tls`
  /// the server must show a valid certificate for `host`: no self-signed, no other name.
  /// The client lives as long as the loop.
  Client& connect(const std::string& host, int port, bool tls = false,
                  const std::string& path = "/", const std::string& subprotocol = "chamber.v1");
  /// One turn of the loop; returns after at most about `max_ms`.
  void service(int max_ms = 10);
  /// Services until `done()` or the timeout; true if done.
  bool runUntil(const std::function<bool()>& done, int timeout_ms);

  std::vector<std::unique_ptr<Client>>& clients() { return clients_; }
  /// Forgets a closed client (a session that reconnects drops the old one).
  void release(Client& c);

 private:
  friend int clientCallback(lws*, lws_callback_reasons, void*, void*, size_t);
  lws_context* ctx_ = nullptr;
  std::vector<std::unique_ptr<Client>> clients_;
  lws_sorted_usec_list_t tick_{};
  std::string caFile_;
};

/// Milliseconds on a monotonic clock, for measurements.
double monotonicMs();

/// A secret for signing in, never from the command line (ps shows it): from `file` when
/// given — which only its owner may read (mode 0600 or stricter) — else from the
/// environment variable `env`. Returns "" or why it cannot be had.
std::string loadSecret(const std::string& file, const char* env, std::string& secret);

/// Splits "ws://host:port" (or "wss://…") into host and port; false if it is not one.
bool parseWsUrl(const std::string& url, std::string& host, int& port, bool* tls = nullptr);

}  // namespace chamber::client
