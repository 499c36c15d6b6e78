#include "chamberctl/Import.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "protocol/Codec.h"
#include "protocol/Csv.h"
#include "protocol/Json.h"
#include "tomlnum/TomlNumber.h"

namespace chamber::ctl {

using protocol::json;

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("không đọc được / cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<ImportedDelegate> readDelegatesCsv(const std::filesystem::path& file, int pinDigits) {
  return parseDelegatesCsv(readFile(file), file.filename().string(), pinDigits);
}

std::vector<ImportedDelegate> parseDelegatesCsv(const std::string& text, const std::string& source,
                                                int pinDigits) {
  const auto rows = protocol::parseCsv(text);
  if (rows.empty()) throw std::runtime_error("empty CSV");
  const std::vector<std::string> expected = {"seat", "id",        "name", "title",
                                             "role", "in_office", "pin"};
  if (rows[0] != expected)
    throw std::runtime_error("CSV header must be: seat,id,name,title,role,in_office,pin");
  std::vector<ImportedDelegate> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const auto where = source + " line " + std::to_string(i + 1) + ": ";
    if (r.size() != expected.size()) throw std::runtime_error(where + "expected 7 fields");
    ImportedDelegate d;
    try {
      d.delegate.seat = std::stoi(r[0]);
    } catch (...) {
      throw std::runtime_error(where + "seat must be a number");
    }
    d.delegate.id = r[1];
    d.delegate.name = r[2];
    d.delegate.title = r[3];
    auto role = core::roleFromName(r[4]);
    if (!role || !core::isCouncilMember(*role))
      throw std::runtime_error(where + "role must be chair, vice_chair, secretary or delegate");
    d.delegate.role = *role;
    d.delegate.inOffice = r[5] == "1" || r[5] == "true" || r[5] == "yes";
    d.pin = r[6];
    if (d.delegate.id.empty() || d.delegate.name.empty())
      throw std::runtime_error(where + "id and name are required");
    if (static_cast<int>(d.pin.size()) < pinDigits || d.pin.size() > 32 ||
        d.pin.find_first_not_of("0123456789") != std::string::npos)
      throw std::runtime_error(where + "mã PIN cần ít nhất " + std::to_string(pinDigits) +
                               " chữ số / a PIN is at least " + std::to_string(pinDigits) +
                               " digits");
    out.push_back(std::move(d));
  }
  return out;
}

namespace {
void flatten(const json& items, const std::string& parent, std::vector<core::AgendaItem>& out) {
  for (const auto& j : items) {
    core::AgendaItem i;
    i.id = j.at("id").get<std::string>();
    i.parent = parent;
    i.title = j.at("title").get<std::string>();
    i.presenter = j.value("presenter", "");
    out.push_back(i);
    if (j.contains("children")) flatten(j["children"], i.id, out);
  }
}
}  // namespace

std::vector<core::AgendaItem> readAgendaJson(const std::filesystem::path& file) {
  const json j = json::parse(readFile(file));
  const json& items = j.is_object() ? j.at("agenda") : j;
  std::vector<core::AgendaItem> out;
  flatten(items, "", out);
  return out;
}

core::CouncilRules readRulesToml(const std::filesystem::path& file) {
  return parseRulesToml(readFile(file));
}

core::CouncilRules parseRulesToml(const std::string& text) {
  auto t = toml::parse(text);
  core::CouncilRules r = core::vietnameseDefaults();
  using tomlnum::wholeNumber;
  r.version = t["version"].value_or(r.version);
  r.seats = static_cast<int>(wholeNumber(t["seats"], "seats", 0, 10000).value_or(r.seats));
  // A fraction of whole numbers, 0 < num <= den (a quorum or threshold above 1 could never
  // be met; a zero denominator is no fraction).
  auto fraction = [](const toml::node* n, const std::string& what, core::Fraction f) {
    const auto* a = n ? n->as_array() : nullptr;
    if (!a) return f;
    if (a->size() != 2) throw std::runtime_error(what + ": [num, den]");
    const auto num =
        wholeNumber(toml::node_view<const toml::node>(a->get(0)), what + "[0]", 1, 1000);
    const auto den =
        wholeNumber(toml::node_view<const toml::node>(a->get(1)), what + "[1]", 1, 1000);
    if (!num || !den || *num > *den) throw std::runtime_error(what + ": 0 < num <= den");
    return core::Fraction{*num, *den};
  };
  r.quorum = fraction(t["quorum"].node(), "quorum", r.quorum);
  r.openMicLimit = static_cast<int>(
      wholeNumber(t["open_mic_limit"], "open_mic_limit", 0, 1000).value_or(r.openMicLimit));
  r.ballotChangeAllowed = t["ballot_change_allowed"].value_or(r.ballotChangeAllowed);
  r.confidenceVotesEnabled = t["confidence_votes_enabled"].value_or(r.confidenceVotesEnabled);
  r.writtenAnswerDays =
      static_cast<int>(wholeNumber(t["written_answer_days"], "written_answer_days", 1, 3650)
                           .value_or(r.writtenAnswerDays));
  r.recordClosedSittings = t["record_closed_sittings"].value_or(r.recordClosedSittings);
  r.council = t["council"].value_or(r.council);
  r.locality = t["locality"].value_or(r.locality);
  if (auto limits = t["speaking_limit_s"].as_table())
    for (const auto& [k, v] : *limits)
      r.speakingLimit_s[std::string(k.str())] =
          static_cast<int>(*wholeNumber(toml::node_view<const toml::node>(v),
                                        "speaking_limit_s." + std::string(k.str()), 0, 36000));
  if (auto rules = t["vote_rules"].as_table()) {
    for (const auto& [k, v] : *rules) {
      const auto* tbl = v.as_table();
      if (!tbl) continue;
      core::VoteRule vr = r.voteRules.count(std::string(k.str()))
                              ? r.voteRules[std::string(k.str())]
                              : core::VoteRule{};
      vr.label = (*tbl)["label"].value_or(vr.label);
      const std::string base = (*tbl)["base"].value_or(std::string(core::name(vr.base)));
      if (base == "seats")
        vr.base = core::Base::Seats;
      else if (base == "in_office")
        vr.base = core::Base::InOffice;
      else if (base == "present")
        vr.base = core::Base::Present;
      else if (base == "votes_cast")
        vr.base = core::Base::VotesCast;
      else
        throw std::runtime_error("vote_rules." + std::string(k.str()) + ".base: unknown " + base);
      vr.threshold = fraction((*tbl)["threshold"].node(),
                              "vote_rules." + std::string(k.str()) + ".threshold", vr.threshold);
      vr.strict = (*tbl)["strict"].value_or(vr.strict);
      vr.abstentionsCount = (*tbl)["abstentions_count"].value_or(vr.abstentionsCount);
      vr.passOption = (*tbl)["pass_option"].value_or(vr.passOption);
      r.voteRules[std::string(k.str())] = vr;
    }
  }
  return r;
}

}  // namespace chamber::ctl
