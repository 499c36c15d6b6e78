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
  std::string name;  ///< sittings, agenda, attendance, votes, named_votes, documents, publications
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::vector<OpenTable> openData(const core::State& state,
                                const std::vector<core::Publication>& published = {});
json toJson(const OpenTable& t);  ///< an array of objects keyed by column
std::string toCsv(const OpenTable& t);

}  // namespace chamber::protocol
