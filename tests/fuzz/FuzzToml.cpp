// libFuzzer: the two TOML files people edit — a chamber's hardware description (seats,
// cameras, microphones, destinations) and a council's rules — and the rules put to use in a
// tally, as a sitting would.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "chamberctl/Import.h"
#include "core/Hardware.h"
#include "core/Model.h"
#include "core/Tally.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto hw = chamber::media::parseHardware(text, "fuzz.toml");
    for (const auto& s : hw.seats) (void)hw.seat(s.seat);
    (void)hw.overview();
  } catch (const std::exception&) {
  }
  try {
    const auto rules = chamber::ctl::parseRulesToml(text);
    chamber::core::Sitting sitting;  // the quorum, as a vote's opening checks it
    sitting.rules = rules;
    for (int i = 1; i <= 25; ++i) {
      chamber::core::Delegate d;
      d.id = "d" + std::to_string(i);
      d.seat = i;
      sitting.roster.push_back(d);
      if (i <= 17) sitting.attendance[d.id].present = true;
    }
    (void)sitting.quorate();
    for (const auto& [key, rule] : rules.voteRules) {
      chamber::core::TallyInput in;
      in.ruleKey = key;
      in.rule = rule;
      in.options = chamber::core::motionOptions();
      in.counts = {{"yes", 13}, {"no", 5}, {"abstain", 2}};
      in.ballots = 20;
      in.seats = 25;
      in.inOffice = 25;
      in.present = 21;
      (void)chamber::core::computeTally(in);
    }
  } catch (const std::exception&) {
  }
  return 0;
}
