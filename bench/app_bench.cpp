// chamber-app-bench: what a delegate waits for on the tablet.
//  1. cold start to agenda shown: delegate-app started as a process against a real server
//     until it reports its first frame with the agenda;
//  2. first page of a 100-page PDF: QtPdf (the app's renderer) load + render of page 1,
//     against `pdftoppm` rendering the same page at the same size in the same run;
//  3. page flip: rendering the next page of the open document, against pdftoppm per page.
//   chamber-app-bench --pdf build/demo/pdfs/phu-luc-ngan-sach-2027.pdf
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPdfDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double pdftoppmMs(const QString& pdf, int page, int widthPx, const QString& outDir) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  p.start("pdftoppm", {"-f", QString::number(page), "-l", QString::number(page), "-scale-to-x",
                       QString::number(widthPx), "-scale-to-y", "-1", "-png", pdf, outDir + "/p"});
  p.waitForFinished(30000);
  return t.nsecsElapsed() / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  QCommandLineParser cli;
  QCommandLineOption pdfOpt("pdf", "a 100-page PDF", "file",
                            "build/demo/pdfs/phu-luc-ngan-sach-2027.pdf");
  QCommandLineOption widthOpt("width", "rendered page width in pixels (a tablet's page)", "px",
                              "1000");
  QCommandLineOption appOpt("app", "delegate-app binary", "file", CHAMBER_APP_BIN);
  QCommandLineOption serverOpt(
      "server", "ws://… of a running server with seat 3 / PIN 101003 (the demo)", "url");
  QCommandLineOption runsOpt("runs", "repetitions", "n", "5");
  cli.addOptions({pdfOpt, widthOpt, appOpt, serverOpt, runsOpt});
  cli.process(app);
  const QString pdf = cli.value(pdfOpt);
  const int width = cli.value(widthOpt).toInt();
  const int runs = cli.value(runsOpt).toInt();
  QTemporaryDir tmp;

  // 2. first page.
  std::vector<double> first, firstRef;
  int pages = 0;
  for (int r = 0; r < runs; ++r) {
    QElapsedTimer t;
    t.start();
    QPdfDocument doc;
    doc.load(pdf);
    pages = doc.pageCount();
    const QSizeF pt = doc.pagePointSize(0);
    const QImage img =
        doc.render(0, QSize(width, static_cast<int>(width * pt.height() / pt.width())));
    first.push_back(t.nsecsElapsed() / 1e6);
    if (img.isNull()) {
      std::fprintf(stderr, "cannot render %s\n", qPrintable(pdf));
      return 1;
    }
    firstRef.push_back(pdftoppmMs(pdf, 1, width, tmp.path()));
  }
  // 3. page flips on the open document.
  QPdfDocument doc;
  doc.load(pdf);
  std::vector<double> flip, flipRef;
  for (int p = 1; p < std::min(pages, 21); ++p) {
    QElapsedTimer t;
    t.start();
    const QSizeF pt = doc.pagePointSize(p);
    doc.render(p, QSize(width, static_cast<int>(width * pt.height() / pt.width())));
    flip.push_back(t.nsecsElapsed() / 1e6);
    if (p <= 5) flipRef.push_back(pdftoppmMs(pdf, p + 1, width, tmp.path()));
  }
  std::printf("PDF: %s, %d pages, rendered %d px wide\n", qPrintable(pdf), pages, width);
  std::printf(
      "first page (load + render), QtPdf: median %.1f ms; pdftoppm (a process): median %.1f ms\n",
      median(first), median(firstRef));
  std::printf(
      "page flip (render next page), QtPdf: median %.1f ms, max %.1f ms; pdftoppm: median %.1f "
      "ms\n",
      median(flip), *std::max_element(flip.begin(), flip.end()), median(flipRef));

  // 1. cold start.
  if (cli.isSet(serverOpt)) {
    std::vector<double> start;
    for (int r = 0; r < runs; ++r) {
      QElapsedTimer t;
      t.start();
      QProcess p;
      p.setProcessChannelMode(QProcess::MergedChannels);
      p.start(cli.value(appOpt), {"--server", cli.value(serverOpt), "--seat", "3", "--pin",
                                  "101003", "--data", tmp.path() + "/app", "--report-ready"});
      double shown = -1;
      while (p.waitForReadyRead(20000)) {
        while (p.canReadLine()) {
          if (p.readLine().startsWith("READY agenda")) shown = t.nsecsElapsed() / 1e6;
        }
        if (shown >= 0) break;
      }
      p.kill();
      p.waitForFinished(5000);
      if (shown < 0) {
        std::fprintf(stderr, "the app did not report the agenda\n");
        return 1;
      }
      start.push_back(shown);
    }
    std::printf(
        "cold start to agenda shown (process start, connect, sign in, state, first frame): median "
        "%.0f ms, max %.0f ms\n",
        median(start), *std::max_element(start.begin(), start.end()));
  }
  return 0;
}
