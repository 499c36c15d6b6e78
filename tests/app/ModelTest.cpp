// The app's models against the real server, each under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QCryptographicHash>

#include "AppHarness.h"

using namespace chamber;
using namespace chamber::test;

class ModelTest : public QObject {
  Q_OBJECT
 private slots:
  void modelsFollowTheSitting() {
    AppServer srv(6);
    auto chair = loggedIn(srv, 1);
    auto d3 = loggedIn(srv, 3);
    QTRY_VERIFY_WITH_TIMEOUT(chair->online() && d3->online(), 10000);
    for (auto* c : {chair.get(), d3.get()})
      for (QAbstractItemModel* m : {static_cast<QAbstractItemModel*>(c->agenda()),
                                    static_cast<QAbstractItemModel*>(c->roster()),
                                    static_cast<QAbstractItemModel*>(c->queue()),
                                    static_cast<QAbstractItemModel*>(c->questions()),
                                    static_cast<QAbstractItemModel*>(c->votes()),
                                    static_cast<QAbstractItemModel*>(c->resultOptions())})
        new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, c);

    QTRY_COMPARE_WITH_TIMEOUT(d3->agenda()->rowCount(), 3, 5000);
    QCOMPARE(d3->agenda()->get(1).value("title").toString(), QString("Dự toán ngân sách 2027"));
    QCOMPARE(d3->roster()->rowCount(), 6);
    QCOMPARE(d3->property("face").toString(), QString("delegate"));
    QCOMPARE(chair->property("face").toString(), QString("chair"));

    // Check-in: presence and quorum follow on both.
    d3->checkIn();
    chair->checkIn();
    QTRY_VERIFY_WITH_TIMEOUT(d3->property("checkedIn").toBool(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chair->property("quorum").toMap().value("present").toInt(), 2, 5000);
    QVERIFY(chair->roster()->get(chair->roster()->indexOf("d03")).value("present").toBool());

    // The active item is followed.
    chair->activateItem("2");
    QTRY_COMPARE_WITH_TIMEOUT(d3->property("activeItem").toString(), QString("2"), 5000);
    QVERIFY(d3->agenda()->get(1).value("active").toBool());
    QVERIFY(!d3->agenda()->get(0).value("active").toBool());

    // The floor: queue position, then the speaker with a time limit.
    d3->requestFloor("speech");
    QTRY_COMPARE_WITH_TIMEOUT(d3->property("myQueuePosition").toInt(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chair->queue()->rowCount(), 1, 5000);
    QCOMPARE(chair->queue()->get(0).value("name").toString(), QString("Đại biểu số 3"));
    chair->grantFloor();
    QTRY_COMPARE_WITH_TIMEOUT(d3->property("speaker").toMap().value("id").toString(),
                              QString("d03"), 5000);
    QCOMPARE(d3->property("speaker").toMap().value("limit_s").toInt(), 420);
    QCOMPARE(d3->property("myQueuePosition").toInt(), 0);
    d3->endMyTurn();
    QTRY_VERIFY_WITH_TIMEOUT(d3->property("speaker").toMap().isEmpty(), 5000);

    // Interpellation.
    d3->submitQuestion("r1", "Khi nào sửa đường liên thôn?");
    QTRY_COMPARE_WITH_TIMEOUT(chair->questions()->rowCount(), 1, 5000);
    QCOMPARE(chair->questions()->get(0).value("toName").toString(), QString("Chủ tịch UBND xã"));

    // Four more present, a vote, a result with the Vietnamese lines.
    for (int s = 4; s <= 6; ++s) chair->markPresent(QString::fromStdString(delegateId(s)), true);
    QTRY_COMPARE_WITH_TIMEOUT(chair->property("quorum").toMap().value("present").toInt(), 5, 5000);
    chair->createVote("2", "Thông qua dự toán 2027", "open", "majority");
    QTRY_COMPARE_WITH_TIMEOUT(chair->votes()->rowCount(), 1, 5000);
    chair->openVoteNow(chair->votes()->get(0).value("id").toString());
    QTRY_VERIFY_WITH_TIMEOUT(!d3->property("openVote").toMap().value("id").toString().isEmpty(),
                             5000);
    d3->castVote({"yes"});
    chair->castVote({"yes"});
    QTRY_VERIFY_WITH_TIMEOUT(d3->property("openVote").toMap().value("hasVoted").toBool(), 5000);
    QCOMPARE(d3->property("openVote").toMap().value("myChoices").toStringList(),
             QStringList{"yes"});
    QTRY_COMPARE_WITH_TIMEOUT(chair->votes()->get(0).value("turnout").toInt(), 2, 5000);
    chair->closeVote(chair->votes()->get(0).value("id").toString());
    QTRY_COMPARE_WITH_TIMEOUT(d3->resultOptions()->rowCount(), 3, 5000);
    QCOMPARE(d3->resultOptions()->get(0).value("line").toString(),
             QString("2/6 đại biểu tán thành (33,33%)"));
    QVERIFY(!d3->property("result").toMap().value("passed").toBool());  // 2 of 6 is not > 1/2
    QCOMPARE(d3->property("result").toMap().value("notVoted").toInt(), 3);
  }

  void documentsAreCachedAtCheckInAndStayReadableOffline() {
    AppServer srv(3, 100);
    auto d2 = loggedIn(srv, 3);  // a delegate: papers come at check-in (staff get them at once)
    QTRY_VERIFY_WITH_TIMEOUT(d2->online(), 10000);
    const QString sha = QString::fromStdString(srv.docSha);
    QVERIFY(!d2->isCached(sha));  // not before check-in
    d2->checkIn();
    QTRY_VERIFY_WITH_TIMEOUT(d2->isCached(sha), 10000);
    QFile f(d2->documentUrl(sha).toLocalFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex(),
             sha.toLatin1());
    srv.server->kill9();  // the Wi-Fi (or the server) is gone
    QTRY_VERIFY_WITH_TIMEOUT(!d2->online(), 10000);
    QVERIFY(d2->isCached(sha));
    QVERIFY(QFile::exists(d2->documentUrl(sha).toLocalFile()));
    // Notes stay on the tablet, per delegate.
    d2->setNote(sha, 4, "Hỏi lại mục chi chuyển đổi số");
    d2->setHighlighted(sha, 7, true);
    QCOMPARE(d2->note(sha, 4), QString("Hỏi lại mục chi chuyển đổi số"));
    QCOMPARE(d2->markedPages(sha), (QVariantList{4, 7}));
    QFile notes(srv.dataDir("3") + "/notes/notes-d03.json");
    QVERIFY(notes.exists());
    QCOMPARE(notes.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
  }

  void aCommandMadeOfflineIsSentOnceWhenBack() {
    AppServer srv(3);
    auto chair = loggedIn(srv, 1);
    auto d3 = loggedIn(srv, 3);
    QTRY_VERIFY_WITH_TIMEOUT(chair->online() && d3->online(), 10000);
    chair->checkIn();
    d3->checkIn();
    chair->markPresent("d02", true);
    QTRY_COMPARE_WITH_TIMEOUT(chair->property("quorum").toMap().value("present").toInt(), 3, 5000);
    chair->createVote("2", "Thông qua", "secret", "majority");
    QTRY_COMPARE_WITH_TIMEOUT(chair->votes()->rowCount(), 1, 5000);
    chair->openVoteNow(chair->votes()->get(0).value("id").toString());
    QTRY_VERIFY_WITH_TIMEOUT(!d3->property("openVote").toMap().isEmpty(), 5000);
    d3->simulateDrop();
    QTRY_VERIFY_WITH_TIMEOUT(!d3->online(), 5000);
    d3->castVote({"no"});  // made while offline: queued, not lost
    QCOMPARE(d3->pendingCommands(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(d3->online(), 10000);  // reconnects by itself
    QTRY_COMPARE_WITH_TIMEOUT(d3->pendingCommands(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chair->votes()->get(0).value("turnout").toInt(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(d3->property("openVote").toMap().value("hasVoted").toBool(), 5000);
    QVERIFY(!d3->property("openVote").toMap().contains("myChoices"));  // a secret ballot
  }
};

QTEST_MAIN(ModelTest)
#include "ModelTest.moc"
