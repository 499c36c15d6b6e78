#pragma once
/// The minutes rendered as the council's paper: the national administrative format of
/// Decree 30/2020/NĐ-CP (Appendix I) — A4, margins 20/20/30/20 mm, Liberation Serif (metric-
/// compatible with Times New Roman, with Vietnamese) at 13 pt; the issuer top left with the
/// number under it, the national title and motto top right with the place and date in
/// italics under them, the title and its summary centred, the body justified, page numbers
/// from the second page, the secretary's and the chair's signature blocks at the end.
/// Written by Qt (QPdfWriter in its PDF/A mode, fonts embedded); papers/Pdf.h marks it
/// PDF/A-2b. Needs a QGuiApplication (fonts).
#include <QString>

#include "core/Minutes.h"
#include "papers/Signatures.h"

namespace chamber::papers {

struct MinutesLayout {
  int pages = 0;
  /// The blank spaces under "THƯ KÝ" (left) and "CHỦ TỌA" (right), where they sign: written
  /// into the PDF as empty signature fields "ThuKy" and "ChuToa" by papers::preparePdf.
  std::vector<SignatureSlot> places;
};

/// Writes `m` to `path`; `draft` marks every page "DỰ THẢO". Throws std::runtime_error when
/// the file cannot be written or the font is missing. Call papers::preparePdf after it.
MinutesLayout writeMinutesPdf(const core::MinutesText& m, const QString& path, bool draft = false);

/// "Côn Minh, ngày 05 tháng 01 năm 2027" from a place and "05/01/2027" or "2027-01-05"
/// (Decree 30: a day under 10 and the months 1 and 2 take a leading zero).
QString placeAndDate(const QString& place, const QString& date);

}  // namespace chamber::papers
