#pragma once
// CSV as RFC 4180 has it: quoted fields, doubled quotes, commas and newlines inside quotes.
#include <string>
#include <vector>

namespace chamber::protocol {

std::vector<std::vector<std::string>> parseCsv(const std::string& text);
std::string csvField(const std::string& s);
std::string csvRow(const std::vector<std::string>& fields);

}  // namespace chamber::protocol
