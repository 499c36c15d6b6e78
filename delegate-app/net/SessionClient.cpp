#include "net/SessionClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include "protocol/Reconnect.h"

namespace chamber::app {

SessionClient::SessionClient(QObject* parent) : QObject(parent) {
  // Ids sort in the order commands were made, so resending keeps that order.
  idPrefix_ = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
  reconnect_.setSingleShot(true);
  connect(&reconnect_, &QTimer::timeout, this, [this] {
    if (running_) openSocket();
  });
  connect(&ws_, &QWebSocket::connected, this, &SessionClient::onConnected);
  connect(&ws_, &QWebSocket::disconnected, this, &SessionClient::onDisconnected);
  connect(&ws_, &QWebSocket::textMessageReceived, this, &SessionClient::onText);
}

SessionClient::~SessionClient() {
  // The socket is destroyed last and may still signal: nothing of ours must hear it.
  running_ = false;
  ws_.disconnect(this);
  reconnect_.stop();
  ws_.abort();
}

void SessionClient::start(const QUrl& url) {
  url_ = url;
  running_ = true;
  attempt_ = 0;
  openSocket();
}

void SessionClient::openSocket() {
  QNetworkRequest req(url_);
  req.setRawHeader("Sec-WebSocket-Protocol", protocol::kSubprotocol);  // the server refuses others
  ws_.open(req);
}

void SessionClient::stop() {
  running_ = false;
  reconnect_.stop();
  ws_.close();
}

void SessionClient::setPin(int seat, const QString& pin, const QString& device) {
  authByToken_ = false;
  auth_ = [seat, pin = pin.toStdString(), device = device.toStdString()](const std::string& id) {
    return protocol::authPin(id, seat, pin, device);
  };
}

void SessionClient::setPassword(const QString& user, const QString& password,
                                const QString& device) {
  authByToken_ = false;
  auth_ = [u = user.toStdString(), p = password.toStdString(), d = device.toStdString()](
              const std::string& id) { return protocol::authPassword(id, u, p, d); };
}

void SessionClient::setToken(const QString& token) {
  token_ = token;
  authByToken_ = true;
  auth_ = [t = token.toStdString()](const std::string& id) { return protocol::authToken(id, t); };
}

void SessionClient::setPublic() {
  authByToken_ = false;
  auth_ = [](const std::string& id) { return protocol::authPublic(id); };
}

void SessionClient::send(const std::string& text) {
  ws_.sendTextMessage(QString::fromStdString(text));
}

QString SessionClient::command(const core::Command& c, ReplyFn done) {
  const QString id =
      QStringLiteral("%1-%2").arg(idPrefix_).arg(++counter_, 10, 10, QLatin1Char('0'));
  pending_[id] = {protocol::command(id.toStdString(), c).dump(), QString::fromUtf8(core::nameOf(c)),
                  std::move(done), false};
  emit pendingChanged(pendingCount());
  if (ready_) send(pending_[id].text);
  return id;
}

void SessionClient::queryState(ReplyFn done) {
  if (!ready_) return;
  const QString id = QStringLiteral("q-%1-%2").arg(idPrefix_).arg(++counter_);
  pending_[id] = {protocol::stateQuery(id.toStdString()).dump(), protocol::kStateQuery,
                  std::move(done), true};
  send(pending_[id].text);
}

void SessionClient::simulateDrop() {
  ws_.abort();
}

void SessionClient::onConnected() {
  attempt_ = 0;
  send(protocol::hello("delegate-app/0.1").dump());
  if (!auth_) setPublic();
  send(auth_("auth").dump());
}

void SessionClient::onDisconnected() {
  const bool was = ready_;
  ready_ = false;
  // Queries die with the connection; commands wait to be sent again.
  for (auto it = pending_.begin(); it != pending_.end();)
    it = it->second.isQuery ? pending_.erase(it) : std::next(it);
  if (was) emit onlineChanged(false);
  scheduleReconnect();
}

void SessionClient::scheduleReconnect() {
  if (!running_) return;
  const auto delay = protocol::reconnectDelay_ms(protocol::kServerReconnect, attempt_++,
                                                 QRandomGenerator::global()->generateDouble());
  reconnect_.start(delay.value_or(protocol::kServerReconnect.max_ms));
}

void SessionClient::flushPending() {
  for (auto& [id, p] : pending_)
    if (!p.isQuery) send(p.text);
}

void SessionClient::onText(const QString& text) {
  protocol::ServerMessage m;
  try {
    m = protocol::parseServerMessage(text.toStdString());
  } catch (const protocol::DecodeError&) {
    return;  // not chamber.v1: nothing a tablet can act on
  }
  using T = protocol::ServerType;
  if (m.type == T::Welcome || m.type == T::Pong) return;
  if (m.type == T::Event) {
    if (m.event.seq <= lastSeq_) return;  // already seen (a replay overlapping a reply)
    lastSeq_ = m.event.seq;
    if (onEvent) onEvent(m.event);
    return;
  }
  const QString id = QString::fromStdString(m.id);
  // The reply as Qt reads it, from the frame itself (not re-encoded).
  const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
  if (id == "auth") {
    if (m.type != T::Ok) {
      // A wrong PIN or password is never sent again by itself: each try counts against the
      // seat (five in a second locked it). The person types it again. Only "busy" (the
      // server could not check it yet) is tried again. A revoked token: log in again.
      if (m.code != "busy") {
        running_ = false;
        reconnect_.stop();
      }
      emit authFailed(QString::fromStdString(m.code), QString::fromStdString(m.message));
      ws_.close();
      return;
    }
    const QJsonObject result = reply.value("result").toObject();
    if (result.contains("token")) setToken(result.value("token").toString());
    emit authenticated(result);
    send(protocol::resume("resume", lastSeq_).dump());
    return;
  }
  if (id == "resume" && m.type == T::Ok) {
    ready_ = true;
    emit onlineChanged(true);
    flushPending();
    return;
  }
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  Pending p = std::move(it->second);
  pending_.erase(it);
  if (!p.isQuery) emit pendingChanged(pendingCount());
  if (m.type == T::Error && m.code == "storage_failure" && !p.isQuery) {
    // Not recorded on the server: keep it and send it again (same id) in a moment.
    pending_[id] = std::move(p);
    emit pendingChanged(pendingCount());
    QTimer::singleShot(1000, this, [this, id] {
      auto again = pending_.find(id);
      if (again != pending_.end() && ready_) send(again->second.text);
    });
    return;
  }
  if (m.type == T::Error && !p.isQuery)
    emit commandFailed(p.name, QString::fromStdString(m.code), QString::fromStdString(m.message));
  if (p.done) p.done(reply);
}

}  // namespace chamber::app
