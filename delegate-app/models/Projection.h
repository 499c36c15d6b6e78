#pragma once
/// The tablet's view of the sitting, projected from the server's state view (`state.get`):
/// the rows of every list model and the values of every property. Pure — no socket, no
/// Qt Quick — so it is tested with a state the real protocol::stateView made. Chamber.h
/// owns the models and the connection and hands these to the views.
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace chamber::app {

struct Projection {
  QVariantMap sitting, quorum, speaker, openVote, media;
  QVariantMap shared;            ///< the page the presenter shares (empty: none)
  QMap<QString, QString> names;  ///< person id -> name (delegates and responders)
  QList<QVariantMap> responders, agenda, roster, queue, questions, votes;
  QString activeItem, activeItemTitle;
  QStringList documentShas;  ///< the papers this role may read, to keep offline
  bool checkedIn = false;
  int myQueuePosition = 0;  ///< 0: not queued
  QJsonObject lastClosed;   ///< the latest closed vote (the server lists votes by number)
};

/// `state`: the "state" of a state.get reply; `myId`: the signed-in person (may be empty).
Projection project(const QJsonObject& state, const QString& myId);

}  // namespace chamber::app
