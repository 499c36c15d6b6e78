// Table-driven checks of every passing rule and of the Vietnamese announcement format.
#include <gtest/gtest.h>

#include "core/Tally.h"

using namespace chamber::core;

namespace {

struct Case {
  const char* name;
  std::string rule;
  int inOffice, present, yes, no, abstain;
  bool passed;
  int base;
};

TallyInput input(const Case& c) {
  const auto rules = vietnameseDefaults();
  TallyInput in;
  in.ruleKey = c.rule;
  in.rule = rules.voteRules.at(c.rule);
  in.options = motionOptions();
  in.counts = {{"yes", c.yes}, {"no", c.no}, {"abstain", c.abstain}};
  in.ballots = c.yes + c.no + c.abstain;
  in.seats = 31;
  in.inOffice = c.inOffice;
  in.present = c.present;
  return in;
}

class RuleTable : public ::testing::TestWithParam<Case> {};

TEST_P(RuleTable, PassesExactlyWhenTheRuleIsMet) {
  const Case& c = GetParam();
  const Tally t = computeTally(input(c));
  EXPECT_EQ(t.passed, c.passed) << c.name;
  EXPECT_EQ(t.base, c.base) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    VietnameseDefaults, RuleTable,
    ::testing::Values(
        // yes > 1/2 of delegates in office, not of those present
        Case{"16 of 30 in office, 20 present", "majority", 30, 20, 16, 4, 0, true, 30},
        Case{"15 of 30 is exactly half: fails", "majority", 30, 20, 15, 5, 0, false, 30},
        Case{"15 of 20 present but 30 in office: fails", "majority", 30, 20, 15, 0, 5, false, 30},
        Case{"13 of 25", "majority", 25, 25, 13, 12, 0, true, 25},
        Case{"12 of 25", "majority", 25, 25, 12, 13, 0, false, 25},
        // removal from office: yes >= 2/3 of delegates in office
        Case{"20 of 30 is exactly 2/3: passes", "two_thirds", 30, 30, 20, 10, 0, true, 30},
        Case{"19 of 30", "two_thirds", 30, 30, 19, 11, 0, false, 30},
        Case{"17 of 25 (2/3 is 16.67)", "two_thirds", 25, 25, 17, 8, 0, true, 25},
        Case{"16 of 25", "two_thirds", 25, 25, 16, 9, 0, false, 25},
        // Robert's Rules: majority of votes cast, abstentions not counted
        Case{"6 yes 5 no 9 abstain", "votes_cast", 30, 20, 6, 5, 9, true, 11},
        Case{"5 yes 5 no", "votes_cast", 30, 20, 5, 5, 10, false, 10},
        Case{"nobody voted", "votes_cast", 30, 20, 0, 0, 0, false, 0}),
    [](const ::testing::TestParamInfo<Case>& p) { return "case" + std::to_string(p.index); });

TEST(Rules, BaseOfPresentAndOfSeatsAndAbstentionsCounting) {
  auto rules = vietnameseDefaults();
  TallyInput in;
  in.options = motionOptions();
  in.counts = {{"yes", 11}, {"no", 4}, {"abstain", 5}};
  in.ballots = 20;
  in.seats = 31;
  in.inOffice = 30;
  in.present = 20;

  in.rule = {"present", Base::Present, {1, 2}, true, true, "yes"};
  EXPECT_TRUE(computeTally(in).passed);  // 11 > 10
  EXPECT_EQ(computeTally(in).base, 20);

  in.rule.base = Base::Seats;
  EXPECT_EQ(computeTally(in).base, 31);
  EXPECT_FALSE(computeTally(in).passed);

  in.rule = {"cast", Base::VotesCast, {1, 2}, true, true, "yes"};
  EXPECT_EQ(computeTally(in).base, 20);  // abstentions count
  in.rule.abstentionsCount = false;
  EXPECT_EQ(computeTally(in).base, 15);

  // non-strict 1/2: exactly half passes
  in.counts = {{"yes", 10}, {"no", 10}};
  in.rule = {"half", Base::Present, {1, 2}, false, true, "yes"};
  EXPECT_TRUE(computeTally(in).passed);
  in.rule.strict = true;
  EXPECT_FALSE(computeTally(in).passed);
}

TEST(Announcement, VietnameseFormatWithDecimalComma) {
  EXPECT_EQ(formatPercent(16, 25), "64,00%");
  EXPECT_EQ(formatPercent(1, 3), "33,33%");
  EXPECT_EQ(formatPercent(2, 3), "66,67%");
  EXPECT_EQ(formatPercent(1, 8), "12,50%");
  EXPECT_EQ(formatPercent(25, 25), "100,00%");
  EXPECT_EQ(formatPercent(0, 0), "0,00%");
  EXPECT_EQ(formatLine({"yes", "tán thành", 16, 25, false}), "16/25 đại biểu tán thành (64,00%)");

  TallyInput in;
  in.rule = vietnameseDefaults().voteRules.at("majority");
  in.options = motionOptions();
  in.counts = {{"yes", 16}, {"no", 3}, {"abstain", 1}};
  in.ballots = 20;
  in.inOffice = 25;
  in.present = 22;
  const Tally t = computeTally(in);
  EXPECT_EQ(t.absent, 3);
  EXPECT_EQ(t.notVoted, 2);
  const auto text = formatAnnouncement(t);
  EXPECT_NE(text.find("16/25 đại biểu tán thành (64,00%)"), std::string::npos) << text;
  EXPECT_NE(text.find("3/25 đại biểu không tán thành (12,00%)"), std::string::npos) << text;
  EXPECT_NE(text.find("1/25 đại biểu không biểu quyết (4,00%)"), std::string::npos) << text;
  EXPECT_NE(text.find("Vắng mặt: 3; có mặt không bỏ phiếu: 2"), std::string::npos) << text;
  EXPECT_NE(text.find("THÔNG QUA"), std::string::npos);
}

TEST(Elections, BestQualifiedUpToNAreElectedAndTiesAtTheCutoffAreNot) {
  TallyInput in;
  in.rule = vietnameseDefaults().voteRules.at("election");
  in.election = true;
  in.seatsToFill = 2;
  in.options = {{"a", "Nguyễn Văn A"}, {"b", "Trần Thị B"}, {"c", "Lê Văn C"}, {"d", "Phạm D"}};
  in.inOffice = 25;
  in.present = 25;
  in.ballots = 25;
  in.counts = {{"a", 20}, {"b", 14}, {"c", 13}, {"d", 3}};
  Tally t = computeTally(in);
  EXPECT_TRUE(t.options[0].elected);   // 20 > 12.5
  EXPECT_TRUE(t.options[1].elected);   // 14
  EXPECT_FALSE(t.options[2].elected);  // 13 qualifies, but only two seats
  EXPECT_FALSE(t.options[3].elected);
  EXPECT_FALSE(t.tie);

  in.counts = {{"a", 20}, {"b", 14}, {"c", 14}, {"d", 3}};
  t = computeTally(in);
  EXPECT_TRUE(t.options[0].elected);
  EXPECT_FALSE(t.options[1].elected);
  EXPECT_FALSE(t.options[2].elected);
  EXPECT_TRUE(t.tie);

  in.counts = {{"a", 12}, {"b", 11}};  // nobody reaches > 1/2 of 25
  t = computeTally(in);
  EXPECT_FALSE(t.passed);
}

}  // namespace
