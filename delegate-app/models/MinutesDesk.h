#pragma once
/// The secretary's desk for a closed sitting's minutes (biên bản): the latest text and what
/// changed since the generated draft (GET /api/minutes/<sitting>), a corrected text saved as
/// a new version (POST, minutes.save: any length up to 2 MiB), the draft made again from the
/// record and the minutes made final (chamber.v1 commands). The server decides everything —
/// who may edit, that nobody overwrites a newer version (`stale`), that final is final; the
/// desk shows its answers and says when someone else saved a newer version.
#include <QNetworkAccessManager>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>

#include "net/SessionClient.h"

namespace chamber::app {

class MinutesDesk : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("the Chamber's minutes")
  Q_PROPERTY(int sitting READ sitting NOTIFY changed)
  Q_PROPERTY(bool loaded MEMBER loaded_ NOTIFY changed)
  Q_PROPERTY(bool busy MEMBER busy_ NOTIFY changed)
  /// The latest version: 0 is the draft made from the record, then each one saved.
  Q_PROPERTY(int version MEMBER version_ NOTIFY changed)
  Q_PROPERTY(QString sha256 MEMBER sha256_ NOTIFY changed)
  Q_PROPERTY(QString text MEMBER text_ NOTIFY changed)
  /// The version made final, or -1.
  Q_PROPERTY(int finalVersion MEMBER finalVersion_ NOTIFY changed)
  /// Draft → latest, unified (`diff -u`): what the secretary changed.
  Q_PROPERTY(QString diff MEMBER diff_ NOTIFY changed)
  /// What the last action came to: "saved", "redrafted", "finalised" (the view says it in
  /// its language), or a refusal in the server's words (`message`, with `failed`).
  Q_PROPERTY(QString outcome MEMBER outcome_ NOTIFY changed)
  Q_PROPERTY(QString message MEMBER message_ NOTIFY changed)
  Q_PROPERTY(bool failed MEMBER failed_ NOTIFY changed)
  /// Someone saved (or finalised) after the version loaded here.
  Q_PROPERTY(bool newer MEMBER newer_ NOTIFY changed)
  /// The final text rendered as the council's paper (unsigned), once made: what is signed.
  Q_PROPERTY(QString pdfSha MEMBER pdfSha_ NOTIFY changed)

 public:
  explicit MinutesDesk(SessionClient& client, QObject* parent = nullptr);

  int sitting() const { return sitting_; }
  /// The server's address as the app has it (ws:// or wss://).
  void setServer(const QString& wsUrl);
  /// The sitting whose minutes these are; another one empties the desk.
  void setSitting(int id, int number = 0);
  /// A minutes event of this sitting: a version drafted or saved, or (`final`) made final.
  void heard(int sitting, const QString& sha256, bool final = false);

  /// Reads the latest version again (dropping what is loaded).
  Q_INVOKABLE void load();
  /// Saves `text` as the next version, edited from the one loaded.
  Q_INVOKABLE void save(const QString& text);
  /// Makes the draft again from the record (only while nobody has edited it).
  Q_INVOKABLE void redraft();
  /// Makes the loaded version final: the text to be rendered, signed and published.
  Q_INVOKABLE void finalise();
  /// Renders the final text as the Decree 30 PDF with the secretary's and the chair's
  /// signature places (papers/MinutesPdf), puts it on the server and records it as the
  /// minutes' PDF (minutes.record_pdf): the paper the chair then signs.
  Q_INVOKABLE void makePdf();

 signals:
  void changed();
  /// The minutes' PDF is on the server under this sha256 (to be fetched and opened).
  void pdfReady(const QString& sha256);

 private:
  QNetworkRequest request(const QString& query = {}) const;
  void done(bool ok, const QString& message);
  void command(const core::Command& c, const QString& outcome);

  SessionClient& client_;
  QNetworkAccessManager net_;
  QUrl http_;
  int sitting_ = 0, number_ = 0;
  bool loaded_ = false, busy_ = false, failed_ = false, newer_ = false;
  int version_ = -1, finalVersion_ = -1;
  QString sha256_, text_, diff_, message_, outcome_, pdfSha_;
};

}  // namespace chamber::app
