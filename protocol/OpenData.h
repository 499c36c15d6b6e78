#pragma once
/// Open data: what the council publishes for the People's Committee, the Fatherland Front
/// and anyone — sittings, agenda, attendance, votes and documents of public sittings, as
/// JSON tables and CSV. Classified papers and closed sittings never appear; secret ballots
/// appear as counts only. docs/open-data.md documents every column.
#include <string>
#include <vector>

#include "core/Model.h"
#include "core/Publication.h"
#include "protocol/Codec.h"

namespace chamber::protocol {

struct OpenTable {
  std::string name;  ///< sittings, agenda, …, publications, questions, petitions
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

/// `today` (yyyy-mm-dd, Vietnam) marks what is overdue: written answers to questions,
/// petitions' answers.
std::vector<OpenTable> openData(const core::State& state,
                                const std::vector<core::Publication>& published = {},
                                const std::string& today = "");
/// Interpellations of public sittings: who asked whom, the answers, written answers promised
/// with their due date and whether it passed.
OpenTable questionsTable(const core::State& state, const std::string& today);
/// Citizens' petitions: never who sent them; the moderated text, the published answer.
OpenTable petitionsTable(const core::State& state, const std::string& today);
json toJson(const OpenTable& t);  ///< an array of objects keyed by column
std::string toCsv(const OpenTable& t);

}  // namespace chamber::protocol
