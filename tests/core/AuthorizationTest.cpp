// The one role table also answers for uploads and document reads (HTTP asks the core).
#include <gtest/gtest.h>

#include "core/Authorization.h"

using namespace chamber::core;

TEST(Authorization, UploadingIsInTheRoleTable) {
  for (Role r : {Role::Chair, Role::Secretary, Role::Operator})
    EXPECT_TRUE(roleMaySend(r, kUploadDocument));
  for (Role r :
       {Role::Delegate, Role::ViceChair, Role::Responder, Role::Media, Role::Display, Role::Public})
    EXPECT_FALSE(roleMaySend(r, kUploadDocument)) << roleName(r);
}

TEST(Authorization, WhoMayReadADocument) {
  State st;
  Sitting open;
  open.id = 1;
  open.isPublic = true;
  open.agenda = {
      {"1", "", "Dự toán", "", {{"aa", "Tờ trình", false}, {"cc", "Báo cáo mật", true}}}};
  Sitting closed;
  closed.id = 2;
  closed.isPublic = false;
  closed.agenda = {{"1", "", "Nhân sự", "", {{"bb", "Hồ sơ", false}}}};
  st.sittings[1] = open;
  st.sittings[2] = closed;
  int asked = 0;
  auto notPublished = [&] {
    ++asked;
    return false;
  };
  EXPECT_TRUE(mayReadDocument(st, Role::Public, "aa", false, notPublished));  // on a public agenda
  EXPECT_EQ(asked, 0) << "the publication register is not asked when the agenda decides";
  EXPECT_FALSE(mayReadDocument(st, Role::Public, "bb", false, notPublished));  // a closed sitting's
  EXPECT_TRUE(
      mayReadDocument(st, Role::Public, "bb", false, [] { return true; }));  // published later
  EXPECT_TRUE(mayReadDocument(st, Role::Delegate, "bb", false, notPublished));
  EXPECT_FALSE(
      mayReadDocument(st, Role::Public, "cc", true, [] { return true; }));  // classified: never
  EXPECT_FALSE(mayReadDocument(st, Role::Responder, "cc", true, notPublished));
  EXPECT_TRUE(mayReadDocument(st, Role::Delegate, "cc", true, notPublished));
}
