// The minutes on the console, end to end: the real server and two real consoles offscreen.
// The chair closes the sitting; the secretary opens the draft the server made, types a
// correction and saves it; the chair, still on the older version, is told that a newer one
// exists and cannot overwrite it — what the chair typed stays on the screen; the secretary
// sees the changes against the draft and makes the minutes final, after which nothing is
// editable. What the server holds is checked over HTTP; screenshots of each step.
#include <QtQml/qqmlextensionplugin.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTranslator>
#include <fstream>

#include "Faces.h"
#include "papers/Signatures.h"
#include "support/Http.h"
#include "support/TestToken.h"

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
    QTRY_VERIFY(item(*secretary, "minutesMessage")
                    ->property("text")
                    .toString()
                    .contains("Đã lưu bản số 1"));
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
    QTRY_VERIFY(
        item(*secretary, "minutesStatus")->property("text").toString().contains("Đã hoàn thành"));
    QCOMPARE(serverMinutes(srv, *secretary)["final"].toInt(), 1);
    // The chair's console shows it final too, once it opens the latest.
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "minutesNewer"), 10000);
    QVERIFY(click(*chair, "minutesReload"));
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->minutes()->property("finalVersion").toInt(), 1,
                              10000);
    QCOMPARE(item(*chair, "minutesEditor")->property("readOnly").toBool(), true);
    shot(*secretary, "minutes-final");
    const QStringList problems = layoutProblems(*secretary) + layoutProblems(*chair);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));

    // The next sitting is created (from the office, as chamberctl does while the server
    // runs): the consoles chair it; nothing of these minutes stays on screen.
    {
      store::Store st(srv.dir.path);
      std::int64_t head = 0;
      core::State s = st.load(head);
      core::CreateSitting next;
      next.number = 6;
      next.title = "Kỳ họp thứ sáu";
      next.agenda = {{"1", "", "Khai mạc", "", {}}};
      st.run(s, {core::Role::Operator, "operator"}, next, 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        secretary->chamber->property("sitting").toMap().value("number").toInt(), 6, 10000);
    QTRY_VERIFY(!item(*secretary, "minutesEditor"));
    QVERIFY(!item(*secretary, "minutesToggle"));
    QCOMPARE(secretary->chamber->minutes()->property("loaded").toBool(), false);
  }

  void theChairMakesTheMinutesPdfOnTheConsoleAndSignsIt() {
    TempDir work;
    std::unique_ptr<TestTokens> tokens;
    AppServer srv(3, 3, [&](store::Store&, core::State&) {
      tokens = std::make_unique<TestTokens>(work.path / "hsm");
      tokens->make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
    });
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    auto secretary = loggedIn(srv, 2);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online() && secretary->online(), 10000);
    chair->chamber->sittingCommand("close");
    // The secretary makes the draft final from a desk of their own.
    QTRY_COMPARE_WITH_TIMEOUT(secretary->property("sitting").toMap().value("status").toString(),
                              QString("closed"), 10000);
    secretary->minutes()->load();
    QTRY_VERIFY_WITH_TIMEOUT(secretary->minutes()->property("loaded").toBool(), 10000);
    secretary->minutes()->finalise();
    QTRY_COMPARE_WITH_TIMEOUT(secretary->minutes()->property("finalVersion").toInt(), 0, 10000);

    // The chair's console: the PDF made from the final text, put on the server and recorded.
    QVERIFY(click(*chair, "minutesToggle"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "minutesMakePdf"), 10000);
    QVERIFY(click(*chair, "minutesMakePdf"));
    auto* desk = chair->chamber->minutes();
    QTRY_VERIFY_WITH_TIMEOUT(!desk->property("pdfSha").toString().isEmpty(), 20000);
    const QString pdfSha = desk->property("pdfSha").toString();
    const std::string bearer = "Bearer " + chair->chamber->client().token().toStdString();
    const auto minutes =
        http(srv.server->port(), "GET", "/api/minutes/1", {{"Authorization", bearer}});
    QVERIFY(QString::fromStdString(minutes.body).contains(pdfSha));
    // What it says: the council's paper with the text the secretary made final.
    const auto pdf = http(srv.server->port(), "GET", "/api/documents/" + pdfSha.toStdString(),
                          {{"Authorization", bearer}});
    QCOMPARE(pdf.status, 200);
    const QString pdfPath = QString::fromStdString((work.path / "bien-ban.pdf").string());
    {
      QFile f(pdfPath);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(pdf.body.data(), static_cast<qint64>(pdf.body.size()));
    }
    QProcess text;
    text.start("pdftotext", {"-layout", pdfPath, "-"});
    QVERIFY(text.waitForFinished(20000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains("BIÊN BẢN") && words.contains("Kỳ họp thứ năm"), qPrintable(words));

    // Opened where papers are signed; the chair signs with the token plugged in.
    QVERIFY(click(*chair, "minutesOpenPdf"));
    QQuickItem* viewer = item(*chair, "chairDocumentViewer");
    QVERIFY(viewer);
    QTRY_COMPARE(viewer->property("sha").toString(), pdfSha);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->isCached(pdfSha), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "signButton"), 5000);
    QTest::qWait(500);  // the first page drawn
    shot(*chair, "minutes-pdf-on-console");
    // The sign button above the paper, not under it.
    QVERIFY(item(*chair, "signButton")->mapToScene({0, 0}).y() + 56 <=
            viewer->mapToScene({0, 0}).y());
    QVERIFY(click(*chair, "signButton"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "signPin") != nullptr, 5000);
    fillSignDialog(*chair, TestTokens::kModule, "111111");
    QVERIFY(click(*chair, "signConfirm"));
    QTRY_VERIFY_WITH_TIMEOUT(
        item(*chair, "signMessage")->property("text").toString().startsWith("✓"), 20000);
    // The signed copy is on the server, and its signature holds over the minutes' bytes.
    const auto list = QJsonDocument::fromJson(QByteArray::fromStdString(
        http(srv.server->port(), "GET", "/api/documents", {{"Authorization", bearer}}).body));
    QString signedSha;
    for (const auto& d : list.object().value("documents").toArray())
      if (d.toObject().value("title").toString().contains("(đã ký)"))
        signedSha = d.toObject().value("sha256").toString();
    QVERIFY(!signedSha.isEmpty());
    const auto signedPdf =
        http(srv.server->port(), "GET", "/api/documents/" + signedSha.toStdString(),
             {{"Authorization", bearer}});
    QVERIFY(signedPdf.body.rfind(pdf.body, 0) == 0);  // it begins with the recorded PDF
    const std::string signedPath = (work.path / "bien-ban-ky.pdf").string();
    std::ofstream(signedPath, std::ios::binary) << signedPdf.body;
    const auto sigs = papers::verifyPdf(signedPath, tokens->caCert.string());
    QCOMPARE(sigs.signatures.size(), std::size_t(1));
    QVERIFY(sigs.valid());
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
        auto f = open(
            srv, {{"seat", 2}, {"pin", "pin2"}, {"width", size.width()}, {"height", size.height()}},
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
