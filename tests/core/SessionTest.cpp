#include "Harness.h"

using namespace chamber::core;
using namespace chamber::core::test;

TEST(Sitting, LifecycleScheduledOpenSuspendedResumedClosed) {
  Harness h(25);
  EXPECT_EQ(h.sitting().status, SittingStatus::Scheduled);
  h.expectError(h.run(h.chair(), ResumeSitting{}), "wrong_state");
  h.expectOk(h.run(h.chair(), OpenSitting{}));
  h.expectError(h.run(h.chair(), OpenSitting{}), "wrong_state");
  h.expectOk(h.run(h.chair(), SuspendSitting{"Giải lao"}));
  EXPECT_EQ(h.sitting().status, SittingStatus::Suspended);
  h.expectOk(h.run(h.chair(), ResumeSitting{}));
  h.expectOk(h.run(h.secretary(), CloseSitting{}));
  EXPECT_EQ(h.sitting().status, SittingStatus::Closed);
}

TEST(Sitting, OnlyThoseWhoRunTheSittingMayOpenIt) {
  Harness h(25);
  h.expectError(h.run(Harness::del(5), OpenSitting{}), "forbidden");
  h.expectError(h.run(Actor{Role::Public, ""}, OpenSitting{}), "forbidden");
  h.expectError(h.run(Actor{Role::Media, "media"}, OpenSitting{}), "forbidden");
  h.expectError(h.run(Harness::responder(), OpenSitting{}), "forbidden");
  EXPECT_EQ(h.sitting().status, SittingStatus::Scheduled);
}

TEST(Attendance, QuorumIsTwoThirdsOfDelegatesInOffice) {
  Harness h(30, vietnameseDefaults(), /*notInOffice=*/3);  // 27 in office: quorum 18
  h.openWith(17);
  EXPECT_EQ(h.sitting().presentCount(), 17);
  EXPECT_FALSE(h.sitting().quorate());
  h.expectOk(h.run(Harness::del(18), CheckIn{}));
  EXPECT_TRUE(h.sitting().quorate());
  // One not in office cannot check in or count.
  h.expectError(h.run(Harness::del(29), CheckIn{}), "not_in_office");
  h.expectOk(h.run(Harness::del(18), CheckIn{false}));
  EXPECT_FALSE(h.sitting().quorate());
}

TEST(Attendance, RollCallBySecretaryAndNotByDelegates) {
  Harness h(10);
  h.expectOk(h.run(h.chair(), OpenSitting{}));
  h.expectOk(h.run(h.secretary(), MarkAttendance{"d05", true}));
  EXPECT_TRUE(h.sitting().isPresent("d05"));
  EXPECT_EQ(h.sitting().attendance["d05"].via, "rollcall");
  h.expectError(h.run(Harness::del(6), MarkAttendance{"d07", true}), "forbidden");
  h.expectError(h.run(h.secretary(), MarkAttendance{"nobody", true}), "not_found");
  h.expectError(h.run(h.secretary(), MarkAttendance{"d05", true}), "unchanged");
}

TEST(Agenda, OneActiveItemAtATime) {
  Harness h(10);
  h.expectError(h.run(h.chair(), ActivateItem{"1"}), "wrong_state");
  h.openWith(10);
  h.expectOk(h.run(h.chair(), ActivateItem{"1"}));
  h.expectOk(h.run(h.chair(), ActivateItem{"2.1"}));
  EXPECT_EQ(h.sitting().activeItem, "2.1");
  h.expectError(h.run(h.chair(), ActivateItem{"9"}), "not_found");
  h.expectError(h.run(Harness::del(4), ActivateItem{"3"}), "forbidden");
  EXPECT_EQ(h.sitting().activeItem, "2.1");
}

TEST(Documents, AttachedOnceAndClassifiedOnesAreNotPublic) {
  Harness h(10);
  const std::string sha(64, 'a');
  h.expectOk(h.run(h.op(), AttachDocument{"2", {sha, "Dự toán", true}}));
  h.expectError(h.run(h.op(), AttachDocument{"2", {sha, "Dự toán", true}}), "unchanged");
  h.expectError(h.run(h.op(), AttachDocument{"2", {"../etc/passwd", "x", false}}), "bad_args");
  h.expectError(h.run(Harness::del(3), AttachDocument{"2", {sha, "x", false}}), "forbidden");
  EXPECT_EQ(h.sitting().item("2")->documents.size(), 1u);
  EXPECT_EQ(visibilityOf(DocumentAttached{"2", {sha, "x", true}}).audience, Audience::Cleared);
  EXPECT_EQ(visibilityOf(DocumentAttached{"2", {sha, "x", false}}).audience, Audience::Public);
  EXPECT_FALSE(roleIn(Role::Public, Audience::Cleared));
  EXPECT_FALSE(roleIn(Role::Display, Audience::Cleared));
  EXPECT_TRUE(roleIn(Role::Delegate, Audience::Cleared));
}

TEST(Media, OnlyTheMediaRoleReportsItsState) {
  Harness h(5);
  h.expectError(h.run(h.chair(), ReportMediaState{"live", "", "", "", 0}), "forbidden");
  h.expectOk(h.run(Actor{Role::Media, "media"},
                   ReportMediaState{"failed", "camera_missing", "/dev/video0", "", 0}));
  EXPECT_EQ(h.state.media.state, "failed");
  h.expectError(h.run(Actor{Role::Media, "media"}, ReportMediaState{"exploded", "", "", "", 0}),
                "bad_args");
}

TEST(Media, TheRecordingFollowsTheSittingAndTheChairsCommand) {
  Harness h(5);
  EXPECT_FALSE(h.state.media.recordingRequested);
  h.expectError(h.run(h.chair(), ControlRecording{true}), "wrong_state");  // not open yet
  h.openWith(5);
  EXPECT_TRUE(h.state.media.recordingRequested);
  h.expectError(h.run(Harness::del(4), ControlRecording{false}), "forbidden");
  h.expectOk(h.run(h.chair(), ControlRecording{false}));
  EXPECT_FALSE(h.state.media.recordingRequested);
  h.expectError(h.run(h.chair(), ControlRecording{false}), "unchanged");
  h.expectOk(h.run(h.op(), ControlRecording{true}));
  h.expectOk(h.run(h.chair(), CloseSitting{}));
  EXPECT_FALSE(h.state.media.recordingRequested);
}

TEST(Sitting, AnotherCannotBeCreatedWhileOneIsInProgress) {
  Harness h(5);
  h.openWith(5);
  CreateSitting c;
  c.number = 6;
  c.title = "Kỳ họp thứ sáu";
  h.expectError(h.run(h.op(), c), "wrong_state");
  h.expectOk(h.run(h.chair(), CloseSitting{}));
  h.expectOk(h.run(h.op(), c));
  EXPECT_EQ(h.state.current()->number, 6);
  EXPECT_EQ(h.state.sittings.size(), 2u);
}
