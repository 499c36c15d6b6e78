#include "papers/MinutesPdf.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <stdexcept>

namespace chamber::papers {

namespace {

constexpr double kDpi = 720;  // 10 units to the point
double mm(double v) {
  return v / 25.4 * kDpi;
}
double pt(double v) {
  return v * kDpi / 72.0;
}

const char* kFontFiles[] = {"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
                            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
                            "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf"};

QString serifFamily() {
  static QString family = [] {
    QString f;
    for (const char* file : kFontFiles) {
      const int id = QFontDatabase::addApplicationFont(QString::fromUtf8(file));
      if (id >= 0 && f.isEmpty()) f = QFontDatabase::applicationFontFamilies(id).value(0);
    }
    return f;
  }();
  if (family.isEmpty())
    throw std::runtime_error(
        "Không có phông Liberation Serif (gói fonts-liberation2) / font missing: install "
        "fonts-liberation2");
  return family;
}

/// Issuer "Hội đồng nhân dân xã Côn Minh" → "HỘI ĐỒNG NHÂN DÂN", "XÃ CÔN MINH".
QStringList issuerLines(const QString& issuer) {
  const QString up = issuer.toUpper();
  for (const char* unit : {" XÃ ", " PHƯỜNG ", " THỊ TRẤN ", " HUYỆN ", " QUẬN ", " THỊ XÃ ",
                           " THÀNH PHỐ ", " TỈNH "}) {
    const int at = up.indexOf(QString::fromUtf8(unit));
    if (at > 0) return {up.left(at), up.mid(at + 1)};
  }
  return {up};
}

class Page {
 public:
  Page(QPdfWriter& w, QPainter& p, bool draft) : writer_(w), p_(p), draft_(draft) {
    width_ = w.width();
    height_ = w.height();
    left_ = mm(30);
    right_ = width_ - mm(20);
    top_ = mm(20);
    bottom_ = height_ - mm(20);
    y_ = top_;
    decorate();
  }
  double y() const { return y_; }
  void setY(double y) { y_ = y; }
  double textWidth() const { return right_ - left_; }
  double left() const { return left_; }
  int pages() const { return page_; }
  double room() const { return bottom_ - y_; }

  void newPage() {
    writer_.newPage();
    ++page_;
    y_ = top_;
    decorate();
  }

  /// One paragraph at `x`..`x+width`, broken into lines, across pages.
  void paragraph(const QString& text, const QFont& font, Qt::Alignment align, double x,
                 double width, double firstIndent = 0, double spaceAfter = pt(6)) {
    QTextLayout layout(text, font, &writer_);
    QTextOption o(align);
    o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(o);
    layout.beginLayout();
    std::vector<QTextLine> lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
      const double indent = lines.empty() ? firstIndent : 0;
      line.setLineWidth(width - indent);
      line.setPosition(QPointF(indent, 0));
      lines.push_back(line);
    }
    layout.endLayout();
    const double lead = QFontMetricsF(font, &writer_).lineSpacing() * 1.15;  // 1.15 lines
    for (auto& line : lines) {
      if (y_ + lead > bottom_) newPage();
      line.draw(&p_, QPointF(x, y_ - line.y()));
      y_ += lead;
    }
    y_ += spaceAfter;
  }

  void rule(double x1, double x2, double y) {
    p_.setPen(QPen(Qt::black, pt(0.6)));
    p_.drawLine(QPointF(x1, y), QPointF(x2, y));
  }

  QPainter& painter() { return p_; }
  QPdfWriter& writer() { return writer_; }

 private:
  QPdfWriter& writer_;
  QPainter& p_;
  bool draft_;
  double width_ = 0, height_ = 0, left_ = 0, right_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
  int page_ = 1;

  void decorate() {
    QFont f(serifFamily());
    f.setPointSizeF(13);
    p_.setFont(f);
    p_.setPen(Qt::black);
    if (page_ >= 2)  // Decree 30: the page number centred in the top margin, from page 2
      p_.drawText(QRectF(left_, mm(8), right_ - left_, mm(8)), Qt::AlignCenter,
                  QString::number(page_));
    if (draft_) {
      QFont b = f;
      b.setBold(true);
      b.setPointSizeF(11);
      p_.setFont(b);
      p_.setPen(QColor(170, 0, 0));
      p_.drawText(QRectF(left_, mm(8), right_ - left_, mm(8)), Qt::AlignRight | Qt::AlignVCenter,
                  QStringLiteral("DỰ THẢO / DRAFT"));
      p_.setPen(Qt::black);
    }
  }
};

QFont serif(double size, bool bold = false, bool italic = false) {
  QFont f(serifFamily());
  f.setPointSizeF(size);
  f.setBold(bold);
  f.setItalic(italic);
  return f;
}

/// Lines centred in a column; returns the y under the last one and the widest line's width.
double centred(Page& page, const QStringList& lines, const QFont& font, double x, double w,
               double y, double* widest = nullptr) {
  QPainter& p = page.painter();
  p.setFont(font);
  const QFontMetricsF fm(font, &page.writer());
  double maxW = 0;
  for (const auto& l : lines) {
    p.drawText(QRectF(x, y, w, fm.height()), Qt::AlignHCenter | Qt::AlignTop, l);
    maxW = std::max(maxW, fm.horizontalAdvance(l));
    y += fm.lineSpacing();
  }
  if (widest) *widest = maxW;
  return y;
}

void header(Page& page, const core::MinutesText& m) {
  const double W = page.textWidth(), x0 = page.left();
  const QFont national = serif(12, true), motto = serif(13, true), issuer = serif(13, true);
  const QString title = QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const double titleW = QFontMetricsF(national, &page.writer()).horizontalAdvance(title);
  const double rightW = std::max(W * 0.6, titleW + mm(2));
  const double leftW = W - rightW;
  const double top = page.y();

  // Left: the issuer, a short rule, the number and symbol.
  double widest = 0;
  double y = centred(page, issuerLines(QString::fromStdString(m.get("Cơ quan"))), issuer, x0, leftW,
                     top, &widest);
  const double cx = x0 + leftW / 2;
  page.rule(cx - widest / 6, cx + widest / 6, y + pt(2));
  y = centred(page, {QStringLiteral("Số: ") + QString::fromStdString(m.get("Số"))}, serif(13), x0,
              leftW, y + pt(8));
  const double leftBottom = y;

  // Right: the national title, the motto underlined along its length, the place and date.
  const double rx = x0 + leftW;
  double yr = centred(page, {title}, national, rx, rightW, top);
  double mottoW = 0;
  yr = centred(page, {QStringLiteral("Độc lập - Tự do - Hạnh phúc")}, motto, rx, rightW, yr,
               &mottoW);
  const double rc = rx + rightW / 2;
  page.rule(rc - mottoW / 2, rc + mottoW / 2, yr + pt(2));
  // The place and date on one line when it fits, else broken after the place.
  const QString dated = placeAndDate(QString::fromStdString(m.get("Địa danh")),
                                     QString::fromStdString(m.get("Ngày")));
  const QFont italic = serif(13, false, true);
  QStringList dateLines{dated};
  if (QFontMetricsF(italic, &page.writer()).horizontalAdvance(dated) > rightW) {
    const int comma = dated.indexOf(QStringLiteral(", ngày"));
    dateLines = {dated.left(comma + 1), dated.mid(comma + 2)};
  }
  yr = centred(page, dateLines, italic, rx, rightW, yr + pt(8));

  page.setY(std::max(leftBottom, yr) + pt(24));
  // The kind of paper and its summary, centred and bold, a short rule under them.
  const QString kind = QString::fromStdString(m.get("Tên loại")).isEmpty()
                           ? QStringLiteral("BIÊN BẢN")
                           : QString::fromStdString(m.get("Tên loại")).toUpper();
  page.paragraph(kind, serif(14, true), Qt::AlignHCenter, x0, W, 0, pt(2));
  page.paragraph(QString::fromStdString(m.get("Trích yếu")), serif(14, true), Qt::AlignHCenter,
                 x0 + W * 0.1, W * 0.8, 0, pt(2));
  page.rule(x0 + W / 2 - mm(15), x0 + W / 2 + mm(15), page.y() + pt(2));
  page.setY(page.y() + pt(18));
}

// The block: the headings, 32 mm for the signatures, the names.
constexpr double kBlockMm = 46;

std::vector<SignatureSlot> signatures(Page& page, const core::MinutesText& m) {
  const double W = page.textWidth(), x0 = page.left();
  const double blockH = mm(kBlockMm);
  if (page.room() < blockH + pt(12)) page.newPage();
  const double y = page.y() + pt(12);
  auto block = [&](const std::string& key, const QString& heading, double x) {
    const auto value = QString::fromStdString(m.get(key));
    const QString name = value.section('|', 0, 0).trimmed();
    centred(page, {heading}, serif(13, true), x, W / 2, y);
    centred(page, {name}, serif(13, true), x, W / 2, y + mm(kBlockMm - 7));
  };
  block("Thư ký", QStringLiteral("THƯ KÝ"), x0);
  block("Chủ tọa", QStringLiteral("CHỦ TỌA"), x0 + W / 2);
  page.setY(y + blockH);
  const double toMm = 25.4 / kDpi, top = y * toMm + 8, half = W * toMm / 2;
  return {{"ThuKy", page.pages() - 1, x0 * toMm + (half - 70) / 2, top, 70, 28},
          {"ChuToa", page.pages() - 1, x0 * toMm + half + (half - 70) / 2, top, 70, 28}};
}

}  // namespace

QString placeAndDate(const QString& place, const QString& date) {
  int d = 0, mth = 0, yr = 0;
  if (date.size() == 10 && date[4] == '-') {
    yr = date.left(4).toInt();
    mth = date.mid(5, 2).toInt();
    d = date.mid(8, 2).toInt();
  } else {
    const auto parts = date.split('/');
    if (parts.size() == 3) {
      d = parts[0].toInt();
      mth = parts[1].toInt();
      yr = parts[2].toInt();
    }
  }
  if (!d || !mth || !yr) return place + QStringLiteral(", ngày … tháng … năm …");
  const QString day = (d < 10 ? "0" : "") + QString::number(d);
  const QString month = (mth <= 2 ? "0" : "") + QString::number(mth);
  return QStringLiteral("%1, ngày %2 tháng %3 năm %4").arg(place, day, month).arg(yr);
}

MinutesLayout writeMinutesPdf(const core::MinutesText& m, const QString& path, bool draft) {
  QPdfWriter writer(path);
  writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);  // marked A-2b by papers/Pdf.h
  writer.setResolution(static_cast<int>(kDpi));
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  writer.setTitle(
      QString::fromStdString(m.get("Tên loại") + " " + m.get("Số") + " — " + m.get("Trích yếu")));
  writer.setCreator(QStringLiteral("Digital Chamber"));
  QPainter painter;
  if (!painter.begin(&writer))
    throw std::runtime_error("Không ghi được tệp / cannot write " + path.toStdString());
  Page page(writer, painter, draft);
  header(page, m);

  const double W = page.textWidth(), x0 = page.left();
  using B = core::MinutesText::Block;
  for (const auto& b : m.body) {
    const QString text = QString::fromStdString(b.text);
    switch (b.kind) {
      case B::Section:
        if (page.room() < pt(60)) page.newPage();  // a heading never ends a page
        page.paragraph(text, serif(13, true), Qt::AlignLeft, x0, W, 0, pt(4));
        break;
      case B::Item:
        if (page.room() < pt(60)) page.newPage();
        page.paragraph(text, serif(13, true, true), Qt::AlignLeft, x0, W, mm(10), pt(4));
        break;
      case B::Bullet: {
        const auto lines = text.split('\n');
        page.paragraph(QStringLiteral("- ") + lines.first(), serif(13), Qt::AlignJustify, x0, W,
                       mm(10), lines.size() > 1 ? pt(1) : pt(4));
        for (int i = 1; i < lines.size(); ++i)
          page.paragraph(lines[i], serif(13), Qt::AlignJustify, x0 + mm(10), W - mm(10), 0,
                         i + 1 < lines.size() ? pt(1) : pt(4));
        break;
      }
      case B::Paragraph:
        page.paragraph(text, serif(13), Qt::AlignJustify, x0, W, mm(10), pt(6));
        break;
    }
  }
  MinutesLayout layout;
  layout.places = signatures(page, m);
  layout.pages = page.pages();
  if (!painter.end())
    throw std::runtime_error("Không ghi được tệp / cannot write " + path.toStdString());
  return layout;
}

}  // namespace chamber::papers
