// delegate-app: the tablet (delegate), the chair console and the hall display — one
// binary, the face chosen by the role after login or by --face.
#include <QtQml/qqmlextensionplugin.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "AppWindow.h"
#include "log/ChamberLog.h"
#include "models/Chamber.h"

Q_IMPORT_QML_PLUGIN(Chamber_AppPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_ViewsPlugin)

int main(int argc, char** argv) {
  // Qt's and QML's messages go to the app's logger: one format with the other processes.
  qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
    const auto l = chamber::log::get("app");
    const std::string msg = text.toStdString();
    switch (type) {
      case QtDebugMsg:
        l->debug(msg);
        break;
      case QtInfoMsg:
        l->info(msg);
        break;
      case QtWarningMsg:
        l->warn(msg);
        break;
      case QtCriticalMsg:
      case QtFatalMsg:
        l->error(msg);
        break;
    }
  });
  if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toUtf8());
  QGuiApplication app(argc, argv);
  app.setApplicationName("delegate-app");
  app.setOrganizationName("DigitalChamber");

  QCommandLineParser cli;
  cli.setApplicationDescription(
      "Phòng họp số — máy tính bảng đại biểu, bàn chủ tọa, màn hình hội trường");
  cli.addHelpOption();
  QCommandLineOption server("server", "ws://host:port of the session server", "url",
                            "ws://127.0.0.1:8080");
  QCommandLineOption face("face", "delegate, chair or display (default: by role)", "face");
  QCommandLineOption seat("seat", "log in with this seat (with --pin)", "seat");
  QCommandLineOption pin("pin", "PIN for --seat", "pin");
  QCommandLineOption user("user", "log in with an account (with --password)", "user");
  QCommandLineOption password("password", "password for --user", "password");
  QCommandLineOption data("data", "folder for the document cache and notes", "dir");
  QCommandLineOption lang("lang", "vi (default) or en", "lang", "vi");
  QCommandLineOption screenshot("screenshot",
                                "save the window to this PNG after --after ms, then quit", "png");
  QCommandLineOption after("after", "milliseconds before --screenshot", "ms", "3000");
  QCommandLineOption size("size", "window size WxH", "size", "1280x800");
  QCommandLineOption reportReady("report-ready",
                                 "print READY when the agenda is first on screen (benchmarks)");
  cli.addOptions(
      {server, face, seat, pin, user, password, data, lang, screenshot, after, size, reportReady});
  cli.process(app);

  QTranslator translator;
  auto setLanguage = [&](const QString& l) {
    QCoreApplication::removeTranslator(&translator);
    if (l == "en" && translator.load(":/i18n/chamber_en.qm"))
      QCoreApplication::installTranslator(&translator);
  };
  setLanguage(cli.value(lang));

  // The room outlives the engine that shows it: destroyed after it, the views never see it
  // gone (at exit they read a null room: TypeErrors on every quit).
  chamber::app::Chamber room;
  QQmlApplicationEngine engine;
  const QStringList wh = cli.value(size).split('x');
  QVariantMap options{{"server", cli.value(server)},     {"face", cli.value(face)},
                      {"seat", cli.value(seat).toInt()}, {"pin", cli.value(pin)},
                      {"user", cli.value(user)},         {"password", cli.value(password)},
                      {"data", cli.value(data)},         {"width", wh.value(0).toInt()},
                      {"height", wh.value(1).toInt()}};
  QQuickWindow* window = chamber::app::openWindow(engine, room, options);
  if (!window) return 1;
  QObject::connect(&room, &chamber::app::Chamber::languageRequested, &engine,
                   [&](const QString& l) {
                     setLanguage(l);
                     engine.retranslate();
                   });

  if (cli.isSet(reportReady)) {
    auto* chamberObj = &room;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [window, chamberObj] {
      static bool done = false;
      if (!done && chamberObj && chamberObj->agenda()->rowCount() > 0) {
        done = true;
        std::printf("READY agenda %d items\n", chamberObj->agenda()->rowCount());
        std::fflush(stdout);
      }
      window->update();  // keep frames coming until the agenda is there
    });
  }
  if (cli.isSet(screenshot)) {
    QTimer::singleShot(cli.value(after).toInt(), &app, [&] {
      window->grabWindow().save(cli.value(screenshot));
      app.quit();
    });
  }
  return app.exec();
}
