// Qt Quick Test runner for the views (qml/tst_*.qml), offscreen. With CHAMBER_TEST_QM set
// (a compiled translation) the views run in that language, as an English tablet would.
#include <QtQml/qqmlextensionplugin.h>

#include <QCoreApplication>
#include <QQmlEngine>
#include <QTranslator>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Chamber_ViewsPlugin)

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/");
    const QString qm = qEnvironmentVariable("CHAMBER_TEST_QM");
    if (!qm.isEmpty()) {
      if (!translator_.load(qm)) qFatal("cannot load %s", qPrintable(qm));
      QCoreApplication::installTranslator(&translator_);
      engine->setUiLanguage("en");
    }
  }

 private:
  QTranslator translator_;
};

QUICK_TEST_MAIN_WITH_SETUP(views, Setup)
#include "QuickTests.moc"
