#pragma once
/// A council's rules as data (RULES.md). Every number is a default of a configuration,
/// never a constant in code: a sitting records the rule set it ran under.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "core/Types.h"

namespace chamber::core {

/// What a voting threshold counts against.
enum class Base {
  Seats = 1,  ///< all seats of the council, filled or not
  InOffice,   ///< delegates in office (the Vietnamese default)
  Present,    ///< delegates present when the vote opened
  VotesCast,  ///< ballots cast (Robert's Rules' "majority of votes cast")
};

/// One passing rule, e.g. "yes > 1/2 of delegates in office".
struct VoteRule {
  std::string label;  ///< shown to people, Vietnamese
  Base base = Base::InOffice;
  Fraction threshold{1, 2};
  bool strict = true;            ///< true: more than; false: at least
  bool abstentionsCount = true;  ///< with base VotesCast: do "không biểu quyết" ballots count
  std::string passOption = "yes";  ///< the option whose count must reach the threshold
  bool operator==(const VoteRule&) const = default;
};

/// The whole rule set of a council (versioned).
struct CouncilRules {
  std::string version = "vn-2025-commune-1";
  int seats = 0;          ///< 0: the number of delegates on the roster
  Fraction quorum{2, 3};  ///< of delegates in office, non-strict
  std::map<std::string, VoteRule> voteRules;
  std::map<std::string, int> speakingLimit_s;  ///< by kind of speech
  int openMicLimit = 1;                        ///< open microphones besides the chair's
  bool ballotChangeAllowed = false;            ///< never for secret ballots, whatever this says
  bool confidenceVotesEnabled = false;
  int writtenAnswerDays = 20;  ///< deadline of an "answer in writing"
  /// A closed sitting (họp kín) is recorded for the council's own archive (never streamed,
  /// its archive served to members only); false: not recorded at all.
  bool recordClosedSittings = true;
  /// Who issues the council's papers, as the header of a document names it (Decree 30):
  /// "Hội đồng nhân dân xã Côn Minh"; and the place its dates are written from ("Côn Minh").
  std::string council = "Hội đồng nhân dân";
  std::string locality;
  bool operator==(const CouncilRules&) const = default;
};

/// Sign-in throttling (core/Throttle.h keeps the table): each key (a seat, a user name, a
/// source address) may fail `freeFailures` times; after that each failure makes the next
/// check wait twice as long as the last, from `firstDelay_ms` up to `maxDelay_ms`. Nothing
/// locks for good: a key is forgotten after `forget_ms`. The table holds `maxEntries` keys.
/// A server-wide rule (chamber-server flags), not a sitting's.
struct ThrottleRule {
  int freeFailures = 5;
  std::int64_t firstDelay_ms = 1000;
  std::int64_t maxDelay_ms = 5 * 60 * 1000;
  std::int64_t forget_ms = 60 * 60 * 1000;
  std::size_t maxEntries = 10000;
};

/// The defaults of RULES.md for a commune People's Council.
CouncilRules vietnameseDefaults();

/// Speech kinds known to the defaults (a council may add its own).
inline constexpr const char* kSpeechKinds[] = {"speech",   "second", "debate", "point_of_order",
                                               "question", "answer", "chair"};

}  // namespace chamber::core
