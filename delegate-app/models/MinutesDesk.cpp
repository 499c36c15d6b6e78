#include "models/MinutesDesk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

#include "core/Minutes.h"
#include "papers/MinutesPdf.h"
#include "papers/Signatures.h"

namespace chamber::app {

MinutesDesk::MinutesDesk(SessionClient& client, QObject* parent)
    : QObject(parent), client_(client) {}

void MinutesDesk::setServer(const QString& wsUrl) {
  http_ = QUrl(wsUrl);
  http_.setScheme(http_.scheme() == "wss" ? "https" : "http");
}

void MinutesDesk::setSitting(int id, int number) {
  number_ = number;
  if (id == sitting_) return;
  sitting_ = id;
  loaded_ = newer_ = failed_ = false;
  version_ = finalVersion_ = -1;
  sha256_.clear(), text_.clear(), diff_.clear(), message_.clear(), outcome_.clear();
  pdfSha_.clear();
  emit changed();
}

void MinutesDesk::heard(int sitting, const QString& sha256, bool final) {
  if (!loaded_ || sitting != sitting_ || busy_) return;  // our own action reloads by itself
  if (final ? finalVersion_ < 0 : sha256 != sha256_) {
    newer_ = true;
    emit changed();
  }
}

QNetworkRequest MinutesDesk::request(const QString& query) const {
  QUrl url = http_.resolved(QUrl(QStringLiteral("/api/minutes/%1").arg(sitting_)));
  url.setQuery(query);
  QNetworkRequest req(url);
  req.setRawHeader("Authorization", "Bearer " + client_.token().toUtf8());
  req.setTransferTimeout(30000);
  return req;
}

void MinutesDesk::done(bool ok, const QString& message) {
  busy_ = false;
  outcome_.clear();
  failed_ = !ok;
  message_ = message;
  emit changed();
}

void MinutesDesk::load() {
  if (sitting_ <= 0 || busy_) return;
  busy_ = true;
  emit changed();
  QNetworkReply* reply = net_.get(request());
  connect(reply, &QNetworkReply::finished, this, [this, reply] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status != 200) return done(false, body.value("message").toString(reply->errorString()));
    const QJsonObject latest = body.value("latest").toObject();
    loaded_ = true;
    newer_ = false;
    version_ = latest.isEmpty() ? -1 : latest.value("version").toInt();
    sha256_ = latest.value("sha256").toString();
    text_ = latest.value("text").toString();
    diff_ = body.value("diff").toString();
    finalVersion_ = body.value("final").toInt(-1);
    pdfSha_.clear();
    for (const auto& p : body.value("pdfs").toArray())
      if (p.toObject().value("version").toInt() == finalVersion_)
        pdfSha_ = p.toObject().value("sha256").toString();
    busy_ = false;
    emit changed();
  });
}

void MinutesDesk::save(const QString& text) {
  if (!loaded_ || busy_) return;
  busy_ = true;
  emit changed();
  // One id per save: a retry after a lost answer saves nothing twice.
  QUrlQuery q;
  q.addQueryItem("base", sha256_);
  q.addQueryItem("id", "minutes-" + QUuid::createUuid().toString(QUuid::WithoutBraces));
  QNetworkRequest req = request(q.toString(QUrl::FullyEncoded));
  req.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain; charset=utf-8");
  QNetworkReply* reply = net_.post(req, text.toUtf8());
  connect(reply, &QNetworkReply::finished, this, [this, reply] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    busy_ = false;
    if (status != 200) {
      // `stale`: someone saved in between. Their version is not overwritten; the text typed
      // here stays on the screen to be merged by hand into the latest.
      if (body.value("error").toString() == "stale") newer_ = true;
      return done(false, body.value("message").toString(reply->errorString()));
    }
    load();
    outcome_ = QStringLiteral("saved");
    message_.clear();
    failed_ = false;
    emit changed();
  });
}

void MinutesDesk::command(const core::Command& c, const QString& outcome) {
  if (sitting_ <= 0 || busy_) return;
  busy_ = true;
  emit changed();
  client_.command(c, [this, outcome](const QJsonObject& reply) {
    busy_ = false;
    const bool ok = reply.value("type").toString() == protocol::kServerTypes[1];
    if (!ok) return done(false, reply.value("message").toString());
    load();
    outcome_ = outcome;
    message_.clear();
    failed_ = false;
    emit changed();
  });
}

void MinutesDesk::redraft() {
  command(core::DraftMinutes{sitting_, "", ""}, QStringLiteral("redrafted"));
}

void MinutesDesk::finalise() {
  if (!loaded_) return;
  command(core::FinaliseMinutes{sitting_, sha256_.toStdString()}, QStringLiteral("finalised"));
}

void MinutesDesk::makePdf() {
  if (!loaded_ || busy_ || finalVersion_ < 0 || version_ != finalVersion_) return;
  busy_ = true;
  emit changed();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bien-ban-%1.pdf").arg(sitting_));
  try {
    const auto layout = papers::writeMinutesPdf(core::parseMinutes(text_.toStdString()), path);
    papers::preparePdf(path.toStdString(), layout.places);
  } catch (const std::exception& e) {
    return done(false, QString::fromUtf8(e.what()));
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return done(false, file.errorString());
  const QByteArray pdf = file.readAll();
  QUrl url = http_.resolved(QUrl(QStringLiteral("/api/documents")));
  QUrlQuery q;
  // A title on the server, in Vietnamese, as chamberctl minutes --out names it.
  q.addQueryItem("title", QStringLiteral("Biên bản kỳ họp thứ %1 (chưa ký)").arg(number_));
  q.addQueryItem("filename", QStringLiteral("bien-ban-%1.pdf").arg(sitting_));
  url.setQuery(q);
  QNetworkRequest req(url);
  req.setRawHeader("Authorization", "Bearer " + client_.token().toUtf8());
  req.setHeader(QNetworkRequest::ContentTypeHeader, "application/pdf");
  req.setTransferTimeout(60000);
  QNetworkReply* reply = net_.post(req, pdf);
  connect(reply, &QNetworkReply::finished, this, [this, reply] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status != 201) return done(false, body.value("message").toString(reply->errorString()));
    const QJsonObject doc = body.value("document").toObject();
    const QString sha = doc.value("sha256").toString();
    busy_ = false;  // recorded as the minutes' PDF: signed copies of it are known for what they are
    command(core::RecordMinutesPdf{sitting_, sha.toStdString(),
                                   static_cast<std::int64_t>(doc.value("size").toDouble())},
            QStringLiteral("pdf"));
    emit pdfReady(sha);
  });
}

}  // namespace chamber::app
