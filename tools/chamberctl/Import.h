#pragma once
// Reading what people prepare: the council (CSV), an agenda (JSON), rules (TOML).
#include <filesystem>
#include <string>
#include <vector>

#include "core/Commands.h"
#include "store/Store.h"

namespace chamber::ctl {

struct ImportedDelegate {
  core::Delegate delegate;
  std::string pin;
};

/// Columns (a header row first): seat,id,name,title,role,in_office,pin. A PIN is digits,
/// at least `pinDigits` of them (6 by default: docs/security.md has the arithmetic).
/// Throws std::runtime_error naming the line of any bad row.
std::vector<ImportedDelegate> readDelegatesCsv(const std::filesystem::path& file,
                                               int pinDigits = 6);
/// The same from the file's text; `source` names it in errors.
std::vector<ImportedDelegate> parseDelegatesCsv(const std::string& text, const std::string& source,
                                                int pinDigits = 6);

/// [{"id":"1","title":"…","presenter":"…","children":[…]}, …] flattened to the tree the
/// core keeps (parents before children).
std::vector<core::AgendaItem> readAgendaJson(const std::filesystem::path& file);

/// A rule set in TOML over the Vietnamese defaults (docs/operations.md shows the keys).
core::CouncilRules readRulesToml(const std::filesystem::path& file);
/// The same from the file's text.
core::CouncilRules parseRulesToml(const std::string& text);

std::string readFile(const std::filesystem::path& file);

}  // namespace chamber::ctl
