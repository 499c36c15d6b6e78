#include "core/Rules.h"

namespace chamber::core {

CouncilRules vietnameseDefaults() {
  CouncilRules r;
  r.voteRules["majority"] = {
      "Quá nửa tổng số đại biểu đang công tác", Base::InOffice, {1, 2}, true, true, "yes"};
  r.voteRules["two_thirds"] = {"Ít nhất hai phần ba tổng số đại biểu đang công tác",
                               Base::InOffice,
                               {2, 3},
                               false,
                               true,
                               "yes"};
  r.voteRules["election"] = {
      "Quá nửa tổng số đại biểu đang công tác (bầu cử)", Base::InOffice, {1, 2}, true, true, "yes"};
  r.voteRules["votes_cast"] = {
      "Quá nửa số phiếu biểu quyết", Base::VotesCast, {1, 2}, true, false, "yes"};
  r.voteRules["confidence"] = {"Không tín nhiệm quá nửa tổng số đại biểu đang công tác",
                               Base::InOffice,
                               {1, 2},
                               true,
                               true,
                               "no_confidence"};
  r.speakingLimit_s = {
      {"speech", 7 * 60}, {"second", 3 * 60}, {"debate", 3 * 60}, {"point_of_order", 2 * 60},
      {"question", 60},   {"answer", 3 * 60}, {"chair", 0}};
  return r;
}

}  // namespace chamber::core
