#include "models/Chamber.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrlQuery>

#include "papers/Sign.h"
#include "papers/Signatures.h"
#include "protocol/Json.h"

namespace chamber::app {

namespace {

std::string str(const QString& s) {
  return s.toStdString();
}
QString qstr(const std::string& s) {
  return QString::fromStdString(s);
}

std::vector<std::string> strs(const QStringList& l) {
  std::vector<std::string> out;
  for (const auto& s : l) out.push_back(s.toStdString());
  return out;
}

QJsonObject toQt(const protocol::json& j) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

}  // namespace

Chamber::Chamber(QObject* parent)
    : QObject(parent),
      agenda_({"id", "title", "parent", "presenter", "depth", "active", "documents"}, "id"),
      roster_({"id", "seat", "name", "title", "role", "present", "inOffice", "voted"}, "id"),
      queue_({"delegate", "name", "kind", "position"}, "delegate"),
      questions_({"id", "fromName", "toName", "text", "status", "group", "answers", "from", "to"},
                 "id"),
      votes_({"id", "title", "item", "form", "kind", "status", "turnout", "passed"}, "id"),
      resultOptions_({"key", "label", "count", "base", "percent", "line", "elected"}, "key"),
      responders_({"id", "name", "title"}, "id") {
  dataDir_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  cache_.setDirectory(QDir(dataDir_).filePath("documents"));
  refreshTimer_.setSingleShot(true);
  refreshTimer_.setInterval(30);  // events come in bursts: one re-read per burst
  connect(&refreshTimer_, &QTimer::timeout, this, &Chamber::refresh);
  connect(&client_, &SessionClient::onlineChanged, this, [this](bool on) {
    if (on) {
      everOnline_ = true;
      refresh();
    }
    emit onlineChanged();
  });
  connect(&client_, &SessionClient::pendingChanged, this, &Chamber::pendingChanged);
  client_.onEvent = [this](const protocol::EventEnvelope& e) { onEvent(e); };
  connect(&client_, &SessionClient::authenticated, this, [this](const QJsonObject& r) {
    role_ = r.value("role").toString();
    myId_ = r.value("id").toString();
    myName_ = r.value("name").toString();
    authError_.clear();
    canVote_ =
        role_ == "chair" || role_ == "vice_chair" || role_ == "secretary" || role_ == "delegate";
    cache_.setToken(client_.token());
    notes_.open(QDir(dataDir_).filePath("notes"), myId_.isEmpty() ? "public" : myId_);
    emit identityChanged();
    emit notesChanged();
  });
  connect(
      &client_, &SessionClient::authFailed, this, [this](const QString& code, const QString& msg) {
        authError_ =
            code == "throttled" || code == "busy" ? msg : code;  // the server says how long to wait
        emit identityChanged();
      });
  connect(&client_, &SessionClient::commandFailed, this,
          [this](const QString&, const QString& code, const QString& msg) {
            lastError_ = msg.isEmpty() ? code : msg;
            emit errorChanged();
          });
  // The hall display fetches no papers, except the one a presenter shows to the hall (the
  // server gives a display only what it may read: a classified paper is refused).
  connect(this, &Chamber::sharedChanged, this, [this] {
    const QString sha = shared_.value("sha256").toString();
    if (role_ == "display" && !sha.isEmpty() && !cache_.has(sha)) cache_.fetch({sha});
  });
  // The minutes' PDF, once on the server, comes to this console to be opened and signed.
  connect(&minutes_, &MinutesDesk::pdfReady, this,
          [this](const QString& sha) { cache_.fetch({sha}); });
  connect(&cache_, &DocumentCache::cached, this, [this] {
    ++documentsCached_;
    emit documentsChanged();
  });
  connect(&cache_, &DocumentCache::failed, this, [this](const QString&, const QString& why) {
    lastError_ = why;
    emit errorChanged();
    emit documentsChanged();
  });
}

void Chamber::setServerUrl(const QString& url) {
  serverUrl_ = url;
  QUrl http(url);
  http.setScheme(http.scheme() == "wss" ? "https" : "http");
  cache_.setServer(http);
  minutes_.setServer(url);
  emit configChanged();
}

void Chamber::setDataDir(const QString& dir) {
  dataDir_ = dir;
  cache_.setDirectory(QDir(dir).filePath("documents"));
  emit configChanged();
}

QString Chamber::face() const {
  if (!forcedFace_.isEmpty() && !role_.isEmpty()) return forcedFace_;
  if (role_.isEmpty()) return "login";
  if (role_ == "display" || role_ == "public") return "display";
  if (role_ == "chair" || role_ == "vice_chair" || role_ == "secretary" || role_ == "operator")
    return "chair";
  if (role_ == "responder") return "responder";  // a People's Committee official
  return "delegate";
}

void Chamber::start() {
  client_.stop();
  client_.start(QUrl(serverUrl_));
}

void Chamber::loginPin(int seat, const QString& pin) {
  client_.setPin(seat, pin, QStringLiteral("Máy tính bảng ghế %1").arg(seat));
  start();
}

void Chamber::loginAccount(const QString& user, const QString& password) {
  client_.setPassword(user, password, "Bàn điều khiển " + user);
  start();
}

void Chamber::watchAsPublic() {
  client_.setPublic();
  start();
}

void Chamber::logout() {
  client_.stop();
  role_.clear();
  myId_.clear();
  myName_.clear();
  emit identityChanged();
}

void Chamber::send(const core::Command& c) {
  client_.command(c);
}

void Chamber::checkIn(bool present) {
  send(core::CheckIn{present});
}
void Chamber::requestFloor(const QString& kind) {
  send(core::RequestFloor{str(kind)});
}
void Chamber::cancelFloor() {
  send(core::CancelFloor{});
}
void Chamber::endMyTurn() {
  send(core::EndFloor{});
}
void Chamber::castVote(const QStringList& choices) {
  send(core::CastBallot{str(openVote_.value("id").toString()), strs(choices), ""});
}
void Chamber::submitQuestion(const QString& to, const QString& text) {
  send(core::SubmitQuestion{str(to), str(text)});
}
void Chamber::followUp(const QString& q, const QString& text) {
  send(core::FollowUpQuestion{str(q), str(text)});
}
void Chamber::sittingCommand(const QString& name, const QString& reason) {
  if (name == "open")
    send(core::OpenSitting{});
  else if (name == "suspend")
    send(core::SuspendSitting{str(reason)});
  else if (name == "resume")
    send(core::ResumeSitting{});
  else if (name == "close")
    send(core::CloseSitting{});
}
void Chamber::markPresent(const QString& d, bool present) {
  send(core::MarkAttendance{str(d), present});
}
void Chamber::activateItem(const QString& item) {
  send(core::ActivateItem{str(item)});
}
void Chamber::grantFloor(const QString& person, const QString& kind) {
  send(core::GrantFloor{str(person), str(kind)});
}
void Chamber::endFloor(const QString& person) {
  send(core::EndFloor{str(person)});
}
void Chamber::createVote(const QString& item, const QString& title, const QString& form,
                         const QString& rule, const QString& kind, const QStringList& candidates,
                         int maxChoices) {
  core::CreateVote c{str(item), str(title)};
  try {
    c.form = protocol::json(str(form)).get<core::VoteForm>();  // "open", "named", "secret"
    c.kind = protocol::json(str(kind)).get<core::VoteKind>();  // "motion", "election", …
  } catch (const std::exception&) {
    lastError_ = QStringLiteral("Hình thức biểu quyết không hợp lệ / unknown vote form: %1 %2")
                     .arg(form, kind);
    emit errorChanged();
    return;
  }
  c.rule = str(rule);
  int n = 0;
  for (const QString& name : candidates)  // one per line, as the chair typed them
    if (!name.trimmed().isEmpty())
      c.candidates.push_back({"c" + std::to_string(++n), str(name.trimmed())});
  c.maxChoices = maxChoices;
  send(c);
}
void Chamber::openVoteNow(const QString& vote) {
  send(core::OpenVote{str(vote)});
}
void Chamber::closeVote(const QString& vote) {
  send(core::CloseVote{str(vote)});
}
void Chamber::answerQuestion(const QString& q, const QString& mode, const QString& text) {
  send(core::AnswerQuestion{str(q), str(mode), str(text)});
}
void Chamber::setRecording(bool on) {
  send(core::ControlRecording{on});
}

void Chamber::clearSignIn(int seat) {
  send(core::ClearSignIn{seat});
}

void Chamber::sharePage(const QString& sha, int page) {
  send(core::SharePage{str(sha), page});
}

void Chamber::setNote(const QString& sha, int page, const QString& text) {
  notes_.setNote(sha, page, text);
  emit notesChanged();
}
void Chamber::setHighlighted(const QString& sha, int page, bool on) {
  notes_.setHighlighted(sha, page, on);
  emit notesChanged();
}
QVariantList Chamber::markedPages(const QString& sha) const {
  QVariantList out;
  for (int p : notes_.markedPages(sha)) out << p;
  return out;
}

qint64 Chamber::nowMs() const {
  return QDateTime::currentMSecsSinceEpoch();
}
QString Chamber::personName(const QString& id) const {
  return names_.value(id, id);
}

void Chamber::setLanguage(const QString& lang) {
  emit languageRequested(lang);
}

void Chamber::refresh() {
  client_.queryState([this](const QJsonObject& reply) {
    if (reply.value("type") != "ok") return;
    const QJsonObject r = reply.value("result").toObject();
    stateSeq_ = r.value("head").toInteger();
    applyState(r.value("state").toObject());
  });
}

void Chamber::onEvent(const protocol::EventEnvelope& e) {
  std::optional<core::EventData> typed;
  try {
    typed = e.typed();
  } catch (const std::exception&) {
    typed.reset();  // malformed: the next state.get shows what the server holds
  }
  if (typed) {
    if (const auto* p = std::get_if<core::PageShared>(&*typed)) {
      shared_ = {
          {"sha256", qstr(p->sha256)}, {"page", p->page}, {"seq", static_cast<qint64>(e.seq)}};
      emit sharedChanged();
    }
    // Another editor's version, or the minutes made final: the desk says a newer one exists.
    if (const auto* d = std::get_if<core::MinutesDrafted>(&*typed))
      minutes_.heard(e.sitting, qstr(d->sha256));
    if (const auto* m = std::get_if<core::MinutesSaved>(&*typed))
      minutes_.heard(e.sitting, qstr(m->sha256));
    if (const auto* f = std::get_if<core::MinutesFinalised>(&*typed))
      minutes_.heard(e.sitting, qstr(f->sha256), true);
    if (const auto* c = std::get_if<core::VoteClosed>(&*typed)) {
      // The result is shown at once, from the event itself — as decoded, so that a tally
      // stored before options carried their announcement line has it (core::announce).
      const QString id = qstr(c->vote);
      const QVariantMap known = votes_.get(votes_.indexOf(id));
      setResult(known.isEmpty() ? QJsonObject{{"id", id}} : QJsonObject::fromVariantMap(known),
                toQt(protocol::json(c->tally)));
    }
  }
  refreshTimer_.start();
}

void Chamber::setResult(const QJsonObject& vote, const QJsonObject& tally) {
  // Each option's percent and announcement line come from the server (core::announce): the
  // app shows them, and a translation reads the same numbers (qml/shared/ResultBars.qml).
  QList<QVariantMap> rows;
  for (const auto& v : tally.value("options").toArray()) {
    const QJsonObject o = v.toObject();
    rows << QVariantMap{
        {"key", o.value("key").toString()},         {"label", o.value("label").toString()},
        {"count", o.value("count").toInt()},        {"base", o.value("base").toInt()},
        {"percent", o.value("percent").toString()}, {"line", o.value("line").toString()},
        {"elected", o.value("elected").toBool()}};
  }
  resultOptions_.setRows(rows);
  result_ = {{"id", vote.value("id").toString()},
             {"title", vote.value("title").toString()},
             {"item", vote.value("item").toString()},
             {"kind", vote.value("kind").toString()},
             {"form", vote.value("form").toString()},
             {"passed", tally.value("passed").toBool()},
             {"base", tally.value("base").toInt()},
             {"present", tally.value("present").toInt()},
             {"cast", tally.value("cast").toInt()},
             {"absent", tally.value("absent").toInt()},
             {"notVoted", tally.value("notVoted").toInt()},
             {"ruleLabel", tally.value("ruleLabel").toString()},
             {"tie", tally.value("tie").toBool()}};
  emit resultChanged();
}

void Chamber::applyState(const QJsonObject& state) {
  Projection p = project(state, myId_);
  media_ = p.media;
  sitting_ = p.sitting;
  minutes_.setSitting(sitting_.value("id").toInt(), sitting_.value("number").toInt());
  names_ = p.names;
  responders_.setRows(p.responders);
  activeItem_ = p.activeItem;
  activeItemTitle_ = p.activeItemTitle;
  documentShas_ = p.documentShas;
  agenda_.setRows(p.agenda);
  roster_.setRows(p.roster);
  checkedIn_ = p.checkedIn;
  quorum_ = p.quorum;
  myQueuePosition_ = p.myQueuePosition;
  queue_.setRows(p.queue);
  speaker_ = p.speaker;
  questions_.setRows(p.questions);
  votes_.setRows(p.votes);
  openVote_ = p.openVote;
  // (A tablet started after the vote reads vote.closed in the replay before it has the
  // vote's title and item: the state completes the result — it showed no title.)
  if (!p.lastClosed.isEmpty() &&
      (result_.value("id").toString() != p.lastClosed.value("id").toString() ||
       result_.value("title").toString().isEmpty()))
    setResult(p.lastClosed, p.lastClosed.value("result").toObject());
  if (!p.shared.isEmpty() && shared_.isEmpty()) {
    shared_ = p.shared;
    emit sharedChanged();
  }
  emit stateChanged();
  fetchDocuments();
}

void Chamber::fetchDocuments() {
  // Fetched once the delegate is in the sitting (and for those who run it), kept offline.
  const bool member = role_ != "public" && role_ != "display" && !role_.isEmpty();
  if (!member || (role_ == "delegate" && !checkedIn_)) return;
  cache_.fetch(documentShas_);
  // What is on the tablet already counts from the start (after a restart it said "0 tài
  // liệu trên máy" though every paper was there).
  int onDevice = 0;
  for (const QString& sha : documentShas_) onDevice += cache_.has(sha) ? 1 : 0;
  documentsCached_ = std::max(documentsCached_, onDevice);
  emit documentsChanged();
}

QVariantMap Chamber::signaturesOf(const QString& sha) {
  if (!cache_.has(sha)) return {};
  if (const auto it = signatures_.constFind(sha); it != signatures_.constEnd()) return *it;
  const auto found = papers::verifyPdf(cache_.path(sha).toStdString());
  QVariantList lines;
  for (const auto& s : found.signatures) {
    const auto ms = papers::instantMs(s.signedAt);
    const QString when = ms ? QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone(7 * 3600))
                                  .toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                            : QString::fromStdString(s.signedAt);
    QStringList parts{QString::fromStdString(s.name.empty() ? s.signer : s.name)};
    if (!s.reason.empty()) parts << QString::fromStdString(s.reason);
    parts << when;
    lines << parts.join(QStringLiteral(" — "));
  }
  QVariantMap m{{"signed", !found.signatures.empty()}, {"valid", found.valid()}, {"lines", lines}};
  signatures_.insert(sha, m);
  return m;
}

void Chamber::signDocument(const QString& sha, const QVariantMap& how) {
  if (!cache_.has(sha)) {
    emit signingDone(
        false, QStringLiteral("Tài liệu chưa có trên máy / the paper is not on this computer yet"));
    return;
  }
  const QString out = QDir(dataDir_).filePath("signed-" + sha.left(16) + ".pdf");
  papers::SignRequest r;
  r.in = cache_.path(sha).toStdString();
  r.out = out.toStdString();
  r.key = {how.value("module").toString().toStdString(),
           how.value("token").toString().toStdString(), how.value("key").toString().toStdString(),
           how.value("pin").toString().toStdString()};
  r.name = how.value("name").toString().toStdString();
  r.title = how.value("title").toString().toStdString();
  r.reason = how.value("reason").toString().toStdString();
  r.seal = how.value("seal").toBool();
  try {
    papers::signPdf(r);
  } catch (const std::exception& e) {
    QFile::remove(out);
    emit signingDone(false, QString::fromUtf8(e.what()));
    return;
  }
  // The signed copy goes to the same item, for every tablet (and its signatures checked).
  QFile* file = new QFile(out, this);
  if (!file->open(QIODevice::ReadOnly)) {
    emit signingDone(false,
                     QStringLiteral("Không đọc được bản đã ký / cannot read the signed copy"));
    return;
  }
  QUrl url(QUrl(serverUrl_).resolved(QUrl("/api/documents")));
  url.setScheme(url.scheme() == "wss" ? "https" : "http");
  QUrlQuery q;
  q.addQueryItem("title", how.value("docTitle").toString() +
                              QStringLiteral(" (đã ký)") /* a title on the server: Vietnamese */);
  q.addQueryItem("item", how.value("item").toString());
  q.addQueryItem("filename", QFileInfo(out).fileName());
  url.setQuery(q);
  QNetworkRequest req(url);
  req.setRawHeader("Authorization", "Bearer " + client_.token().toUtf8());
  req.setHeader(QNetworkRequest::ContentTypeHeader, "application/pdf");
  req.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
  QNetworkReply* reply = uploads_.post(req, file);
  file->setParent(reply);
  connect(reply, &QNetworkReply::finished, this, [this, reply, out] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto body = QJsonDocument::fromJson(reply->readAll()).object();
    QFile::remove(out);
    if (status == 201)
      emit signingDone(
          true,
          QStringLiteral(
              "Đã ký số và gửi bản đã ký lên máy chủ / signed, the signed copy is on the server"));
    else
      emit signingDone(false, body.value("message").toString(reply->errorString()));
  });
}

}  // namespace chamber::app
