#pragma once
// Internal to net/: the server's state and the pieces of the event loop.
// Everything here runs on the event-loop thread, except Server::stop().
#include <spdlog/spdlog.h>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/Session.h"
#include "net/Config.h"
#include "net/Connection.h"
#include "net/Metrics.h"
#include "net/SignInPool.h"
#include "net/StaticFiles.h"
#include "protocol/Codec.h"
#include "store/Store.h"

namespace chamber::net {

using protocol::json;

/// An event committed to the log, with its frame ready to send.
struct CachedEvent {
  store::StoredEvent ev;
  Frame frame;
};

class ServerImpl {
 public:
  explicit ServerImpl(ServerConfig config);
  ~ServerImpl();

  ServerConfig cfg;
  std::shared_ptr<spdlog::logger> log;
  Metrics metrics;
  store::Store store;
  core::State state;
  std::int64_t head = 0;  ///< last committed event
  lws_context* ctx = nullptr;
  lws_vhost* vhost = nullptr;
  std::atomic<bool> stopping{false};

  void run();
  /// Once a second: events another process (chamberctl) appended are taken in and pushed to
  /// every connection, though no command arrives to begin a turn (a sitting created from the
  /// command line shows on the portal and the tablets at once).
  /// (lws's timer first, so the timer's address is the struct's: no offsetof on ServerImpl)
  struct ExternalTick {
    lws_sorted_usec_list_t sul{};
    ServerImpl* owner = nullptr;
  } externalTick;
  bool externalDue = false;
  void takeInExternal();
  static void onExternalTick(lws_sorted_usec_list_t* sul);

  // --- connections -------------------------------------------------------------------
  std::unordered_map<lws*, std::unique_ptr<Connection>> conns;
  std::uint64_t nextConnId = 1;
  Connection* added(lws* wsi);
  void removed(lws* wsi);
  /// Sets who a connection is (after auth), keeping the broadcast indexes right.
  void setIdentity(Connection& c, core::Role role, const std::string& principal,
                   const std::string& name);
  /// Queues a frame now (committed content only) and asks for a writable callback.
  void push(Connection& c, Frame f);
  /// Closes after what is queued (or at once, dropping it, when `drop`).
  void closeLater(Connection& c, int code, const std::string& reason, bool drop);
  int onWritable(Connection& c);

  // --- one loop turn: group commit ------------------------------------------------------
  /// Opens the turn's transaction if needed, taking in events another process appended.
  void beginTurn();
  /// Queues a reply; it leaves only after the turn's transaction committed.
  void defer(Connection& c, std::string text, const std::string& commandId = {});
  /// Closes the connection after the replies deferred before this (e.g. an error).
  void deferClose(Connection& c, int code, const std::string& reason);
  /// Commits the turn, then releases replies and broadcasts its events.
  void flush();

  // --- commands shared by WebSocket and HTTP --------------------------------------------
  /// Decides and records a command for `actor`, idempotent on (actor, clientId).
  /// Returns the reply's text (ok with the events, or an error).
  std::string execute(const core::Actor& actor, const std::string& clientId,
                      const core::Command& cmd);
  bool visible(const core::Role role, const std::string& principal,
               const store::StoredEvent& e) const;
  std::optional<store::Principal> principalFromToken(const std::string& token);

  // --- WebSocket messages (Ws.cpp) -----------------------------------------------------
  void onMessage(Connection& c, std::string_view text);

  // --- HTTP (Http.cpp) -------------------------------------------------------------------
  /// The council's name in Vietnamese or, with `english`, in English (ServerConfig::council).
  std::string councilName(bool english = false) const;
  std::unique_ptr<StaticFiles> portalFiles, liveFiles;  ///< --portal at /, --hls at /live/
  std::vector<lws_http_mount> mounts;

  // --- sign-in (Ws.cpp) ----------------------------------------------------------------
  core::Throttle accountThrottle, sourceThrottle;
  PetitionGuard guard;  ///< the petition form's proof of work and limits
  std::unique_ptr<SignInPool> signIns;
  /// Event-loop thread, on LWS_CALLBACK_EVENT_WAIT_CANCELLED: answers finished checks.
  void finishSignIns();

 private:
  std::optional<store::Transaction> tx_;
  bool turnFailed_ = false;
  struct Deferred {
    std::uint64_t conn;
    std::string text;
    std::string commandId;  ///< non-empty for a command's reply
    int closeCode = 0;      ///< non-zero: close the connection here
  };
  std::vector<Deferred> deferred_;
  std::vector<store::StoredEvent> turnEvents_;
  /// This turn's replies, by (principal, client id): the command's digest and the reply.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> turnReplies_;
  std::deque<CachedEvent> recent_;  ///< the last events, for resume without the disk
  std::unordered_map<std::uint64_t, Connection*> byId_;
  // Broadcast indexes: events for staff only (every ballot's turnout) reach a few
  // connections, so they are not offered to all of them.
  std::unordered_set<Connection*> staff_;
  std::unordered_map<std::string, std::unordered_set<Connection*>> byPrincipal_;
  void offer(Connection& c, const CachedEvent& e);

  void commitTurn();
  void failTurn();
  void broadcast(const CachedEvent& e);
  void catchUp();

 public:
  /// Queues the committed events after `after` to a connection that resumes.
  void replay(Connection& c, std::int64_t after);
  void markFailed(const std::string& why);
  /// At start: voids secret votes left open by a server that stopped (their choices were
  /// in its memory only).
  void voidInterruptedVotes();
};

std::int64_t nowMs();
/// The principal of an HTTP request's "Authorization: Bearer <token>", if valid (Http.cpp).
std::optional<store::Principal> bearerOf(ServerImpl& s, lws* wsi);
std::string eventFrameText(const store::StoredEvent& e);

}  // namespace chamber::net
