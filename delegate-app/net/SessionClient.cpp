#include "net/SessionClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>
#include <cmath>

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

int SessionClient::backoffMs(int attempt, double jitter01) {
  const double base = std::min(8000.0, 250.0 * std::pow(2.0, std::min(attempt, 10)));
  return static_cast<int>(base * (0.8 + 0.4 * jitter01));
}

void SessionClient::start(const QUrl& url) {
  url_ = url;
  running_ = true;
  attempt_ = 0;
  openSocket();
}

void SessionClient::openSocket() {
  QNetworkRequest req(url_);
  req.setRawHeader("Sec-WebSocket-Protocol", "chamber.v1");  // the server refuses others
  ws_.open(req);
}

void SessionClient::stop() {
  running_ = false;
  reconnect_.stop();
  ws_.close();
}

void SessionClient::setPin(int seat, const QString& pin, const QString& device) {
  auth_ = {{"type", "auth"}, {"method", "pin"}, {"seat", seat}, {"pin", pin}, {"device", device}};
}

void SessionClient::setPassword(const QString& user, const QString& password, const QString& device) {
  auth_ = {{"type", "auth"}, {"method", "password"}, {"user", user}, {"password", password}, {"device", device}};
}

void SessionClient::setToken(const QString& token) {
  token_ = token;
  auth_ = {{"type", "auth"}, {"method", "token"}, {"token", token}};
}

void SessionClient::setPublic() { auth_ = {{"type", "auth"}, {"method", "public"}}; }

void SessionClient::send(const QJsonObject& msg) {
  ws_.sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
}

QString SessionClient::command(const QString& name, const QJsonObject& args, ReplyFn done) {
  const QString id = QStringLiteral("%1-%2").arg(idPrefix_).arg(++counter_, 10, 10, QLatin1Char('0'));
  QJsonObject msg{{"type", "cmd"}, {"id", id}, {"cmd", name}, {"args", args}};
  pending_[id] = {msg, std::move(done), false};
  emit pendingChanged(pendingCount());
  if (ready_) send(msg);
  return id;
}

void SessionClient::query(const QString& name, ReplyFn done) {
  if (!ready_) return;
  const QString id = QStringLiteral("q-%1-%2").arg(idPrefix_).arg(++counter_);
  pending_[id] = {QJsonObject{{"type", "cmd"}, {"id", id}, {"cmd", name}}, std::move(done), true};
  send(pending_[id].msg);
}

void SessionClient::simulateDrop() { ws_.abort(); }

void SessionClient::onConnected() {
  attempt_ = 0;
  send({{"type", "hello"}, {"version", 1}, {"client", "delegate-app/0.1"}});
  QJsonObject auth = auth_;
  auth["id"] = "auth";
  send(auth);
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
  reconnect_.start(backoffMs(attempt_++, QRandomGenerator::global()->generateDouble()));
}

void SessionClient::flushPending() {
  for (auto& [id, p] : pending_)
    if (!p.isQuery) send(p.msg);
}

void SessionClient::onText(const QString& text) {
  const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
  const QString type = m.value("type").toString();
  const QString id = m.value("id").toString();
  if (type == "event") {
    const qint64 seq = m.value("seq").toInteger();
    if (seq <= lastSeq_) return;  // already seen (a replay overlapping a reply)
    lastSeq_ = seq;
    emit event(m);
    return;
  }
  if (id == "auth") {
    if (type != "ok") {
      emit authFailed(m.value("code").toString(), m.value("message").toString());
      if (auth_.value("method") == "token") running_ = false;  // a revoked token: log in again
      ws_.close();
      return;
    }
    const QJsonObject result = m.value("result").toObject();
    if (result.contains("token")) setToken(result.value("token").toString());
    emit authenticated(result);
    send({{"type", "resume"}, {"id", "resume"}, {"after", lastSeq_}});
    return;
  }
  if (id == "resume" && type == "ok") {
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
  if (type == "error" && m.value("code") == "storage_failure" && !p.isQuery) {
    // Not recorded on the server: keep it and send it again (same id) in a moment.
    pending_[id] = std::move(p);
    emit pendingChanged(pendingCount());
    QTimer::singleShot(1000, this, [this, id] {
      auto again = pending_.find(id);
      if (again != pending_.end() && ready_) send(again->second.msg);
    });
    return;
  }
  if (type == "error" && !p.isQuery)
    emit commandFailed(p.msg.value("cmd").toString(), m.value("code").toString(), m.value("message").toString());
  if (p.done) p.done(m);
}

}  // namespace chamber::app
