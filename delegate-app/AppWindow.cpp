#include "AppWindow.h"

namespace chamber::app {

QQuickWindow* openWindow(QQmlApplicationEngine& engine, Chamber& chamber,
                         const QVariantMap& options) {
  chamber.setServerUrl(options.value("server").toString());
  chamber.setProperty("forcedFace", options.value("face").toString());
  if (!options.value("data").toString().isEmpty())
    chamber.setDataDir(options.value("data").toString());
  engine.addImportPath("qrc:/");  // static QML modules live under qrc:/<URI>
  QQmlEngine::setObjectOwnership(&chamber, QQmlEngine::CppOwnership);  // never collected by QML
  engine.setInitialProperties({{"options", options}, {"room", QVariant::fromValue(&chamber)}});
  engine.load(QUrl("qrc:/Chamber/Views/Main.qml"));
  if (engine.rootObjects().isEmpty()) return nullptr;
  if (options.value("seat").toInt() > 0)
    chamber.loginPin(options.value("seat").toInt(), options.value("pin").toString());
  else if (!options.value("user").toString().isEmpty())
    chamber.loginAccount(options.value("user").toString(), options.value("password").toString());
  return qobject_cast<QQuickWindow*>(engine.rootObjects().first());
}

}  // namespace chamber::app
