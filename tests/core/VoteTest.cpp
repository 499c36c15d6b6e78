#include "Harness.h"

using namespace chamber::core;
using namespace chamber::core::test;

namespace {

Tally castAndClose(Harness& h, const std::string& v, int yes, int no, int abstain) {
  int i = 1;
  for (int k = 0; k < yes; ++k) h.expectOk(h.run(Harness::del(i++), CastBallot{v, {"yes"}, ""}));
  for (int k = 0; k < no; ++k) h.expectOk(h.run(Harness::del(i++), CastBallot{v, {"no"}, ""}));
  for (int k = 0; k < abstain; ++k)
    h.expectOk(h.run(Harness::del(i++), CastBallot{v, {"abstain"}, ""}));
  Decision d = h.run(h.chair(), CloseVote{v});
  h.expectOk(d);
  return std::get<VoteClosed>(d.events.at(0)).tally;
}

}  // namespace

TEST(Votes, SixteenOfThirtyInOfficeWithTwentyPresentPasses) {
  Harness h(30);
  h.openWith(20);
  const auto v = h.createVote();
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  const Tally t = castAndClose(h, v, 16, 4, 0);
  EXPECT_TRUE(t.passed);
  EXPECT_EQ(t.base, 30);
  EXPECT_EQ(formatLine(t.options[0]), "16/30 đại biểu tán thành (53,33%)");
  EXPECT_EQ(t.absent, 10);
}

TEST(Votes, FifteenOfThirtyFails) {
  Harness h(30);
  h.openWith(20);
  const auto v = h.createVote();
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  EXPECT_FALSE(castAndClose(h, v, 15, 5, 0).passed);
}

TEST(Votes, RemovalFromOfficeNeedsTwoThirdsOfThoseInOffice) {
  Harness h(30);
  h.openWith(30);
  auto v = h.createVote(VoteForm::Secret, "two_thirds");
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  EXPECT_FALSE(castAndClose(h, v, 19, 11, 0).passed);
  v = h.createVote(VoteForm::Secret, "two_thirds");
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  EXPECT_TRUE(castAndClose(h, v, 20, 10, 0).passed);
}

TEST(Votes, CannotOpenWithoutQuorum) {
  Harness h(30);
  h.openWith(19);  // quorum is 20 of 30
  const auto v = h.createVote();
  h.expectError(h.run(h.chair(), OpenVote{v}), "no_quorum");
  EXPECT_EQ(h.vote(v).status, VoteStatus::Draft);
  h.expectOk(h.run(Harness::del(20), CheckIn{}));
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  EXPECT_EQ(h.vote(v).present, 20);
}

TEST(Votes, ADelegateCannotVoteTwiceOrForSomeoneElse) {
  Harness h(10);
  h.openWith(10);
  const auto v = h.createVote();
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  h.expectOk(h.run(Harness::del(3), CastBallot{v, {"yes"}, ""}));
  h.expectError(h.run(Harness::del(3), CastBallot{v, {"no"}, ""}), "already_voted");
  h.expectError(h.run(Harness::del(4), CastBallot{v, {"yes"}, "d05"}), "forbidden");
  EXPECT_EQ(h.vote(v).ballots, 1);
  EXPECT_EQ(h.vote(v).counts["yes"], 1);
  EXPECT_EQ(h.vote(v).counts["no"], 0);
  EXPECT_FALSE(h.vote(v).voted.count("d05"));
}

TEST(Votes, BadBallotsAndWrongStatesAreRefused) {
  Harness h(10);
  h.openWith(8);
  const auto v = h.createVote();
  h.expectError(h.run(Harness::del(3), CastBallot{v, {"yes"}, ""}), "vote_not_open");
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  h.expectError(h.run(Harness::del(3), CastBallot{v, {"maybe"}, ""}), "bad_args");
  h.expectError(h.run(Harness::del(3), CastBallot{v, {"yes", "no"}, ""}), "bad_args");
  h.expectError(h.run(Harness::del(3), CastBallot{v, {}, ""}), "bad_args");
  h.expectError(h.run(Harness::del(9), CastBallot{v, {"yes"}, ""}), "not_present");
  h.expectError(h.run(Harness::responder(), CastBallot{v, {"yes"}, ""}), "forbidden");
  h.expectError(h.run(Actor{Role::Operator, "op"}, CastBallot{v, {"yes"}, ""}), "forbidden");
  h.expectError(
      h.run(h.chair(), CreateVote{"2", "x", VoteForm::Open, VoteKind::Motion, "nope", {}, 1}),
      "bad_args");
  h.expectError(h.run(h.chair(), SuspendSitting{}), "wrong_state");
  const auto w = h.createVote();
  h.expectError(h.run(h.chair(), OpenVote{w}), "wrong_state");  // one open vote at a time
  EXPECT_EQ(h.vote(v).ballots, 0);
}

TEST(Votes, BallotChangeOnlyWhenTheRulesAllowAndNeverForSecretBallots) {
  auto rules = vietnameseDefaults();
  rules.ballotChangeAllowed = true;
  Harness h(10, rules);
  h.openWith(10);
  auto v = h.createVote();
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  h.expectOk(h.run(Harness::del(3), CastBallot{v, {"yes"}, ""}));
  h.expectOk(h.run(Harness::del(3), CastBallot{v, {"no"}, ""}));
  EXPECT_EQ(h.vote(v).counts["yes"], 0);
  EXPECT_EQ(h.vote(v).counts["no"], 1);
  EXPECT_EQ(h.vote(v).ballots, 1);
  h.expectOk(h.run(h.chair(), CloseVote{v}));
  v = h.createVote(VoteForm::Secret);
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  h.expectOk(h.run(Harness::del(3), CastBallot{v, {"yes"}, ""}));
  h.expectError(h.run(Harness::del(3), CastBallot{v, {"no"}, ""}), "already_voted");
}

TEST(Votes, SecretBallotKeepsTurnoutButNoLinkToTheChoice) {
  Harness h(10);
  h.openWith(10);
  const auto v = h.createVote(VoteForm::Secret);
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  Decision d = h.run(Harness::del(4), CastBallot{v, {"no"}, ""});
  h.expectOk(d);
  const auto& cast = std::get<BallotCast>(d.events.at(0));
  EXPECT_EQ(cast.delegate, "d04");
  EXPECT_TRUE(cast.choices.empty());  // the event never carries the choice
  ASSERT_TRUE(d.secret.has_value());
  EXPECT_EQ(d.secret->choices, std::vector<std::string>{"no"});
  EXPECT_TRUE(h.vote(v).choiceOf.empty());
  EXPECT_TRUE(h.vote(v).voted.count("d04"));
  EXPECT_EQ(h.vote(v).counts["no"], 1);
  EXPECT_EQ(visibilityOf(cast).audience, Audience::Staff);
  EXPECT_EQ(visibilityOf(cast).subject, "d04");
  h.expectOk(h.run(Harness::del(5), CastBallot{v, {"yes"}, ""}));
  Decision c = h.run(h.chair(), CloseVote{v});
  const Tally t = std::get<VoteClosed>(c.events.at(0)).tally;
  EXPECT_TRUE(t.named.empty());
  EXPECT_EQ(t.issued, 10);
  EXPECT_EQ(t.cast, 2);
  EXPECT_EQ(t.valid, 2);
}

TEST(Votes, NamedVotePublishesEachDelegatesChoice) {
  Harness h(5);
  h.openWith(5);
  const auto v = h.createVote(VoteForm::Named);
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  const Tally t = castAndClose(h, v, 3, 1, 1);
  ASSERT_EQ(t.named.size(), 5u);
  EXPECT_EQ(t.named[0].delegate, "d01");
  EXPECT_EQ(t.named[3].choices, std::vector<std::string>{"no"});
}

TEST(Votes, ElectionChooseUpToN) {
  Harness h(10);
  h.openWith(10);
  CreateVote c{"3",
               "Bầu Phó Chủ tịch",
               VoteForm::Secret,
               VoteKind::Election,
               "election",
               {{"a", "Nguyễn Văn An"}, {"b", "Trần Thị Bình"}, {"c", "Lê Văn Cường"}},
               2};
  Decision d = h.run(h.chair(), c);
  h.expectOk(d);
  const auto v = std::get<VoteCreated>(d.events[0]).vote;
  h.expectOk(h.run(h.chair(), OpenVote{v}));
  h.expectError(h.run(Harness::del(1), CastBallot{v, {"a", "b", "c"}, ""}), "bad_args");
  for (int i = 1; i <= 10; ++i)
    h.expectOk(h.run(
        Harness::del(i),
        CastBallot{v, i <= 7 ? std::vector<std::string>{"a", "b"} : std::vector<std::string>{"c"},
                   ""}));
  Decision closed = h.run(h.chair(), CloseVote{v});
  const Tally t = std::get<VoteClosed>(closed.events[0]).tally;
  EXPECT_TRUE(t.options[0].elected);
  EXPECT_TRUE(t.options[1].elected);
  EXPECT_FALSE(t.options[2].elected);
  EXPECT_EQ(t.options[2].count, 3);
}

TEST(Votes, ConfidenceVotesAreOffByDefault) {
  Harness h(5);
  h.openWith(5);
  h.expectError(h.run(h.chair(), CreateVote{"3",
                                            "Lấy phiếu tín nhiệm",
                                            VoteForm::Secret,
                                            VoteKind::Confidence,
                                            "confidence",
                                            {},
                                            1}),
                "disabled");
}
