// The minutes on the console, end to end: the real server and two real consoles offscreen.
// The chair closes the sitting; the secretary opens the draft the server made, types a
// correction and saves it; the chair, still on the older version, is told that a newer one
// exists and cannot overwrite it — what the chair typed stays on the screen; the secretary
// sees the changes against the draft and makes the minutes final, after which nothing is
// editable. What the server holds is checked over HTTP; screenshots of each step.
#include <QtQml/qqmlextensionplugin.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>

#include "Faces.h"
#include "support/Http.h"

Q_IMPORT_QML_PLUGIN(Chamber_AppPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_ViewsPlugin)

using namespace chamber;
using namespace chamber::test;

namespace {

QString editorText(Face& f) {
  QQuickItem* e = item(f, "minutesEditor");
  return e ? e->property("text").toString() : QString();
}

/// Types at the end of the minutes, as a person would on the console's keyboard.
void typeAtEnd(Face& f, const QString& text) {
  QQuickItem* e = item(f, "minutesEditor");
  QVERIFY(e);
  f.window->requestActivate();  // the keyboard goes to the console in front
  QVERIFY(QTest::qWaitForWindowActive(f.window));
  e->forceActiveFocus();
  e->setProperty("cursorPosition", e->property("length"));
  for (const QChar c : text) {
    if (c == '\n')
      QTest::keyClick(f.window, Qt::Key_Return);
    else  // Vietnamese letters arrive as the text of a key, as from the on-screen keyboard
      QTest::sendKeyEvent(QTest::Click, f.window, Qt::Key_unknown, QString(c), Qt::NoModifier);
  }
}

/// The minutes as the server holds them, asked with the face's own sign-in.
QJsonObject serverMinutes(const AppServer& srv, Face& f) {
  const auto r = http(srv.server->port(), "GET", "/api/minutes/1",
                      {{"Authorization", "Bearer " + f.chamber->client().token().toStdString()}});
  return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
}

}  // namespace

class MinutesDeskTest : public QObject {
  Q_OBJECT
 private slots:
  void theSecretaryCorrectsAndFinalisesTheMinutesWithoutOverwritingTheChair() {
    AppServer srv(4);  // seat 1 chairs, seat 2 is the secretary
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    auto secretary = open(srv, {{"seat", 2}, {"pin", "pin2"}}, "secretary");
    QVERIFY(chair && secretary);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online() && secretary->chamber->online(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(secretary->chamber->face(), QString("chair"), 5000);
    QVERIFY(!item(*secretary, "minutesToggle"));  // no minutes while the sitting runs

    // The close: the server drafts the minutes from the record in the same step.
    chair->chamber->sittingCommand("close");
    QTRY_VERIFY_WITH_TIMEOUT(item(*secretary, "minutesToggle"), 10000);
    QVERIFY(click(*secretary, "minutesToggle"));
    QTRY_VERIFY_WITH_TIMEOUT(editorText(*secretary).contains("Tên loại: BIÊN BẢN"), 10000);
    const QString draft = editorText(*secretary);
    QCOMPARE(draft, serverMinutes(srv, *secretary)["latest"].toObject()["text"].toString());
    QCOMPARE(item(*secretary, "minutesSave")->isEnabled(), false);  // nothing typed yet
    shot(*secretary, "minutes-draft");

    // The chair opens them too, on the draft.
    QVERIFY(click(*chair, "minutesToggle"));
    QTRY_COMPARE_WITH_TIMEOUT(editorText(*chair), draft, 10000);

    // The secretary types a correction and saves it: version 1.
    const QString line = QStringLiteral("\nThư ký kỳ họp đã đọc lại biên bản trước kỳ họp.");
    typeAtEnd(*secretary, line);
    QCOMPARE(editorText(*secretary), draft + line);
    QTRY_VERIFY(item(*secretary, "minutesSave")->isEnabled());
    QVERIFY(click(*secretary, "minutesSave"));
    QTRY_COMPARE_WITH_TIMEOUT(secretary->chamber->minutes()->property("version").toInt(), 1, 10000);
    QTRY_VERIFY(item(*secretary, "minutesMessage")->property("text").toString().contains("Đã lưu bản số 1"));
    QCOMPARE(item(*secretary, "minutesSave")->isEnabled(), false);  // saved: nothing new
    QCOMPARE(serverMinutes(srv, *secretary)["latest"].toObject()["text"].toString(), draft + line);

    // The chair, who had typed on the draft meanwhile, hears of the newer version ...
    const QString chairs = QStringLiteral("\nChủ tọa bổ sung.");
    typeAtEnd(*chair, chairs);
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "minutesNewer"), 10000);
    // ... and saving over it is refused by the server: the secretary's version stands and
    // the chair's typing is still on the screen.
    QVERIFY(click(*chair, "minutesSave"));
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->minutes()->property("failed").toBool(), 10000);
    QVERIFY(item(*chair, "minutesMessage")->property("text").toString().contains("newer version"));
    QCOMPARE(editorText(*chair), draft + chairs);
    QCOMPARE(serverMinutes(srv, *chair)["latest"].toObject()["version"].toInt(), 1);
    shot(*chair, "minutes-newer-version");
    // Opening the latest shows the secretary's text.
    QVERIFY(click(*chair, "minutesReload"));
    QTRY_COMPARE_WITH_TIMEOUT(editorText(*chair), draft + line, 10000);
    QVERIFY(!item(*chair, "minutesNewer"));

    // The secretary sees what changed against the draft ...
    QVERIFY(click(*secretary, "minutesDiff"));
    QTRY_VERIFY(item(*secretary, "minutesDiffText"));
    QVERIFY(item(*secretary, "minutesDiffText")
                ->property("text")
                .toString()
                .contains("+Thư ký kỳ họp đã đọc lại biên bản trước kỳ họp."));
    shot(*secretary, "minutes-changes");
    QVERIFY(click(*secretary, "minutesDiff"));

    // ... and makes them final, after asking.
    QVERIFY(click(*secretary, "minutesFinalise"));
    QTRY_VERIFY(item(*secretary, "finaliseConfirm"));
    QVERIFY(click(*secretary, "finaliseConfirm"));
    QTRY_COMPARE_WITH_TIMEOUT(secretary->chamber->minutes()->property("finalVersion").toInt(), 1,
                              10000);
    QVERIFY(!item(*secretary, "minutesSave"));
    QVERIFY(!item(*secretary, "minutesFinalise"));
    QCOMPARE(item(*secretary, "minutesEditor")->property("readOnly").toBool(), true);
    QTRY_VERIFY(item(*secretary, "minutesStatus")->property("text").toString().contains("Đã hoàn thành"));
    QCOMPARE(serverMinutes(srv, *secretary)["final"].toInt(), 1);
    // The chair's console shows it final too, once it opens the latest.
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "minutesNewer"), 10000);
    QVERIFY(click(*chair, "minutesReload"));
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->minutes()->property("finalVersion").toInt(), 1, 10000);
    QCOMPARE(item(*chair, "minutesEditor")->property("readOnly").toBool(), true);
    shot(*secretary, "minutes-final");
    const QStringList problems = layoutProblems(*secretary) + layoutProblems(*chair);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
  }

  void theMinutesDeskFitsEveryTabletInBothLanguages() {
    AppServer srv(4);
    auto chair = loggedIn(srv, 1);
    QTRY_VERIFY_WITH_TIMEOUT(chair->online(), 10000);
    chair->sittingCommand("close");
    QTRY_COMPARE_WITH_TIMEOUT(chair->property("sitting").toMap().value("status").toString(),
                              QString("closed"), 10000);
    QTranslator english;
    QStringList problems;
    for (const QString lang : {"vi", "en"}) {
      if (lang == "en") {
        QVERIFY(english.load(QString(CHAMBER_BINARY_DIR) + "/delegate-app/chamber_en.qm"));
        QCoreApplication::installTranslator(&english);
      }
      for (const QSize size : {QSize(1280, 800), QSize(1024, 768), QSize(800, 1280)}) {
        auto f = open(srv, {{"seat", 2}, {"pin", "pin2"}, {"width", size.width()},
                            {"height", size.height()}},
                      "secretary-" + lang + QString::number(size.width()));
        QVERIFY(f);
        QTRY_VERIFY_WITH_TIMEOUT(item(*f, "minutesToggle"), 10000);
        QVERIFY(click(*f, "minutesToggle"));
        QTRY_VERIFY_WITH_TIMEOUT(f->chamber->minutes()->property("loaded").toBool(), 10000);
        const QString name =
            QString("minutes-%1-%2x%3").arg(lang).arg(size.width()).arg(size.height());
        shot(*f, name);
        for (const QString& p : layoutProblems(*f)) problems << name + ": " + p;
      }
    }
    QCoreApplication::removeTranslator(&english);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
  }
};

QTEST_MAIN(MinutesDeskTest)
#include "MinutesDeskTest.moc"
