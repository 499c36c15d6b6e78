// The whole app, end to end: the real server; a chair, three delegates and the hall display,
// each the real QML app offscreen (in one process, each with its own connection). They check
// in, the chair activates an item and opens a vote, everyone votes by touching the buttons,
// every instance shows the same result. One delegate loses its connection mid-vote: its vote
// is sent when it is back and counted once. Screenshots of every face go to the build folder.
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTranslator>

#include "Faces.h"
#include "papers/Sign.h"
#include "support/TestToken.h"

Q_IMPORT_QML_PLUGIN(Chamber_AppPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_ViewsPlugin)

using namespace chamber;
using namespace chamber::test;

namespace {

QStringList resultLines(app::Chamber& c) {
  QStringList lines;
  for (int i = 0; i < c.resultOptions()->rowCount(); ++i)
    lines << c.resultOptions()->get(i).value("line").toString();
  return lines;
}

}  // namespace

class EndToEndTest : public QObject {
  Q_OBJECT
 private slots:
  void aSittingOnEveryFace() {
    AppServer srv(5, 100);  // seat 1 chairs, seat 2 (secretary) is away, 3–5 are delegates
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    QVERIFY(chair);
    std::vector<std::unique_ptr<Face>> d;
    for (int seat = 3; seat <= 5; ++seat)
      d.push_back(open(srv, {{"seat", seat}, {"pin", QString::fromStdString(pinOf(seat))}},
                       QString::number(seat)));
    auto hall =
        open(srv, {{"user", "display"}, {"password", "secret"}, {"width", 1920}, {"height", 1080}},
             "display");
    QVERIFY(hall);
    for (Face* f : {chair.get(), d[0].get(), d[1].get(), d[2].get(), hall.get()})
      QTRY_VERIFY_WITH_TIMEOUT(f->chamber->online(), 10000);
    QCOMPARE(hall->chamber->face(), QString("display"));

    // Check in by touching the button; the papers come down to each tablet.
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "checkInChair") != nullptr, 5000);
    QVERIFY(click(*chair, "checkInChair"));
    for (auto& f : d) {
      QTRY_VERIFY_WITH_TIMEOUT(item(*f, "checkIn") != nullptr, 5000);
      QVERIFY(click(*f, "checkIn"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(hall->chamber->property("quorum").toMap().value("present").toInt(), 4,
                              5000);
    const QString sha = QString::fromStdString(srv.docSha);
    for (auto& f : d) QTRY_VERIFY_WITH_TIMEOUT(f->chamber->isCached(sha), 10000);

    // The chair activates an item; every face follows.
    chair->chamber->activateItem("2");
    for (Face* f : {d[0].get(), d[1].get(), d[2].get(), hall.get()})
      QTRY_COMPARE_WITH_TIMEOUT(f->chamber->property("activeItem").toString(), QString("2"), 5000);
    shot(*d[0], "delegate-agenda");

    // A document, and the presenter's page followed.
    QQuickItem* viewer = item(*d[1], "documentViewer");
    QVERIFY(viewer);
    viewer->setProperty("title", "Dự toán 2027");
    viewer->setProperty("sha", sha);
    // The chair opens the same paper from the console, turns to page 5 and shows it to the hall.
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->isCached(sha), 10000);
    QVERIFY(click(*chair, "papersToggle"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "chairPapers") != nullptr, 5000);
    QQuickItem* chairViewer = item(*chair, "chairDocumentViewer");
    QVERIFY(chairViewer);
    // (Touched again until it opens: a touch while the list is still being laid out can land
    // beside the button — seen once in about ten runs.)
    const QByteArray paper = ("paper_" + sha.left(8)).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(
        (click(*chair, paper.constData()), chairViewer->property("sha").toString() == sha), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(chairViewer->property("pageCount").toInt() > 4, 10000);
    // A paper opens with its page fitted to the width of the view: nothing cut at the side.
    QTRY_VERIFY_WITH_TIMEOUT(chairViewer->property("pageWidth").toReal() > 100, 5000);
    QVERIFY2(
        chairViewer->property("pageWidth").toReal() <= chairViewer->property("viewWidth").toReal(),
        qPrintable(QString("page %1 px in a view of %2 px")
                       .arg(chairViewer->property("pageWidth").toReal())
                       .arg(chairViewer->property("viewWidth").toReal())));
    QMetaObject::invokeMethod(chairViewer, "goTo", Q_ARG(QVariant, QVariant(4)));
    QTRY_COMPARE_WITH_TIMEOUT(chairViewer->property("page").toInt(), 4, 5000);
    QVERIFY(click(*chair, "shareButton"));
    QTRY_COMPARE_WITH_TIMEOUT(viewer->property("page").toInt(), 4, 5000);
    // The hall sees the shared page too.
    QTRY_VERIFY2_WITH_TIMEOUT(
        item(*hall, "hallPage") != nullptr,
        qPrintable(QString("cached %1, error %2, shared %3")
                       .arg(hall->chamber->isCached(sha))
                       .arg(hall->chamber->property("lastError").toString())
                       .arg(hall->chamber->property("shared").toMap().value("sha256").toString())),
        10000);
    QTRY_COMPARE_WITH_TIMEOUT(item(*hall, "hallPageImage")->property("currentFrame").toInt(), 4,
                              5000);
    shot(*hall, "hall-display-page");
    QTRY_VERIFY2_WITH_TIMEOUT(
        viewer->property("pageWidth").toReal() <= viewer->property("viewWidth").toReal(),
        qPrintable(QString("delegate: page %1 px in a view of %2 px")
                       .arg(viewer->property("pageWidth").toReal())
                       .arg(viewer->property("viewWidth").toReal())),
        3000);
    // Still the presenter's page (a refit under load may pass through the first page; it must
    // come back: seen once in a full parallel run).
    QTRY_COMPARE_WITH_TIMEOUT(viewer->property("page").toInt(), 4, 3000);
    shot(*chair, "chair-papers");
    shot(*d[1], "delegate-document");
    QVERIFY(click(*chair, "papersToggle"));

    // A vote: the panel appears; everyone touches "tán thành" (one "không tán thành").
    chair->chamber->createVote("2", "Thông qua dự toán thu, chi ngân sách xã năm 2027", "open",
                               "majority");
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->votes()->rowCount(), 1, 5000);
    chair->chamber->openVoteNow(chair->chamber->votes()->get(0).value("id").toString());
    for (auto& f : d) QTRY_VERIFY_WITH_TIMEOUT(item(*f, "option_yes") != nullptr, 5000);
    shot(*d[0], "delegate-vote-panel");
    QVERIFY(click(*chair, "option_yes"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "confirm") != nullptr, 5000);
    QVERIFY(click(*chair, "confirm"));
    QVERIFY(click(*d[0], "option_yes"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*d[0], "confirm") != nullptr, 5000);
    QVERIFY(click(*d[0], "confirm"));
    QVERIFY(click(*d[1], "option_no"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*d[1], "confirm") != nullptr, 5000);
    QVERIFY(click(*d[1], "confirm"));
    // Seat 5 chooses, loses the Wi-Fi, confirms while offline.
    QVERIFY(click(*d[2], "option_yes"));
    d[2]->chamber->simulateDrop();
    QTRY_VERIFY_WITH_TIMEOUT(!d[2]->chamber->online(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*d[2], "confirm") != nullptr, 5000);
    QVERIFY(click(*d[2], "confirm"));
    QCOMPARE(d[2]->chamber->pendingCommands(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(d[2]->chamber->online(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(d[2]->chamber->pendingCommands(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->votes()->get(0).value("turnout").toInt(), 4, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*d[0], "myChoice") != nullptr, 5000);
    // The chair voted from the strip in the console; the console stays usable: the vote is
    // ended with the console's own button (a panel over the console used to swallow this).
    QVERIFY(item(*chair, "chairBallot") != nullptr);
    QVERIFY(item(*chair, "myChoice") != nullptr);
    const QString media = item(*chair, "mediaText")->property("text").toString();
    QVERIFY2(!media.contains("idle") && !media.contains("live"), qPrintable(media));
    shot(*chair, "chair-console");
    QVERIFY(click(*chair, "voteAction"));

    // Every instance shows the same result.
    const QStringList expected{"3/5 đại biểu tán thành (60,00%)",
                               "1/5 đại biểu không tán thành (20,00%)",
                               "0/5 đại biểu không biểu quyết (0,00%)"};
    for (Face* f : {chair.get(), d[0].get(), d[1].get(), d[2].get(), hall.get()}) {
      QTRY_COMPARE_WITH_TIMEOUT(resultLines(*f->chamber), expected, 5000);
      QVERIFY(f->chamber->property("result").toMap().value("passed").toBool());
    }
    QTRY_VERIFY_WITH_TIMEOUT(item(*hall, "hallResult") != nullptr, 5000);
    shot(*hall, "hall-display-result");
    shot(*d[2], "delegate-after-vote");

    // A tablet and the hall display started again after the vote show its whole result.
    hall.reset();
    auto hall2 =
        open(srv, {{"user", "display"}, {"password", "secret"}, {"width", 1920}, {"height", 1080}},
             "display");
    auto seat3 = open(srv, {{"seat", 3}, {"pin", QString::fromStdString(pinOf(3))}}, "3");
    for (Face* f : {hall2.get(), seat3.get()}) {
      QTRY_COMPARE_WITH_TIMEOUT(resultLines(*f->chamber), expected, 10000);
      QTRY_COMPARE_WITH_TIMEOUT(f->chamber->property("result").toMap().value("title").toString(),
                                QString("Thông qua dự toán thu, chi ngân sách xã năm 2027"), 5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(item(*hall2, "hallResult") != nullptr, 5000);
    // The papers already on the tablet are counted at once (it said 0 after a restart).
    QTRY_COMPARE_WITH_TIMEOUT(seat3->chamber->property("documentsCached").toInt(), 1, 3000);
    // The next item: the old result leaves the hall's screen; who speaks is shown with title.
    chair->chamber->activateItem("3");
    QTRY_VERIFY_WITH_TIMEOUT(item(*hall2, "hallResult") == nullptr, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*hall2, "hallFloor") != nullptr, 5000);
    QVERIFY(item(*hall2, "hallClock") != nullptr);
    shot(*hall2, "hall-display-floor");
    // Closing asks first; only "Đồng ý" closes; the hall says the sitting is closed.
    QVERIFY(click(*chair, "closeSitting"));
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "confirmYes") != nullptr, 5000);
    QTest::qWait(300);
    QCOMPARE(chair->chamber->property("sitting").toMap().value("status").toString(),
             QString("open"));
    shot(*chair, "chair-confirm-close");
    QVERIFY(click(*chair, "confirmYes"));
    QTRY_COMPARE_WITH_TIMEOUT(
        hall2->chamber->property("sitting").toMap().value("status").toString(), QString("closed"),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*hall2, "hallStatus") != nullptr, 5000);
    shot(*hall2, "hall-display-closed");
  }

  void aWrongPinAsksAgainAndNeverLocksTheSeatByItself() {
    AppServer srv(5);
    auto wrong = open(srv, {{"seat", 3}, {"pin", "000000"}}, "wrong");
    QVERIFY(wrong);
    QSignalSpy refusals(wrong->chamber, &app::Chamber::identityChanged);  // one per refusal
    QTRY_VERIFY_WITH_TIMEOUT(!wrong->chamber->property("authError").toString().isEmpty(), 5000);
    QCOMPARE(wrong->chamber->face(), QString("login"));
    QTest::qWait(4000);  // (it used to send the same PIN again and again: the seat locked)
    QCOMPARE(refusals.count(), 1);
    QCOMPARE(wrong->chamber->face(), QString("login"));
    // The delegate types the right PIN: in at once, the seat not locked.
    wrong->chamber->loginPin(3, QString::fromStdString(pinOf(3)));
    QTRY_VERIFY_WITH_TIMEOUT(wrong->chamber->online(), 5000);
    QCOMPARE(wrong->chamber->face(), QString("delegate"));
  }

  void theResponderAnswersAndTheDelegateSeesTheAnswer() {
    AppServer srv(4);
    auto delegate = open(srv, {{"seat", 3}, {"pin", QString::fromStdString(pinOf(3))}}, "3");
    auto official = open(srv, {{"user", "ubnd-ct"}, {"password", "secret"}}, "ubnd-ct");
    QVERIFY(delegate && official);
    QTRY_VERIFY_WITH_TIMEOUT(delegate->chamber->online() && official->chamber->online(), 10000);
    QCOMPARE(official->chamber->face(), QString("responder"));
    QVERIFY2(item(*official, "checkIn") == nullptr, "no check-in, no question form");
    delegate->chamber->submitQuestion("ubnd-ct", "Khi nào sửa xong đường liên thôn Nà Pục?");
    QTRY_VERIFY2_WITH_TIMEOUT(
        item(*official, "answerText") != nullptr,
        qPrintable(delegate->chamber->property("lastError").toString() +
                   " / questions: " + QString::number(official->chamber->questions()->rowCount())),
        5000);
    QQuickItem* text = item(*official, "answerText");
    text->setProperty("text", "Quý I năm 2027, vốn đã bố trí trong dự toán.");
    QTRY_VERIFY_WITH_TIMEOUT(click(*official, "answerSend"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*delegate, "answer") != nullptr, 5000);
    QVERIFY(item(*delegate, "answer")->property("text").toString().contains("Quý I năm 2027"));
    shot(*official, "responder");
    shot(*delegate, "delegate-answer");
  }

  void anElectionWithThreeCandidatesFromTheConsole() {
    AppServer srv(5);
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    std::vector<std::unique_ptr<Face>> d;
    for (int seat = 3; seat <= 5; ++seat)
      d.push_back(open(srv, {{"seat", seat}, {"pin", QString::fromStdString(pinOf(seat))}},
                       QString::number(seat)));
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online(), 10000);
    for (auto& f : d) {
      QTRY_VERIFY_WITH_TIMEOUT(f->chamber->online(), 10000);
      f->chamber->checkIn(true);
    }
    chair->chamber->checkIn(true);
    chair->chamber->activateItem("2");
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->property("activeItem").toString(), QString("2"),
                              5000);
    // Typed into the console as a chair would: the kind, the title, three names, up to two.
    QQuickItem* kind = item(*chair, "voteKind");
    QVERIFY(kind);
    // The council's rules enable confidence votes: the console offers them as a third kind.
    QTRY_COMPARE_WITH_TIMEOUT(kind->property("count").toInt(), 3, 5000);
    kind->setProperty("currentIndex", 1);  // Bầu cử
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "candidates") != nullptr, 5000);
    item(*chair, "voteTitle")->setProperty("text", "Bầu Ủy viên Thường trực HĐND xã");
    item(*chair, "candidates")->setProperty("text", "Lường Văn Pấng\nHà Thị Ngọc\nVi Văn Thắng");
    item(*chair, "maxChoices")->setProperty("value", 2);
    QVERIFY(click(*chair, "createVote"));
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->votes()->rowCount(), 1, 5000);
    QCOMPARE(chair->chamber->votes()->get(0).value("kind").toString(), QString("election"));
    QVERIFY(click(*chair, "voteAction"));  // "Mở"
    // Each delegate sees the three names, chooses up to two, confirms.
    for (auto& f : d) {
      QTRY_VERIFY_WITH_TIMEOUT(item(*f, "option_c1") != nullptr, 5000);
      QVERIFY(item(*f, "option_c3") != nullptr);
    }
    shot(*d[0], "delegate-election");
    QVERIFY(click(*d[0], "option_c1"));
    QVERIFY(click(*d[0], "option_c2"));
    QVERIFY(click(*d[1], "option_c1"));
    QVERIFY(click(*d[2], "option_c1"));
    QVERIFY(click(*d[2], "option_c3"));
    for (auto& f : d) {
      QVERIFY(click(*f, "electionContinue"));
      QTRY_VERIFY_WITH_TIMEOUT(item(*f, "confirm") != nullptr, 5000);
      QVERIFY(click(*f, "confirm"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->votes()->get(0).value("turnout").toInt(), 3, 5000);
    shot(*chair, "chair-election-open");
    QVERIFY(click(*chair, "voteAction"));  // "Kết thúc"
    QTRY_VERIFY_WITH_TIMEOUT(
        !chair->chamber->property("result").toMap().value("id").toString().isEmpty(), 5000);
    const QStringList lines = resultLines(*chair->chamber);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith("3/5"), qPrintable(lines.join(" | ")));  // Lường Văn Pấng
    shot(*chair, "chair-election-result");

    // A confidence vote, which these rules enable: by secret ballot, rated on three levels.
    kind->setProperty("currentIndex", 2);  // as the chair picks it from the list
    QVERIFY(QMetaObject::invokeMethod(kind, "activated", Q_ARG(int, 2)));
    QCOMPARE(item(*chair, "voteForm")->property("currentValue").toString(), QString("secret"));
    QVERIFY(item(*chair, "candidates") == nullptr);  // no names to type: the rating is fixed
    item(*chair, "voteTitle")->setProperty("text", "Lấy phiếu tín nhiệm: Chủ tịch UBND xã");
    QVERIFY(click(*chair, "createVote"));
    QTRY_COMPARE_WITH_TIMEOUT(chair->chamber->votes()->rowCount(), 2, 5000);
    const QVariantMap confidence = chair->chamber->votes()->get(1);
    QCOMPARE(confidence.value("kind").toString(), QString("confidence"));
    QCOMPARE(confidence.value("form").toString(), QString("secret"));
    chair->chamber->openVoteNow(confidence.value("id").toString());
    for (auto& f : d) {
      QTRY_VERIFY_WITH_TIMEOUT(item(*f, "option_high") != nullptr, 5000);
      QVERIFY(item(*f, "option_confidence") && item(*f, "option_low"));
    }
    shot(*d[0], "delegate-confidence");
  }

  void aSignedPaperShowsWhoSignedAndWhetherItIsIntact() {
    // A resolution signed on the chair's token, and a copy changed by one byte after it.
    std::string signedSha, changedSha;
    TempDir work;
    AppServer srv(3, 3, [&](store::Store& st, core::State& s) {
      TestTokens tokens(work.path / "hsm");
      tokens.make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
      const auto base = work.path / "nq.pdf", signedPdf = work.path / "nq-ky.pdf",
                 changed = work.path / "nq-sua.pdf";
      writePdf(QString::fromStdString(base.string()), 2);
      papers::SignRequest r;
      r.in = base.string();
      r.out = signedPdf.string();
      r.key = {TestTokens::kModule, "chu-tich", "chu-tich-key", "111111"};
      r.name = "Nguyễn Văn Hùng";
      r.title = "Chủ tịch HĐND xã";
      r.reason = "Chủ tọa kỳ họp";
      papers::signPdf(r);
      std::string bytes;
      {
        std::ifstream in(signedPdf, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
      }
      const auto at = bytes.find("stream\n") + 12;  // inside the first page's drawing
      bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
      std::ofstream(changed, std::ios::binary) << bytes;
      const core::Actor op{core::Role::Operator, "operator"};
      for (const auto& [file, title, out] :
           {std::tuple{signedPdf, "Nghị quyết (đã ký)", &signedSha},
            std::tuple{changed, "Nghị quyết (bị sửa)", &changedSha}}) {
        const auto meta = st.documents.addFile(file, title, false, 0);
        *out = meta.sha256;
        st.run(s, op, core::AttachDocument{"2", {meta.sha256, title, false}}, 0);
      }
    });
    auto d = open(srv, {{"seat", 3}, {"pin", QString::fromStdString(pinOf(3))}}, "3");
    QTRY_VERIFY_WITH_TIMEOUT(d->chamber->online(), 10000);
    d->chamber->checkIn(true);
    for (const auto& sha : {signedSha, changedSha})
      QTRY_VERIFY_WITH_TIMEOUT(d->chamber->isCached(QString::fromStdString(sha)), 10000);
    QQuickItem* viewer = item(*d, "documentViewer");
    QVERIFY(viewer);
    viewer->setProperty("following", false);
    viewer->setProperty("title", "Nghị quyết (đã ký)");
    viewer->setProperty("sha", QString::fromStdString(signedSha));
    QTRY_VERIFY_WITH_TIMEOUT(item(*d, "signaturesText") != nullptr, 10000);
    QString text = item(*d, "signaturesText")->property("text").toString();
    QVERIFY2(text.startsWith("✓") && text.contains("Nguyễn Văn Hùng — Chủ tọa kỳ họp"),
             qPrintable(text));
    shot(*d, "delegate-signed-paper");
    viewer->setProperty("title", "Nghị quyết (bị sửa)");
    viewer->setProperty("sha", QString::fromStdString(changedSha));
    QTRY_VERIFY_WITH_TIMEOUT(
        item(*d, "signaturesText") &&
            item(*d, "signaturesText")->property("text").toString().startsWith("✗"),
        10000);
    text = item(*d, "signaturesText")->property("text").toString();
    QVERIFY2(text.contains("KHÔNG hợp lệ"), qPrintable(text));
    shot(*d, "delegate-changed-paper");
  }

  void theChairSignsAPaperFromTheConsoleWithTheTokenPluggedIn() {
    TempDir work;
    std::unique_ptr<TestTokens> tokens;
    AppServer srv(3, 3, [&](store::Store&, core::State&) {
      tokens = std::make_unique<TestTokens>(work.path / "hsm");
      tokens->make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
    });
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    auto d = open(srv, {{"seat", 3}, {"pin", QString::fromStdString(pinOf(3))}}, "3");
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online() && d->chamber->online(), 10000);
    chair->chamber->checkIn(true);
    d->chamber->checkIn(true);
    const QString sha = QString::fromStdString(srv.docSha);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->isCached(sha), 10000);
    QVERIFY(click(*chair, "papersToggle"));
    QQuickItem* viewer = item(*chair, "chairDocumentViewer");
    QVERIFY(viewer);
    const QByteArray paper = ("paper_" + sha.left(8)).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(
        (click(*chair, paper.constData()), viewer->property("sha").toString() == sha), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(click(*chair, "signButton"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "signPin") != nullptr, 5000);
    // Typed as the chair would: the token's names, his title, the PIN — a wrong one first.
    fillSignDialog(*chair, TestTokens::kModule, "000000");
    QVERIFY(click(*chair, "signConfirm"));
    QTRY_VERIFY_WITH_TIMEOUT(
        item(*chair, "signMessage")->property("text").toString().contains("Sai mã PIN"), 10000);
    item(*chair, "signPin")->setProperty("text", "111111");
    shot(*chair, "chair-sign-dialog");
    QVERIFY(click(*chair, "signConfirm"));
    QTRY_VERIFY_WITH_TIMEOUT(
        item(*chair, "signMessage")->property("text").toString().startsWith("✓"), 10000);
    // The signed copy is on item 2 for every tablet, and checks out on the delegate's.
    auto* agenda = chair->chamber->agenda();
    QTRY_COMPARE_WITH_TIMEOUT(agenda->get(1).value("documents").toList().size(), 2, 5000);
    const QString signedSha =
        agenda->get(1).value("documents").toList().at(1).toMap().value("sha256").toString();
    QTRY_VERIFY_WITH_TIMEOUT(d->chamber->isCached(signedSha), 10000);
    const QVariantMap sig = d->chamber->signaturesOf(signedSha);
    QVERIFY(sig.value("valid").toBool());
    QVERIFY2(sig.value("lines").toList().value(0).toString().startsWith(
                 "Nguyễn Văn Hùng — Chủ tọa kỳ họp"),
             qPrintable(sig.value("lines").toList().value(0).toString()));
  }

  void everyFaceFitsEverySize() {
    // Every face at the sizes of the tablets and screens a commune has (the chair's console
    // on a 1920x1080 screen too), in Vietnamese and in English: screenshots of each, and no text
    // cut short, none wider than its box, no touch target under 48 px.
    AppServer srv(5);
    QTranslator english;
    QStringList problems;
    for (const QString lang : {"vi", "en"}) {
      if (lang == "en") {
        QVERIFY(english.load(QString(CHAMBER_BINARY_DIR) + "/delegate-app/chamber_en.qm"));
        QCoreApplication::installTranslator(&english);
      }
      struct Want {
        QString face;
        QVariantMap who;
        QList<QSize> sizes;
      };
      const QList<QSize> tablets{{1280, 800}, {1024, 768}, {800, 1280}};
      const QList<Want> faces{
          {"chair", {{"seat", 1}, {"pin", "pin1"}}, tablets + QList<QSize>{{1920, 1080}}},
          {"delegate", {{"seat", 3}, {"pin", QString::fromStdString(pinOf(3))}}, tablets},
          {"responder", {{"user", "ubnd-ct"}, {"password", "secret"}}, tablets},
          {"display", {{"user", "display"}, {"password", "secret"}}, {{1920, 1080}}}};
      for (const Want& w : faces)
        for (const QSize& size : w.sizes) {
          QVariantMap o = w.who;
          o["width"] = size.width();
          o["height"] = size.height();
          auto f = open(srv, o, w.face + lang + QString::number(size.width()));
          QVERIFY(f);
          QTRY_VERIFY_WITH_TIMEOUT(f->chamber->online(), 10000);
          QTRY_COMPARE_WITH_TIMEOUT(f->chamber->face(), w.face, 5000);
          const QString name =
              QString("size-%1-%2-%3x%4").arg(w.face, lang).arg(size.width()).arg(size.height());
          shot(*f, name);
          for (const QString& p : layoutProblems(*f)) problems << name + ": " + p;
        }
    }
    QCoreApplication::removeTranslator(&english);
    for (const QString& p : problems) qWarning("%s", qPrintable(p));  // (a message is cut at 1 KB)
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + " problems"));
  }

  void theChairSeesWhyASecretVoteWasVoided() {
    AppServer srv(5);
    // The server stops while a secret vote is open (the ballots' choices die with it).
    srv.server.reset();
    {
      store::Store st(srv.dir.path);
      std::int64_t head = 0;
      core::State s = st.load(head);
      const core::Actor chairActor{core::Role::Chair, delegateId(1)};
      for (int seat : {1, 3, 4, 5})
        st.run(s, chairActor, core::MarkAttendance{delegateId(seat), true}, 0);
      st.run(s, chairActor,
             core::CreateVote{"2",
                              "Bầu Phó Chủ tịch HĐND",
                              core::VoteForm::Secret,
                              core::VoteKind::Motion,
                              "majority",
                              {},
                              1},
             0);
      st.run(s, chairActor, core::OpenVote{"v1"}, 0);
      for (int seat : {3, 4})
        st.run(s, {core::Role::Delegate, delegateId(seat)}, core::CastBallot{"v1", {"yes"}, ""}, 0);
    }
    srv.server = std::make_unique<ServerProcess>(srv.dir.path);
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    QVERIFY(chair);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online(), 10000);
    auto* votes = chair->chamber->votes();
    QTRY_VERIFY_WITH_TIMEOUT(
        votes->rowCount() == 1 && votes->get(0).value("status").toString() == "voided", 5000);
    // The chair lets a seat locked by wrong PINs sign in again: accepted, no error.
    chair->chamber->clearSignIn(4);
    QTest::qWait(300);
    QCOMPARE(chair->chamber->property("lastError").toString(), QString());
    shot(*chair, "chair-voided-vote");
  }

  void theChairIsWarnedBeforeTheRecordingDiskFills() {
    // The media process has told that the recording will not last the sitting: the console
    // says so with the figures, in the console's language only.
    AppServer srv(5, 3, [](store::Store& st, core::State& s) {
      st.run(s, {core::Role::Media, "media"},
             core::ReportMediaState{"live", "disk_low",
                                    "còn 1,2 GB, đủ ghi khoảng 35 phút, kỳ họp dự kiến còn "
                                    "3 giờ 10 phút / 1.2 GB free, about 35 min "
                                    "of recording left, the sitting is expected to last 3 h 10 "
                                    "min more",
                                    "recording-1-%05d.ts", 1},
             0);
    });
    auto chair = open(srv, {{"seat", 1}, {"pin", "pin1"}}, "chair");
    QVERIFY(chair);
    QTRY_VERIFY_WITH_TIMEOUT(chair->chamber->online(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(item(*chair, "mediaText") != nullptr, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        item(*chair, "mediaText")->property("text").toString().contains("ổ ghi sắp đầy"), 5000);
    const QString said = item(*chair, "mediaText")->property("text").toString();
    QVERIFY2(said.contains("đủ ghi khoảng 35 phút"), qPrintable(said));
    QVERIFY2(!said.contains("GB free"), qPrintable(said));
    shot(*chair, "chair-disk-warning");
  }
};

QTEST_MAIN(EndToEndTest)
#include "EndToEndTest.moc"
