// CSV for spreadsheets: quoting, and cells that a spreadsheet would run as formulas.
#include <gtest/gtest.h>

#include "protocol/Csv.h"

using namespace chamber::protocol;

TEST(Csv, FormulasAreNeutralisedNumbersAreNot) {
  EXPECT_EQ(csvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csvField("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(csvField("-2+3"), "'-2+3");
  EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvField("\tx"), "'\tx");
  EXPECT_EQ(csvField("-12"), "-12");
  EXPECT_EQ(csvField("+3.5"), "+3.5");
  EXPECT_EQ(csvField("Nguyễn Văn A, thôn 3"), "\"Nguyễn Văn A, thôn 3\"");
  // Reading it back gives the cell as written (with its apostrophe, which is the point).
  EXPECT_EQ(parseCsv(csvRow({"=1+1", "a,b"})),
            (std::vector<std::vector<std::string>>{{"'=1+1", "a,b"}}));
}

TEST(Csv, ACellStartingWithAByteOrderMarkSurvivesARoundTrip) {
  // Found by fuzz_csv: written bare at the start of a file, the reader took the cell's BOM
  // for the file's and the row came back empty.
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(parseCsv(csvRow({bom})), (std::vector<std::vector<std::string>>{{bom}}));
  EXPECT_EQ(parseCsv(csvRow({bom + "x", "y"})),
            (std::vector<std::vector<std::string>>{{bom + "x", "y"}}));
}
