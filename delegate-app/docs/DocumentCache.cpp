#include "docs/DocumentCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>

namespace chamber::app {

namespace {
bool validSha(const QString& s) {
  static const QRegularExpression re("^[0-9a-f]{64}$");
  return re.match(s).hasMatch();
}
}  // namespace

DocumentCache::DocumentCache(QObject* parent) : QObject(parent) {}

DocumentCache::~DocumentCache() {
  // Replies still running must not call back into a half-destroyed cache.
  for (QNetworkReply* r : net_.findChildren<QNetworkReply*>()) {
    r->disconnect(this);
    r->abort();
  }
}

void DocumentCache::setDirectory(const QString& dir) {
  dir_ = dir;
  QDir().mkpath(dir_);
}

QString DocumentCache::path(const QString& sha) const {
  return QDir(dir_).filePath(sha + ".pdf");
}
bool DocumentCache::has(const QString& sha) const {
  return validSha(sha) && QFile::exists(path(sha));
}
QUrl DocumentCache::localUrl(const QString& sha) const {
  return has(sha) ? QUrl::fromLocalFile(path(sha)) : QUrl();
}

void DocumentCache::fetch(const QStringList& shas) {
  for (const auto& s : shas)
    if (validSha(s) && !has(s) && !queue_.contains(s) && !inFlight_.contains(s)) queue_ << s;
  next();
}

void DocumentCache::next() {
  while (inFlight_.size() < 2 && !queue_.isEmpty()) {
    const QString sha = queue_.takeFirst();
    inFlight_.insert(sha);
    QNetworkRequest req(base_.resolved(QUrl("/api/documents/" + sha)));
    if (!token_.isEmpty()) req.setRawHeader("Authorization", "Bearer " + token_.toUtf8());
    QNetworkReply* reply = net_.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha] {
      reply->deleteLater();
      inFlight_.remove(sha);
      const QByteArray body = reply->readAll();
      if (reply->error() != QNetworkReply::NoError) {
        emit failed(sha, reply->errorString());
      } else if (QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() !=
                 sha.toLatin1()) {
        emit failed(sha, "hash mismatch");  // never keep a file under a hash it does not have
      } else {
        QFile tmp(path(sha) + ".part");
        if (tmp.open(QIODevice::WriteOnly) && tmp.write(body) == body.size()) {
          tmp.close();
          QFile::remove(path(sha));
          tmp.rename(path(sha));
          emit cached(sha);
        } else {
          emit failed(sha, "cannot write the cache");
        }
      }
      next();
    });
  }
}

void NotesStore::open(const QString& dir, const QString& delegateId) {
  QDir().mkpath(dir);
  file_ = QDir(dir).filePath("notes-" + delegateId + ".json");
  data_.clear();
  QFile f(file_);
  if (f.open(QIODevice::ReadOnly)) data_ = QJsonDocument::fromJson(f.readAll()).toVariant().toMap();
}

QString NotesStore::note(const QString& sha, int page) const {
  return data_.value(sha).toMap().value(QString::number(page)).toMap().value("note").toString();
}

bool NotesStore::highlighted(const QString& sha, int page) const {
  return data_.value(sha).toMap().value(QString::number(page)).toMap().value("highlight").toBool();
}

void NotesStore::setField(const QString& sha, int page, const QString& key, const QVariant& value) {
  QVariantMap doc = data_.value(sha).toMap();
  QVariantMap p = doc.value(QString::number(page)).toMap();
  p[key] = value;
  doc[QString::number(page)] = p;
  data_[sha] = doc;
  save();
}

void NotesStore::setNote(const QString& sha, int page, const QString& text) {
  setField(sha, page, "note", text);
}

void NotesStore::setHighlighted(const QString& sha, int page, bool on) {
  setField(sha, page, "highlight", on);
}

QList<int> NotesStore::markedPages(const QString& sha) const {
  QList<int> pages;
  const QVariantMap doc = data_.value(sha).toMap();
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const QVariantMap p = it.value().toMap();
    if (!p.value("note").toString().isEmpty() || p.value("highlight").toBool())
      pages << it.key().toInt();
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

void NotesStore::save() const {
  if (file_.isEmpty()) return;
  QFile f(file_);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
  f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  f.write(QJsonDocument::fromVariant(data_).toJson(QJsonDocument::Compact));
}

}  // namespace chamber::app
