#pragma once
/// "Báo cáo tổng hợp ý kiến, kiến nghị của cử tri": the register for a period, counted by
/// topic, by area and by channel, with answer rates. Pure: the portal, chamberctl and the
/// open data all take it from here.
#include <string>
#include <vector>

#include "core/Petition.h"

namespace chamber::core {

struct PetitionTally {
  std::string key, label;
  int petitions = 0;  ///< received in the period, duplicates merged into one
  int senders = 0;    ///< the citizens behind them, duplicates counted
  int rejected = 0, pending = 0, answered = 0, published = 0, overdue = 0;
  /// answered (or published) out of those accepted, in per cent, one decimal
  double answerRate = 0;
};

struct PetitionReport {
  std::string from, to, today;  ///< yyyy-mm-dd, Vietnam
  PetitionTally total;
  std::vector<PetitionTally> byTopic, byArea, byChannel;
};

/// Petitions received from `from` to `to` (inclusive dates, Vietnam); `today` decides overdue.
PetitionReport petitionReport(const Petitions& reg, const std::string& from, const std::string& to,
                              const std::string& today);

/// The Vietnamese label of a channel: "Cổng thông tin", "Tiếp xúc cử tri", …
std::string channelLabel(const std::string& channel);

/// The report as text for the council's papers (the structured text of core/Minutes.h).
std::string petitionReportText(const PetitionReport& r, const std::string& council);

}  // namespace chamber::core
