// libFuzzer: the CSV a commune office exports from its spreadsheet (the council's
// delegates, chamberctl council import): the parser, the row checks, and writing it back.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "chamberctl/Import.h"
#include "protocol/Csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto rows = chamber::protocol::parseCsv(text);
  // Writing any row and reading it back gives the same cells (bar the apostrophe that
  // neutralises a formula).
  for (const auto& row : rows) {
    if (row.empty()) continue;
    const auto again = chamber::protocol::parseCsv(chamber::protocol::csvRow(row));
    if (again.size() != 1 || again[0].size() != row.size()) {
      bool blank = row.size() == 1 && row[0].empty();
      if (!blank) __builtin_trap();
    }
  }
  try {
    (void)chamber::ctl::parseDelegatesCsv(text, "fuzz.csv", 6);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
