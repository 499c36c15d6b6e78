#include "Harness.h"

using namespace chamber::core;
using namespace chamber::core::test;

TEST(Floor, QueueWithPointsOfOrderFirst) {
  Harness h(10);
  h.openWith(10);
  h.expectOk(h.run(Harness::del(3), RequestFloor{"speech"}));
  h.expectOk(h.run(Harness::del(4), RequestFloor{"debate"}));
  h.expectOk(h.run(Harness::del(5), RequestFloor{"point_of_order"}));
  h.expectOk(h.run(Harness::del(6), RequestFloor{"point_of_order"}));
  const auto& q = h.sitting().queue;
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].delegate, "d05");
  EXPECT_EQ(q[1].delegate, "d06");
  EXPECT_EQ(q[2].delegate, "d03");
  EXPECT_EQ(q[3].delegate, "d04");
  h.expectError(h.run(Harness::del(3), RequestFloor{"speech"}), "already_requested");
  h.expectOk(h.run(Harness::del(4), CancelFloor{}));
  h.expectError(h.run(Harness::del(4), CancelFloor{}), "not_requested");

  Decision d = h.run(h.chair(), GrantFloor{});
  h.expectOk(d);
  const auto& g = std::get<FloorGranted>(d.events.at(0));
  EXPECT_EQ(g.person, "d05");
  EXPECT_EQ(g.kind, "point_of_order");
  EXPECT_EQ(g.limit_s, 120);
}

TEST(Floor, TimeLimitsByKindOfSpeech) {
  Harness h(10);
  h.openWith(10);
  h.expectOk(h.run(Harness::del(3), RequestFloor{"speech"}));
  Decision d = h.run(h.chair(), GrantFloor{"d03", ""});
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).limit_s, 7 * 60);
  h.expectOk(h.run(h.chair(), EndFloor{"d03"}));
  d = h.run(h.chair(), GrantFloor{"d04", "second"});
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).limit_s, 3 * 60);
  h.expectOk(h.run(Harness::del(4), EndFloor{}));  // a speaker ends their own turn
  d = h.run(h.chair(), GrantFloor{"d05", "question"});
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).limit_s, 60);
  d = h.run(h.chair(), GrantFloor{"r1", ""});  // over the limit: d05 still speaks
  h.expectError(d, "mic_limit");
  h.expectOk(h.run(h.chair(), EndFloor{"d05"}));
  d = h.run(h.chair(), GrantFloor{"r1", ""});
  h.expectOk(d);
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).kind, "answer");
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).limit_s, 180);
}

TEST(Floor, OpenMicLimitButTheChairMaySpeakAtAnyTime) {
  Harness h(10);
  h.openWith(10);
  h.expectOk(h.run(h.chair(), GrantFloor{"d03", "speech"}));
  h.expectError(h.run(h.chair(), GrantFloor{"d04", "speech"}), "mic_limit");
  Decision d = h.run(h.chair(), GrantFloor{"d01", ""});
  h.expectOk(d);
  EXPECT_EQ(std::get<FloorGranted>(d.events.at(0)).kind, "chair");
  EXPECT_EQ(h.sitting().speakers.size(), 2u);
}

TEST(Floor, OnlyTheChairGrantsAndEndsOthersTurns) {
  Harness h(10);
  h.openWith(10);
  h.expectError(h.run(Harness::del(3), GrantFloor{"d03", "speech"}), "forbidden");
  h.expectOk(h.run(h.chair(), GrantFloor{"d03", "speech"}));
  h.expectError(h.run(Harness::del(4), EndFloor{"d03"}), "forbidden");
  h.expectError(h.run(h.chair(), GrantFloor{"d03", "speech"}), "already_speaking");
  h.expectError(h.run(Harness::del(3), RequestFloor{"speech"}), "already_speaking");
  h.expectError(h.run(Harness::del(4), RequestFloor{"shouting"}), "bad_args");
}

TEST(Floor, AbsentDelegatesCannotRequestAndLeavingDropsTheRequest) {
  Harness h(10);
  h.openWith(5);
  h.expectError(h.run(Harness::del(7), RequestFloor{"speech"}), "not_present");
  h.expectOk(h.run(Harness::del(4), RequestFloor{"speech"}));
  h.expectOk(h.run(Harness::del(4), CheckIn{false}));
  EXPECT_TRUE(h.sitting().queue.empty());
}
