// The papers after a sitting, timed: drafting the minutes from the log and rendering them to
// PDF for a sitting of N events, and signing an M-page PDF on a SoftHSM2 token (the key stays
// on it). Prints one line per measurement; results go to docs/benchmarks.md.
//   chamber-papers-bench [--events 200,5000] [--pages 100] [--runs 5]
#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "core/Minutes.h"
#include "papers/MinutesPdf.h"
#include "papers/Sign.h"
#include "papers/Signatures.h"
#include "store/Store.h"
#include "support/Seed.h"
#include "support/TempDir.h"
#include "support/TestToken.h"

using namespace chamber;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// A closed sitting of about `events` events, 25 delegates: speeches, questions, votes.
int recordSitting(store::Store& st, core::State& s, int events) {
  std::int64_t t = 1'796'000'000'000;
  auto run = [&](const core::Actor& a, const core::Command& c) {
    t += 1000;
    const auto d = st.run(s, a, c, t);
    if (!d.ok()) throw std::runtime_error(std::string(core::nameOf(c)) + ": " + d.error->code);
    return d;
  };
  const core::Actor op{core::Role::Operator, "op"}, chair{core::Role::Chair, test::delegateId(1)};
  core::CreateSitting c;
  c.number = 5;
  c.title = "Kỳ họp thứ năm";
  for (int i = 1; i <= 10; ++i)
    c.agenda.push_back({std::to_string(i), "", "Nội dung số " + std::to_string(i), "", {}});
  run(op, c);
  run(chair, core::OpenSitting{});
  for (int i = 1; i <= 25; ++i)
    run({i == 1   ? core::Role::Chair
         : i == 2 ? core::Role::Secretary
                  : core::Role::Delegate,
         test::delegateId(i)},
        core::CheckIn{});
  int n = 27, item = 1, round = 0;
  while (n < events - 2) {
    run(chair, core::ActivateItem{std::to_string(item)});
    for (int k = 3; k <= 8 && n < events - 2; ++k, n += 2) {
      const core::Actor d{core::Role::Delegate, test::delegateId(k)};
      run(chair, core::GrantFloor{d.id, "speech"});
      run(chair, core::EndFloor{d.id});
    }
    core::CreateVote v;
    v.item = std::to_string(item);
    v.title = "Biểu quyết số " + std::to_string(++round);
    v.form = round % 2 ? core::VoteForm::Named : core::VoteForm::Open;
    const auto created = run(chair, v);
    const auto id = std::get<core::VoteCreated>(created.events[0]).vote;
    run(chair, core::OpenVote{id});
    for (int k = 1; k <= 25; ++k)
      run({k == 1   ? core::Role::Chair
           : k == 2 ? core::Role::Secretary
                    : core::Role::Delegate,
           test::delegateId(k)},
          core::CastBallot{id, {k % 5 ? "yes" : "no"}, ""});
    run(chair, core::CloseVote{id});
    n += 29;
    item = item % 10 + 1;
  }
  run(chair, core::CloseSitting{});
  std::int64_t head = 0;
  s = st.load(head);
  return static_cast<int>(head);
}

void writePages(const QString& path, int pages) {
  QPdfWriter w(path);
  w.setPageSize(QPageSize(QPageSize::A4));
  QPainter p(&w);
  QFont f(QStringLiteral("Liberation Serif"));
  f.setPointSize(13);
  p.setFont(f);
  for (int i = 0; i < pages; ++i) {
    if (i) w.newPage();
    for (int l = 0; l < 40; ++l)
      p.drawText(200, 300 + l * 230,
                 QStringLiteral("Trang %1, dòng %2: Hội đồng nhân dân xã Côn Minh quyết nghị…")
                     .arg(i + 1)
                     .arg(l + 1));
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chamber-papers-bench"};
  std::vector<int> sizes{200, 5000};
  int pages = 100, runs = 5;
  app.add_option("--events", sizes)->delimiter(',');
  app.add_option("--pages", pages);
  app.add_option("--runs", runs);
  CLI11_PARSE(app, argc, argv);
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication gui(argc, argv);

  for (const int events : sizes) {
    test::TempDir dir;
    test::seedCouncil(dir.path, 25);
    store::Store st(dir.path);
    std::int64_t head = 0;
    core::State s = st.load(head);
    const int logged = recordSitting(st, s, events);
    std::vector<double> draft, render;
    std::size_t chars = 0;
    int rendered = 0;
    for (int r = 0; r < runs; ++r) {
      const auto t0 = Clock::now();
      const std::string text = st.draftMinutes(s, 1);
      const auto t1 = Clock::now();
      const QString pdf = QString::fromStdString((dir.path / "bb.pdf").string());
      const auto layout = papers::writeMinutesPdf(core::parseMinutes(text), pdf);
      papers::preparePdf(pdf.toStdString(), layout.places);
      const auto t2 = Clock::now();
      draft.push_back(ms(t0, t1));
      render.push_back(ms(t1, t2));
      chars = text.size();
      rendered = layout.pages;
    }
    std::printf(
        "minutes  events=%d  text=%zu bytes  pages=%d  draft median %.1f ms  "
        "render+PDF/A median %.1f ms  (%d runs)\n",
        logged, chars, rendered, median(draft), median(render), runs);
  }

  test::TempDir dir;
  test::TestTokens tokens(dir.path / "hsm");
  tokens.make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
  const auto in = dir.path / "in.pdf";
  writePages(QString::fromStdString(in.string()), pages);
  std::vector<double> sign, verify;
  for (int r = 0; r < runs; ++r) {
    papers::SignRequest q;
    q.in = in.string();
    q.out = (dir.path / "out.pdf").string();
    q.key = {test::TestTokens::kModule, "chu-tich", "chu-tich-key", "111111"};
    q.name = "Nguyễn Văn Hùng";
    q.title = "Chủ tịch HĐND xã";
    const auto t0 = Clock::now();
    papers::signPdf(q);
    const auto t1 = Clock::now();
    const bool ok = papers::verifyPdf(q.out).valid();
    const auto t2 = Clock::now();
    if (!ok) throw std::runtime_error("the signed PDF does not verify");
    sign.push_back(ms(t0, t1));
    verify.push_back(ms(t1, t2));
  }
  std::printf(
      "sign     pages=%d  size=%lld KB  sign median %.1f ms  verify median %.1f ms  (%d runs)\n",
      pages, static_cast<long long>(std::filesystem::file_size(in) / 1024), median(sign),
      median(verify), runs);
  return 0;
}
