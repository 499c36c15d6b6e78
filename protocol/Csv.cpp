#include "protocol/Csv.h"

#include <string_view>

namespace chamber::protocol {

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  std::size_t i = 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;  // a BOM from spreadsheet programs
  for (; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {
/// "-12", "+3.5", "1e5": numbers stay numbers in a spreadsheet.
bool plainNumber(const std::string& s) {
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      digits = true;
    else if (s[i] != '.' && s[i] != ',')
      return false;
  }
  return digits;
}
}  // namespace

std::string csvField(const std::string& raw) {
  // A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR first) is
  // written with a leading apostrophe: open data opened in a spreadsheet runs nothing.
  std::string s = raw;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos &&
      !plainNumber(s))
    s.insert(s.begin(), '\'');
  // Quoted too: a cell that starts with a byte-order mark (a reader drops a BOM at the start
  // of a file, which would empty the cell).
  if (s.find_first_of(",\"\n\r") == std::string::npos && s.rfind("\xEF\xBB\xBF", 0) != 0) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csvField(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace chamber::protocol
