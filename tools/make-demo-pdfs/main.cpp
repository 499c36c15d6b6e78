// make-demo-pdfs: writes the demo sitting's papers as real multi-page PDFs with Vietnamese
// text (Qt's QPdfWriter + QTextDocument; fonts through fontconfig). Input: a manifest
// (assets/demo/documents.json) and plain-text sources with a light markup:
//   "# " title, "## " heading, "- " bullet, "| a | b |" table row (first row is the header).
#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace {

QString esc(const QString& s) {
  return s.toHtmlEscaped();
}

QString letterhead() {
  return "<table width='100%' style='margin-bottom:12pt'><tr>"
         "<td align='center' width='45%'><b>HỘI ĐỒNG NHÂN DÂN<br/>XÃ CÔN MINH</b><br/>———</td>"
         "<td align='center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/>"
         "<b><u>Độc lập - Tự do - Hạnh phúc</u></b></td></tr>"
         "<tr><td></td><td align='center'><i>Côn Minh, ngày 25 tháng 11 năm "
         "2026</i></td></tr></table>";
}

QString toHtml(const QString& text) {
  QString html = letterhead();
  bool inList = false, inTable = false, header = false;
  auto closeBlocks = [&] {
    if (inList) html += "</ul>";
    if (inTable) html += "</table>";
    inList = inTable = false;
  };
  for (const QString& raw : text.split('\n')) {
    const QString line = raw.trimmed();
    if (line.startsWith("| ")) {
      if (!inTable) {
        closeBlocks();
        html +=
            "<table border='1' cellspacing='0' cellpadding='4' width='100%' "
            "style='border-collapse:collapse'>";
        inTable = header = true;
      }
      QStringList cells = line.mid(1, line.size() - 2).split('|');
      html += "<tr>";
      for (const auto& c : cells)
        html += (header ? "<th>" : "<td>") + esc(c.trimmed()) + (header ? "</th>" : "</td>");
      html += "</tr>";
      header = false;
      continue;
    }
    if (line.startsWith("- ")) {
      if (!inList) {
        closeBlocks();
        html += "<ul>";
        inList = true;
      }
      html += "<li>" + esc(line.mid(2)) + "</li>";
      continue;
    }
    closeBlocks();
    if (line.isEmpty()) continue;
    if (line.startsWith("## "))
      html += "<h3>" + esc(line.mid(3)) + "</h3>";
    else if (line.startsWith("# "))
      html += "<h2 align='center'>" + esc(line.mid(2)) + "</h2>";
    else
      html += "<p align='justify'>" + esc(line).replace("**", "") + "</p>";
  }
  closeBlocks();
  return html;
}

QString appendix(const QString& title, int pages) {
  QString html;
  const char* lines[] = {"Thuế giá trị gia tăng", "Lệ phí trước bạ",      "Thu tiền sử dụng đất",
                         "Phí, lệ phí",           "Chi giáo dục",         "Chi y tế",
                         "Chi chuyển đổi số",     "Chi quản lý nhà nước", "Chi quốc phòng, an ninh",
                         "Chi văn hoá, thể thao"};
  for (int p = 1; p <= pages; ++p) {
    html += QString("<h3>%1 — trang %2/%3</h3>").arg(esc(title)).arg(p).arg(pages);
    html += QString("<p>Biểu số %1: chi tiết theo thôn, bản và theo quý (đơn vị: triệu đồng).</p>")
                .arg(p);
    html +=
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr><th>STT</th><th>Nội "
        "dung</th>"
        "<th>Quý I</th><th>Quý II</th><th>Quý III</th><th>Quý IV</th><th>Cả năm</th></tr>";
    for (int r = 0; r < 22; ++r) {
      const int base = 40 + ((p * 37 + r * 11) % 160);
      html += QString(
                  "<tr><td>%1</td><td>%2 — thôn "
                  "%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                  .arg(r + 1)
                  .arg(lines[r % 10])
                  .arg(1 + (p + r) % 14)
                  .arg(base)
                  .arg(base + 7)
                  .arg(base + 3)
                  .arg(base + 12)
                  .arg(4 * base + 22);
    }
    html += "</table>";
    if (p < pages) html += "<div style='page-break-after:always'></div>";
  }
  return html;
}

bool writePdf(const QString& path, const QString& title, const QString& html) {
  QPdfWriter writer(path);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
  writer.setTitle(title);
  writer.setCreator("Digital Chamber — make-demo-pdfs");
  writer.setResolution(150);
  QTextDocument doc;
  doc.documentLayout()->setPaintDevice(&writer);  // point sizes in the PDF's own resolution
  QFont font("DejaVu Serif");
  font.setPointSizeF(11);
  doc.setDefaultFont(font);
  doc.setPageSize(QSizeF(writer.width(), writer.height()));
  doc.setHtml(html);
  doc.print(&writer);
  return QFile::exists(path);
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  if (argc != 3) {
    std::fprintf(stderr, "usage: make-demo-pdfs MANIFEST.json OUT_DIR\n");
    return 2;
  }
  QFile manifestFile(argv[1]);
  if (!manifestFile.open(QIODevice::ReadOnly)) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  const auto manifest = nlohmann::json::parse(manifestFile.readAll().toStdString());
  const QDir base = QFileInfo(argv[1]).absoluteDir();
  QDir().mkpath(argv[2]);
  for (const auto& d : manifest) {
    const QString title = QString::fromStdString(d.at("title").get<std::string>());
    QString html;
    if (d.contains("text")) {
      QFile f(base.filePath(QString::fromStdString(d["text"].get<std::string>())));
      if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(f.fileName()));
        return 1;
      }
      html = toHtml(QString::fromUtf8(f.readAll()));
    } else {
      html = letterhead() + appendix(title, d.value("appendixPages", 10));
    }
    const QString out =
        QDir(argv[2]).filePath(QString::fromStdString(d.at("file").get<std::string>()));
    if (!writePdf(out, title, html)) {
      std::fprintf(stderr, "cannot write %s\n", qPrintable(out));
      return 1;
    }
    std::printf("%s\n", qPrintable(out));
  }
  return 0;
}
