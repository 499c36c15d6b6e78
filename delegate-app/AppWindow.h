#pragma once
/// Opens the app's window: the Chamber (made by C++, owned by the caller) handed to
/// Main.qml as its typed required property `room`, configured from the command line's
/// options (server, face, data folder) and signed in with a seat's PIN or an account when
/// they are given. delegate-app's main() and the end-to-end tests open windows this way.
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QVariantMap>

#include "models/Chamber.h"

namespace chamber::app {

/// options: server, face, data, seat, pin, user, password, width, height. Returns the
/// window, or nullptr if Main.qml did not load.
QQuickWindow* openWindow(QQmlApplicationEngine& engine, Chamber& chamber,
                         const QVariantMap& options);

}  // namespace chamber::app
