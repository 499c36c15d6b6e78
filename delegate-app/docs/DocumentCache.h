#pragma once
/// The tablet's document cache, keyed by SHA-256: the sitting's papers are fetched when the
/// delegate checks in, checked against their hash, and opened from disk — at once, and
/// while the Wi-Fi is down. GUI thread.
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace chamber::app {

class DocumentCache : public QObject {
  Q_OBJECT
 public:
  explicit DocumentCache(QObject* parent = nullptr);
  ~DocumentCache() override;

  void setDirectory(const QString& dir);
  void setServer(const QUrl& httpBase) { base_ = httpBase; }
  void setToken(const QString& token) { token_ = token; }

  /// Fetches every hash not yet cached (two at a time).
  void fetch(const QStringList& sha256s);
  bool has(const QString& sha256) const;
  QUrl localUrl(const QString& sha256) const;
  QString path(const QString& sha256) const;
  int pending() const { return static_cast<int>(queue_.size() + inFlight_.size()); }

 signals:
  void cached(const QString& sha256);
  void failed(const QString& sha256, const QString& why);

 private:
  void next();
  QNetworkAccessManager net_;
  QString dir_;
  QUrl base_;
  QString token_;
  QStringList queue_;
  QSet<QString> inFlight_;
};

/// Private notes and highlighted pages, per delegate, on the tablet only (a file readable
/// by the app's user alone, 0600, one per delegate).
class NotesStore {
 public:
  void open(const QString& dir, const QString& delegateId);
  QString note(const QString& sha256, int page) const;
  void setNote(const QString& sha256, int page, const QString& text);
  bool highlighted(const QString& sha256, int page) const;
  void setHighlighted(const QString& sha256, int page, bool on);
  /// Pages with a note or a highlight, ascending.
  QList<int> markedPages(const QString& sha256) const;

 private:
  void save() const;
  void setField(const QString& sha256, int page, const QString& key, const QVariant& value);
  QString file_;
  QVariantMap data_;  // sha -> page -> {note, highlight}
};

}  // namespace chamber::app
