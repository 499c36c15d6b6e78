#include "models/Projection.h"

#include <QJsonArray>
#include <QSet>

namespace chamber::app {

namespace {
QList<QVariantMap> rowsOf(const QJsonArray& a) {
  QList<QVariantMap> rows;
  for (const auto& v : a) rows << v.toObject().toVariantMap();
  return rows;
}
}  // namespace

Projection project(const QJsonObject& state, const QString& myId) {
  Projection p;
  const QJsonObject s = state.value("current").toObject();
  p.media = state.value("media").toObject().toVariantMap();
  p.sitting = {{"id", s.value("id").toInt()},
               {"number", s.value("number").toInt()},
               {"term", s.value("term").toString()},
               {"title", s.value("title").toString()},
               {"date", s.value("date").toString()},
               {"place", s.value("place").toString()},
               {"status", s.value("status").toString()},
               {"isPublic", s.value("isPublic").toBool()},
               // The council's rules say whether the console offers confidence votes.
               {"confidenceVotes", s.value("confidenceVotes").toBool()}};
  QHash<QString, QString> titles;  // "Đại biểu", "Chủ tịch UBND xã": said with the name
  for (const char* list : {"roster", "responders"})
    for (const auto& v : s.value(list).toArray()) {
      const QJsonObject o = v.toObject();
      p.names[o.value("id").toString()] = o.value("name").toString();
      titles[o.value("id").toString()] = o.value("title").toString();
    }
  p.responders = (rowsOf(s.value("responders").toArray()));

  // Agenda: depth from the parent chain; documents as given (already filtered by role).
  p.activeItem = s.value("activeItem").toString();
  auto nameOf = [&](const QString& id) { return p.names.value(id, id); };
  QMap<QString, int> depth;
  QList<QVariantMap> items;
  for (const auto& v : s.value("agenda").toArray()) {
    QVariantMap m = v.toObject().toVariantMap();
    const QString id = m.value("id").toString(), parent = m.value("parent").toString();
    depth[id] = parent.isEmpty() ? 0 : depth.value(parent) + 1;
    m["depth"] = depth[id];
    m["active"] = id == p.activeItem;
    if (id == p.activeItem) p.activeItemTitle = m.value("title").toString();
    for (const auto& d : v.toObject().value("documents").toArray())
      p.documentShas << d.toObject().value("sha256").toString();
    items << m;
  }
  p.agenda = items;

  const QJsonObject attendance = s.value("attendance").toObject();
  QJsonObject openVote;
  for (const auto& v : s.value("votes").toArray())
    if (v.toObject().value("status") == "open") openVote = v.toObject();
  QSet<QString> voted;
  for (const auto& v : openVote.value("voted").toArray()) voted.insert(v.toString());
  QList<QVariantMap> roster;
  for (const auto& v : s.value("roster").toArray()) {
    QVariantMap m = v.toObject().toVariantMap();
    m["present"] = attendance.value(m.value("id").toString()).toBool();
    m["voted"] = voted.contains(m.value("id").toString());
    roster << m;
  }
  p.roster = roster;
  p.checkedIn = attendance.value(myId).toBool();
  p.quorum = s.value("quorum").toObject().toVariantMap();

  QList<QVariantMap> queue;
  int pos = 0;
  for (const auto& v : s.value("queue").toArray()) {
    const QJsonObject q = v.toObject();
    ++pos;
    if (q.value("delegate").toString() == myId) p.myQueuePosition = pos;
    queue << QVariantMap{{"delegate", q.value("delegate").toString()},
                         {"name", nameOf(q.value("delegate").toString())},
                         {"kind", q.value("kind").toString()},
                         {"position", pos}};
  }
  p.queue = queue;

  const QJsonArray speakers = s.value("speakers").toArray();
  if (!speakers.isEmpty()) {
    const QJsonObject sp = speakers.last().toObject();  // the latest turn is the one shown
    p.speaker = {{"id", sp.value("person").toString()},
                 {"name", nameOf(sp.value("person").toString())},
                 {"title", titles.value(sp.value("person").toString())},
                 {"kind", sp.value("kind").toString()},
                 {"since_ms", sp.value("since_ms").toVariant()},
                 {"limit_s", sp.value("limit_s").toInt()},
                 {"count", speakers.size()}};
  }

  QList<QVariantMap> questions;
  for (const auto& v : s.value("questions").toArray()) {
    QVariantMap m = v.toObject().toVariantMap();
    m["fromName"] = nameOf(m.value("from").toString());
    m["toName"] = nameOf(m.value("to").toString());
    questions << m;
  }
  p.questions = questions;

  QList<QVariantMap> votes;
  QJsonObject lastClosed;
  for (const auto& v : s.value("votes").toArray()) {
    const QJsonObject o = v.toObject();
    votes << QVariantMap{{"id", o.value("id").toString()},
                         {"title", o.value("title").toString()},
                         {"item", o.value("item").toString()},
                         {"form", o.value("form").toString()},
                         {"kind", o.value("kind").toString()},
                         {"status", o.value("status").toString()},
                         {"turnout", o.value("turnout").toInt()},
                         {"passed", o.value("result").toObject().value("passed").toBool()}};
    if (o.value("status") == "closed") lastClosed = o;  // the server lists votes by number
  }
  p.votes = votes;
  p.openVote = openVote.toVariantMap();
  p.openVote.remove("voted");
  p.lastClosed = lastClosed;

  const QJsonObject shared = s.value("shared").toObject();
  if (!shared.value("sha256").toString().isEmpty())
    p.shared = {{"sha256", shared.value("sha256").toString()},
                {"page", shared.value("page").toInt()},
                {"seq", 0}};
  return p;
}

}  // namespace chamber::app
