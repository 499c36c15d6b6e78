#pragma once
#include <functional>
// For the app's tests: a real chamber-server on a free port with a council of `n`
// delegates (PIN "pin<seat>"), an open sitting with an agenda and a real PDF attached,
// and helpers to wait (bounded) on the Qt event loop.
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTest>

#include "models/Chamber.h"
#include "store/Store.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

namespace chamber::test {

/// A PDF of `pages` pages with Vietnamese text, written by Qt.
inline QString writePdf(const QString& path, int pages) {
  QPdfWriter w(path);
  w.setTitle("Tài liệu thử");
  QPainter p(&w);
  QFont f("DejaVu Sans");
  f.setPointSize(24);
  p.setFont(f);
  for (int i = 1; i <= pages; ++i) {
    if (i > 1) w.newPage();
    p.drawText(200, 400, QStringLiteral("Trang %1 — Dự toán ngân sách xã năm 2027").arg(i));
  }
  p.end();
  return path;
}

struct AppServer {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  std::string docSha;

  /// `before` runs on the store before the sitting opens (more papers, say).
  explicit AppServer(int delegates, int pdfPages = 3,
                     const std::function<void(store::Store&, core::State&)>& before = {}) {
    seedCouncil(dir.path, delegates);
    {
      store::Store st(dir.path);
      // A People's Committee official who answers questions (in the sitting's responders).
      st.council.putAccount("ubnd-ct", "Hoàng Văn Thành", "Chủ tịch UBND xã", core::Role::Responder,
                            "secret", 1000);
      std::int64_t head = 0;
      core::State s = st.load(head);
      core::CreateSitting c;
      c.number = 5;
      c.title = "Kỳ họp thứ năm";
      c.rules = core::vietnameseDefaults();  // with confidence votes, so the console offers them
      c.rules->confidenceVotesEnabled = true;
      c.agenda = {{"1", "", "Khai mạc", "", {}},
                  {"2", "", "Dự toán ngân sách 2027", "", {}},
                  {"3", "", "Chất vấn", "", {}}};
      const core::Actor op{core::Role::Operator, "operator"};
      st.run(s, op, c, 0);
      const auto pdf =
          writePdf(QString::fromStdString((dir.path / "du-toan.pdf").string()), pdfPages);
      const auto meta = st.documents.addFile(pdf.toStdString(), "Dự toán 2027", false, 0);
      st.run(s, op, core::AttachDocument{"2", {meta.sha256, "Dự toán 2027", false}}, 0);
      if (before) before(st, s);
      st.run(s, {core::Role::Chair, delegateId(1)}, core::OpenSitting{}, 0);
      docSha = meta.sha256;
    }
    server = std::make_unique<ServerProcess>(dir.path);
  }
  QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(server->port()); }
  QString dataDir(const QString& who) const {
    return QString::fromStdString((dir.path / ("app-" + who.toStdString())).string());
  }
};

/// A Chamber logged in with a seat, online.
inline std::unique_ptr<app::Chamber> loggedIn(const AppServer& s, int seat) {
  auto c = std::make_unique<app::Chamber>();
  c->setDataDir(s.dataDir(QString::number(seat)));
  c->setServerUrl(s.url());
  c->loginPin(seat, QString::fromStdString(pinOf(seat)));
  return c;
}

}  // namespace chamber::test
