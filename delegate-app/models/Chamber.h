#pragma once
/// The sitting as the tablet sees it — the one object QML talks to. C++ decides, QML
/// shows: every action is a Q_INVOKABLE that sends a command; every property comes from
/// the server's state view (re-read after events, debounced) or from an event.
/// The app never re-implements the council's rules: the server is the source of truth.
#include <QNetworkAccessManager>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include "docs/DocumentCache.h"
#include "models/JsonListModel.h"
#include "models/MinutesDesk.h"
#include "models/Projection.h"
#include "net/SessionClient.h"

namespace chamber::app {

class Chamber : public QObject {
  Q_OBJECT
  QML_ELEMENT
  // connection
  Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY configChanged)
  Q_PROPERTY(QString dataDir READ dataDir WRITE setDataDir NOTIFY configChanged)
  Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
  Q_PROPERTY(bool everOnline READ everOnline NOTIFY onlineChanged)
  Q_PROPERTY(int pendingCommands READ pendingCommands NOTIFY pendingChanged)
  Q_PROPERTY(QString role MEMBER role_ NOTIFY identityChanged)
  Q_PROPERTY(QString myId MEMBER myId_ NOTIFY identityChanged)
  Q_PROPERTY(QString myName MEMBER myName_ NOTIFY identityChanged)
  Q_PROPERTY(QString face READ face NOTIFY identityChanged)
  Q_PROPERTY(QString forcedFace MEMBER forcedFace_ NOTIFY identityChanged)
  Q_PROPERTY(QString authError MEMBER authError_ NOTIFY identityChanged)
  Q_PROPERTY(QString lastError MEMBER lastError_ NOTIFY errorChanged)
  // sitting
  Q_PROPERTY(QVariantMap sitting MEMBER sitting_ NOTIFY stateChanged)
  Q_PROPERTY(QString activeItem MEMBER activeItem_ NOTIFY stateChanged)
  Q_PROPERTY(QString activeItemTitle MEMBER activeItemTitle_ NOTIFY stateChanged)
  Q_PROPERTY(QVariantMap quorum MEMBER quorum_ NOTIFY stateChanged)
  Q_PROPERTY(QVariantMap speaker MEMBER speaker_ NOTIFY stateChanged)
  Q_PROPERTY(int myQueuePosition MEMBER myQueuePosition_ NOTIFY stateChanged)
  Q_PROPERTY(bool checkedIn MEMBER checkedIn_ NOTIFY stateChanged)
  Q_PROPERTY(bool canVote MEMBER canVote_ NOTIFY identityChanged)
  Q_PROPERTY(QVariantMap openVote MEMBER openVote_ NOTIFY stateChanged)
  Q_PROPERTY(QVariantMap result MEMBER result_ NOTIFY resultChanged)
  Q_PROPERTY(QVariantMap media MEMBER media_ NOTIFY stateChanged)
  Q_PROPERTY(QVariantMap shared MEMBER shared_ NOTIFY sharedChanged)
  Q_PROPERTY(int documentsPending READ documentsPending NOTIFY documentsChanged)
  Q_PROPERTY(int documentsCached MEMBER documentsCached_ NOTIFY documentsChanged)
  Q_PROPERTY(qint64 stateSeq MEMBER stateSeq_ NOTIFY stateChanged)
  // models
  Q_PROPERTY(QAbstractItemModel* agenda READ agenda CONSTANT)
  Q_PROPERTY(QAbstractItemModel* roster READ roster CONSTANT)
  Q_PROPERTY(QAbstractItemModel* queue READ queue CONSTANT)
  Q_PROPERTY(QAbstractItemModel* questions READ questions CONSTANT)
  Q_PROPERTY(QAbstractItemModel* votes READ votes CONSTANT)
  Q_PROPERTY(QAbstractItemModel* resultOptions READ resultOptions CONSTANT)
  Q_PROPERTY(QAbstractItemModel* responders READ responders CONSTANT)
  /// The current sitting's minutes, for those who keep them (once it is closed).
  Q_PROPERTY(MinutesDesk* minutes READ minutes CONSTANT)

 public:
  explicit Chamber(QObject* parent = nullptr);

  QString serverUrl() const { return serverUrl_; }
  void setServerUrl(const QString& url);
  QString dataDir() const { return dataDir_; }
  void setDataDir(const QString& dir);
  bool online() const { return client_.online(); }
  bool everOnline() const { return everOnline_; }
  int pendingCommands() const { return client_.pendingCount(); }
  QString face() const;
  int documentsPending() const { return cache_.pending(); }
  JsonListModel* agenda() { return &agenda_; }
  JsonListModel* roster() { return &roster_; }
  JsonListModel* queue() { return &queue_; }
  JsonListModel* questions() { return &questions_; }
  JsonListModel* votes() { return &votes_; }
  JsonListModel* resultOptions() { return &resultOptions_; }
  JsonListModel* responders() { return &responders_; }
  MinutesDesk* minutes() { return &minutes_; }
  SessionClient& client() { return client_; }

  // sign-in
  Q_INVOKABLE void loginPin(int seat, const QString& pin);
  Q_INVOKABLE void loginAccount(const QString& user, const QString& password);
  Q_INVOKABLE void watchAsPublic();
  Q_INVOKABLE void logout();
  // delegate
  Q_INVOKABLE void checkIn(bool present = true);
  Q_INVOKABLE void requestFloor(const QString& kind = "speech");
  Q_INVOKABLE void cancelFloor();
  Q_INVOKABLE void endMyTurn();
  Q_INVOKABLE void castVote(const QStringList& choices);
  Q_INVOKABLE void submitQuestion(const QString& to, const QString& text);
  Q_INVOKABLE void followUp(const QString& question, const QString& text);
  // chair, secretary
  Q_INVOKABLE void sittingCommand(const QString& name, const QString& reason = {});
  Q_INVOKABLE void markPresent(const QString& delegate, bool present);
  Q_INVOKABLE void activateItem(const QString& item);
  Q_INVOKABLE void grantFloor(const QString& person = {}, const QString& kind = {});
  Q_INVOKABLE void endFloor(const QString& person);
  /// `kind`: "motion", "election" (with `candidates`, up to `maxChoices` chosen) or
  /// "confidence" (when the council's rules allow it).
  Q_INVOKABLE void createVote(const QString& item, const QString& title, const QString& form,
                              const QString& rule, const QString& kind = QStringLiteral("motion"),
                              const QStringList& candidates = {}, int maxChoices = 1);
  Q_INVOKABLE void openVoteNow(const QString& vote);
  Q_INVOKABLE void closeVote(const QString& vote);
  Q_INVOKABLE void answerQuestion(const QString& question, const QString& mode,
                                  const QString& text = {});
  Q_INVOKABLE void sharePage(const QString& sha256, int page);
  Q_INVOKABLE void setRecording(bool on);
  /// Lets a seat sign in again at once after wrong PINs (signin.clear).
  Q_INVOKABLE void clearSignIn(int seat);
  // documents and notes
  Q_INVOKABLE QUrl documentUrl(const QString& sha256) const { return cache_.localUrl(sha256); }
  Q_INVOKABLE bool isCached(const QString& sha256) const { return cache_.has(sha256); }
  /// A cached paper's digital signatures, checked on the tablet itself (papers/Signatures):
  /// {signed, valid, lines: ["Nguyễn Văn Hùng — Chủ tọa kỳ họp — 10/12/2026 10:15", …]}.
  Q_INVOKABLE QVariantMap signaturesOf(const QString& sha256);
  /// Signs an open paper with the token plugged into this computer (papers/Sign: the key stays
  /// on it) and uploads the signed copy to the same item. `how`: module, token, key, pin, name,
  /// title, reason, seal, item, docTitle. Ends with signingDone.
  Q_INVOKABLE void signDocument(const QString& sha256, const QVariantMap& how);
  Q_INVOKABLE QString note(const QString& sha256, int page) const {
    return notes_.note(sha256, page);
  }
  Q_INVOKABLE void setNote(const QString& sha256, int page, const QString& text);
  Q_INVOKABLE bool highlighted(const QString& sha256, int page) const {
    return notes_.highlighted(sha256, page);
  }
  Q_INVOKABLE void setHighlighted(const QString& sha256, int page, bool on);
  Q_INVOKABLE QVariantList markedPages(const QString& sha256) const;
  // misc
  Q_INVOKABLE qint64 nowMs() const;
  Q_INVOKABLE QString personName(const QString& id) const;
  Q_INVOKABLE void simulateDrop() { client_.simulateDrop(); }
  Q_INVOKABLE void setLanguage(const QString& lang);
  /// Re-reads the state now (also done after every event).
  Q_INVOKABLE void refresh();

 signals:
  /// A signing asked for with signDocument ended: the signed copy is on the server, or why not.
  void signingDone(bool ok, const QString& message);
  void configChanged();
  void onlineChanged();
  void pendingChanged();
  void identityChanged();
  void errorChanged();
  void stateChanged();
  void resultChanged();
  void sharedChanged();
  void documentsChanged();
  void notesChanged();
  void languageRequested(const QString& lang);

 private:
  void onEvent(const protocol::EventEnvelope& e);
  void applyState(const QJsonObject& state);
  void setResult(const QJsonObject& vote, const QJsonObject& tally);
  void send(const core::Command& c);
  void start();
  void fetchDocuments();

  SessionClient client_;
  MinutesDesk minutes_{client_};
  DocumentCache cache_;
  QNetworkAccessManager uploads_;
  QHash<QString, QVariantMap> signatures_;  // by sha256: a file never changes under its hash
  NotesStore notes_;
  QTimer refreshTimer_;
  QString serverUrl_, dataDir_;
  bool everOnline_ = false;
  QString role_, myId_, myName_, forcedFace_, authError_, lastError_;
  QVariantMap sitting_, quorum_, speaker_, openVote_, result_, media_, shared_;
  QString activeItem_, activeItemTitle_;
  int myQueuePosition_ = 0;
  bool checkedIn_ = false, canVote_ = false;
  int documentsCached_ = 0;
  qint64 stateSeq_ = 0;
  QStringList documentShas_;
  QMap<QString, QString> names_;  // person id -> name
  JsonListModel agenda_, roster_, queue_, questions_, votes_, resultOptions_, responders_;
};

}  // namespace chamber::app
