#pragma once
/// The tablet's connection to the session server (chamber.v1 over Qt WebSockets). Every
/// message is built and read by protocol/ (the definitions the server uses): typed commands
/// out, typed events in. Reconnects by itself with the protocol's backoff (kServerReconnect),
/// re-authenticates with its device token, resumes from the last event seen. Commands get a fresh
/// UUID as client id; a command made while offline, or not yet answered when the connection
/// dropped, is kept and sent again with the same id once the connection is back — the server
/// answers a repeated id with the reply it stored, so nothing is applied twice and nothing is lost
/// silently. Lives on the GUI thread.
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <map>

#include "core/Commands.h"
#include "protocol/Client.h"

namespace chamber::app {

class SessionClient : public QObject {
  Q_OBJECT
 public:
  using ReplyFn = std::function<void(const QJsonObject& reply)>;

  explicit SessionClient(QObject* parent = nullptr);
  ~SessionClient() override;

  /// ws://host:port (or wss://). Connects and keeps connected until stop().
  void start(const QUrl& url);
  void stop();

  /// Credentials used at every (re)connection. A device token, once issued, replaces
  /// the PIN or password.
  void setPin(int seat, const QString& pin, const QString& device);
  void setPassword(const QString& user, const QString& password, const QString& device);
  void setToken(const QString& token);
  void setPublic();
  QString token() const { return token_; }

  /// Sends a command; `done` gets the server's ok or error (possibly after a reconnect).
  /// Returns the client id used.
  QString command(const core::Command& command, ReplyFn done = nullptr);
  /// The read-only state.get; dropped, not queued, while offline.
  void queryState(ReplyFn done);

  /// Every event once, in seq order (typed with EventEnvelope::typed()).
  std::function<void(const protocol::EventEnvelope&)> onEvent;

  bool online() const { return ready_; }
  int pendingCount() const { return static_cast<int>(pending_.size()); }
  qint64 lastSeq() const { return lastSeq_; }
  void setLastSeq(qint64 seq) { lastSeq_ = seq; }

  /// Drops the connection as a lost Wi-Fi would (tests and the demo's "offline" button).
  void simulateDrop();

 signals:
  void onlineChanged(bool online);
  void authenticated(const QJsonObject& result);
  void authFailed(const QString& code, const QString& message);
  void pendingChanged(int count);
  void commandFailed(const QString& name, const QString& code, const QString& message);

 private:
  void onConnected();
  void onDisconnected();
  void onText(const QString& text);
  void send(const std::string& text);
  void scheduleReconnect();
  void openSocket();
  void flushPending();

  QWebSocket ws_;
  QUrl url_;
  QTimer reconnect_;
  bool running_ = false;
  bool ready_ = false;  ///< authenticated and resumed
  int attempt_ = 0;
  /// Builds the auth message for an id (PIN, password, token or public).
  std::function<protocol::json(const std::string& id)> auth_;
  bool authByToken_ = false;
  QString token_;
  qint64 lastSeq_ = 0;
  struct Pending {
    std::string text;  ///< the message as sent (sent again, same id, after a reconnect)
    QString name;
    ReplyFn done;
    bool isQuery = false;
  };
  std::map<QString, Pending> pending_;  ///< by client id, in id order (ids are time-ordered)
  quint64 counter_ = 0;
  QString idPrefix_;
};

}  // namespace chamber::app
