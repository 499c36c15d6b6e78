#pragma once
/// Counting a vote under a rule, and announcing it in Vietnamese
/// ("16/25 đại biểu tán thành (64,00%)").
#include <map>
#include <string>
#include <vector>

#include "core/Rules.h"

namespace chamber::core {

/// One choice on a ballot: an option of a motion ("yes"), or a candidate.
struct VoteOption {
  std::string key;
  std::string label;
  bool operator==(const VoteOption&) const = default;
};

/// The three options of a motion, in the order of RULES.md.
std::vector<VoteOption> motionOptions();
/// lấy phiếu tín nhiệm: tín nhiệm cao / tín nhiệm / tín nhiệm thấp.
std::vector<VoteOption> confidenceRatingOptions();

struct OptionResult {
  std::string key;
  std::string label;
  int count = 0;
  int base = 0;
  bool elected = false;  ///< elections only
  std::string percent;   ///< "64,00%" (formatPercent), as announced
  std::string line;      ///< "16/25 đại biểu tán thành (64,00%)" (formatLine), as announced
  bool operator==(const OptionResult&) const = default;
};

struct NamedBallot {
  std::string delegate;
  std::vector<std::string> choices;
  bool operator==(const NamedBallot&) const = default;
};

/// The result of a closed vote, as announced and published.
struct Tally {
  std::string rule;
  std::string ruleLabel;
  int base = 0;  ///< what percentages count against
  int seats = 0;
  int inOffice = 0;
  int present = 0;   ///< when the vote opened
  int cast = 0;      ///< ballots returned
  int absent = 0;    ///< in office but not present
  int notVoted = 0;  ///< present but cast no ballot
  int issued = 0;    ///< secret ballots: ballots issued (= present)
  int valid = 0;
  int invalid = 0;
  std::vector<OptionResult> options;
  bool passed = false;             ///< motions: the rule was met; elections: at least one elected
  bool tie = false;                ///< elections: a tie at the last seat left it unfilled
  std::vector<NamedBallot> named;  ///< named votes only: each delegate's choice
  bool operator==(const Tally&) const = default;
};

/// What a tally is computed from.
struct TallyInput {
  std::string ruleKey;
  VoteRule rule;
  bool election = false;
  int seatsToFill = 1;  ///< elections: choose up to N
  std::vector<VoteOption> options;
  std::map<std::string, int> counts;
  int ballots = 0;
  int seats = 0;
  int inOffice = 0;
  int present = 0;
};

Tally computeTally(const TallyInput& in);

/// "64,00%": two decimals, a decimal comma, rounded half up. A base of 0 gives "0,00%".
std::string formatPercent(int count, int base);
/// "16/25 đại biểu tán thành (64,00%)".
std::string formatLine(const OptionResult& r);
/// Fills each option's `percent` and `line` from its count and base (computeTally does;
/// a tally stored before these fields existed gets them when it is read).
void announce(Tally& t);
/// The whole announcement, one line per option, then absent/not voted and the verdict.
std::string formatAnnouncement(const Tally& t);

}  // namespace chamber::core
