// Citizens' petitions through the core: every state of RULES.md, who may move them, duplicates
// merged with their senders counted, due dates and overdue, codes per year.
#include "Harness.h"
#include "core/Minutes.h"

namespace chamber::core::test {
namespace {

const Actor kCitizen{Role::Public, ""};

struct Register : Harness {
  Register() : Harness(5) {
    state.responders.push_back({"r2", "Phó Chủ tịch UBND xã", "Phó Chủ tịch UBND"});
    PetitionCatalogue cat;
    cat.topics = {{"giao-thong", "Giao thông", "r1"}, {"dat-dai", "Đất đai", "r2"}};
    cat.areas = {"Thôn 1", "Thôn 2"};
    cat.answerDays = 30;
    expectOk(run(op(), ConfigurePetitions{cat}));
  }
  std::string submit(const Actor& who = kCitizen, std::string channel = "portal",
                     std::string topic = "giao-thong") {
    Decision d = run(who, SubmitPetition{"Đề nghị sửa đường liên thôn bị sạt lở sau mưa lũ.", topic,
                                         "Thôn 1", channel, ""});
    expectOk(d);
    return d.ok() ? std::get<PetitionReceived>(d.events.at(0)).code : "";
  }
  const Petition& at(const std::string& code) { return state.petitions.byCode.at(code); }
};

TEST(Petition, GoesFromReceivedToPublishedWithEveryStepKept) {
  Register r;
  const auto code = r.submit();
  EXPECT_EQ(code, "KN-" + std::to_string(yearInVietnam(r.now)) + "-0001");
  EXPECT_EQ(r.at(code).status, PetitionStatus::Received);
  EXPECT_FALSE(r.at(code).isPublic()) << "nothing is shown before moderation";

  r.expectOk(r.run(Harness::secretary(),
                   AcceptPetition{code, "Đề nghị sửa đường liên thôn bị sạt lở.", "", ""}));
  EXPECT_TRUE(r.at(code).isPublic());
  const std::int64_t assignedAt = r.now;
  r.expectOk(r.run(Harness::secretary(), AssignPetition{code, "", ""}));
  EXPECT_EQ(r.at(code).responder, "r1") << "routed by its topic";
  EXPECT_EQ(r.at(code).due, vietnamDate(assignedAt + 30LL * 86'400'000));
  // Another office may not answer it; the one it was routed to does.
  r.expectError(r.run({Role::Responder, "r2"}, AnswerPetition{code, "Trả lời"}), "forbidden");
  r.expectError(r.run(Harness::secretary(), PublishPetition{code}), "wrong_state");
  r.expectOk(r.run(Harness::responder(), AnswerPetition{code, "UBND xã sửa trong quý I/2027."}));
  EXPECT_EQ(r.at(code).answeredBy, "r1");
  r.expectOk(r.run(Harness::secretary(), PublishPetition{code}));
  r.expectError(r.run(Harness::secretary(), PublishPetition{code}), "unchanged");

  std::vector<PetitionStatus> steps;
  for (const auto& s : r.at(code).history) steps.push_back(s.status);
  EXPECT_EQ(steps, (std::vector<PetitionStatus>{PetitionStatus::Received, PetitionStatus::Accepted,
                                                PetitionStatus::Assigned, PetitionStatus::Answered,
                                                PetitionStatus::Published}));
}

TEST(Petition, ARejectionNeedsItsReason) {
  Register r;
  const auto code = r.submit();
  r.expectError(r.run(Harness::secretary(), RejectPetition{code, ""}), "bad_args");
  r.expectOk(r.run(Harness::secretary(),
                   RejectPetition{code, "Không thuộc thẩm quyền của HĐND xã; đã hướng dẫn."}));
  EXPECT_EQ(r.at(code).status, PetitionStatus::Rejected);
  EXPECT_FALSE(r.at(code).isPublic());
  r.expectError(r.run(Harness::secretary(), AcceptPetition{code, "x", "", ""}), "wrong_state");
}

TEST(Petition, CitizensSendOnlyFromThePortalAndOnlyThat) {
  Register r;
  r.expectError(r.run(kCitizen, SubmitPetition{"Đề nghị sửa đường liên thôn.", "giao-thong",
                                               "Thôn 1", "meeting", ""}),
                "forbidden");
  for (const Command& c :
       std::vector<Command>{AcceptPetition{"KN-x", "t", "", ""}, RejectPetition{"KN-x", "r"},
                            AssignPetition{"KN-x", "r1", ""}, PublishPetition{"KN-x"},
                            MergePetition{"a", "b"}, AnswerPetition{"KN-x", "t"}})
    r.expectError(r.run(kCitizen, c), "forbidden");
  // A delegate is no moderator either.
  r.expectError(r.run(Harness::del(4), RejectPetition{"KN-x", "r"}), "forbidden");
  // Staff enter those from a voters' meeting, the post and the office.
  for (const char* ch : {"meeting", "post", "office"}) r.submit(Harness::secretary(), ch);
  EXPECT_EQ(r.state.petitions.byCode.size(), 3u);
}

TEST(Petition, BadInputIsRefusedWithAReason) {
  Register r;
  r.expectError(r.run(kCitizen, SubmitPetition{"ngắn", "giao-thong", "Thôn 1", "portal", ""}),
                "bad_args");
  r.expectError(
      r.run(kCitizen, SubmitPetition{std::string(9000, 'a'), "giao-thong", "Thôn 1", "portal", ""}),
      "too_large");
  r.expectError(r.run(kCitizen, SubmitPetition{"Đề nghị sửa đường liên thôn.", "chien-tranh",
                                               "Thôn 1", "portal", ""}),
                "bad_args");
  r.expectError(r.run(kCitizen, SubmitPetition{"Đề nghị sửa đường liên thôn.", "giao-thong",
                                               "Thôn 99", "portal", ""}),
                "bad_args");
  r.expectError(r.run(kCitizen, SubmitPetition{"Đề nghị sửa đường liên thôn.", "giao-thong",
                                               "Thôn 1", "telepathy", ""}),
                "bad_args");
  EXPECT_TRUE(r.state.petitions.byCode.empty());
}

TEST(Petition, ADuplicateIsMergedAndItsSendersCount) {
  Register r;
  const auto a = r.submit(), b = r.submit(), c = r.submit();
  r.expectOk(r.run(Harness::secretary(), MergePetition{b, a}));
  r.expectOk(r.run(Harness::secretary(), MergePetition{c, a}));
  EXPECT_EQ(r.at(a).senders, 3);
  EXPECT_EQ(r.at(a).duplicates, (std::vector<std::string>{b, c}));
  EXPECT_EQ(r.at(b).mergedInto, a);
  EXPECT_EQ(r.at(b).status, PetitionStatus::Merged);
  r.expectError(r.run(Harness::secretary(), MergePetition{a, a}), "bad_args");
  r.expectError(r.run(Harness::secretary(), MergePetition{b, a}), "wrong_state");
  // Not into a merged one.
  r.expectError(r.run(Harness::secretary(), MergePetition{a, c}), "wrong_state");
}

TEST(Petition, PastItsDueDateAnUnansweredPetitionIsOverdue) {
  Register r;
  const auto code = r.submit();
  r.expectOk(r.run(Harness::secretary(), AcceptPetition{code, "Đề nghị sửa đường.", "", ""}));
  r.expectError(r.run(Harness::secretary(), AssignPetition{code, "r1", "10/01/2027"}), "bad_args");
  r.expectError(r.run(Harness::secretary(), AssignPetition{code, "r1", "2027-13-10"}), "bad_args");
  r.expectOk(r.run(Harness::secretary(), AssignPetition{code, "r1", "2027-01-10"}));
  EXPECT_FALSE(r.at(code).overdue("2027-01-10")) << "due that day: not yet overdue";
  EXPECT_TRUE(r.at(code).overdue("2027-01-11"));
  r.expectOk(r.run(Harness::responder(), AnswerPetition{code, "Đã sửa."}));
  EXPECT_FALSE(r.at(code).overdue("2027-02-01")) << "answered";
}

TEST(Petition, CodesRunPerYearInVietnam) {
  Register r;
  // 31 Dec 2026 23:30 in Vietnam is 16:30 UTC; 1 Jan 2027 00:30 is 17:30 UTC.
  r.now = 1'798'734'600'000;  // 2026-12-31T16:30:00Z
  EXPECT_EQ(r.submit(), "KN-2026-0001");
  EXPECT_EQ(r.submit(), "KN-2026-0002");
  r.now = 1'798'738'200'000;  // 2026-12-31T17:30:00Z
  EXPECT_EQ(r.submit(), "KN-2027-0001");
}

TEST(Petition, LinksOnlyToWhatExists) {
  Register r;
  const auto code = r.submit();
  r.expectOk(r.run(Harness::secretary(), LinkPetition{code, {"item", "1/2"}}));
  r.expectError(r.run(Harness::secretary(), LinkPetition{code, {"item", "1/9"}}), "not_found");
  r.expectError(r.run(Harness::secretary(), LinkPetition{code, {"resolution", "99/NQ-HĐND"}}),
                "not_found");
  r.expectOk(r.run(Harness::secretary(),
                   LinkPetition{code, {"supervision", "Giám sát việc sửa đường liên thôn 2027"}}));
  r.expectError(r.run(Harness::secretary(), LinkPetition{code, {"item", "1/2"}}), "unchanged");
  EXPECT_EQ(r.at(code).links.size(), 2u);
}

TEST(Petition, ACatalogueNamesOnlyKnownOffices) {
  Register r;
  PetitionCatalogue cat;
  cat.topics = {{"y-te", "Y tế", "nobody"}};
  r.expectError(r.run(Harness::op(), ConfigurePetitions{cat}), "bad_args");
  cat.topics = {{"y-te", "Y tế", "r1"}, {"y-te", "Y tế 2", "r1"}};
  r.expectError(r.run(Harness::op(), ConfigurePetitions{cat}), "bad_args");
}

}  // namespace
}  // namespace chamber::core::test
