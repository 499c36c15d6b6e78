// The tablet's projection of the sitting, without a socket: the state comes from the core
// (decide/apply) through the real protocol::stateView, as state.get would send it.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>

#include "../core/Harness.h"
#include "models/Projection.h"
#include "protocol/StateView.h"

using namespace chamber;
using core::test::Harness;

namespace {
QJsonObject viewFor(const core::State& s, core::Role role, const std::string& self) {
  const auto j = protocol::stateView(s, role, self);
  return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}
}  // namespace

std::string str(const QString& s) {
  return s.toStdString();
}

TEST(Projection, ADelegatesTabletSeesTheSittingAsItIs) {
  Harness h(12);
  h.openWith(9);
  h.run(h.chair(), core::ActivateItem{"2.1"});
  h.run(Harness::del(4), core::RequestFloor{"speech"});
  h.run(Harness::del(5), core::RequestFloor{"point_of_order"});
  h.run(h.chair(), core::GrantFloor{"d06", "speech"});
  for (int i = 0; i < 10; ++i) h.createVote();
  const std::string v = h.createVote();
  h.run(h.chair(), core::OpenVote{v});
  for (int i = 1; i <= 6; ++i) h.run(Harness::del(i), core::CastBallot{v, {"yes"}, ""});
  h.run(h.chair(), core::CloseVote{v});

  const auto p = app::project(viewFor(h.state, core::Role::Delegate, "d04"), "d04");
  EXPECT_EQ(str(p.sitting.value("title").toString()), "Kỳ họp thứ năm");
  EXPECT_EQ(str(p.sitting.value("status").toString()), "open");
  EXPECT_EQ(str(p.activeItem), "2.1");
  EXPECT_EQ(str(p.activeItemTitle), "Dự toán 2027");
  EXPECT_EQ(p.agenda.size(), 4);
  EXPECT_EQ(p.agenda.at(2).value("depth").toInt(), 1);  // 2.1 under 2
  EXPECT_TRUE(p.agenda.at(2).value("active").toBool());
  EXPECT_TRUE(p.checkedIn);
  EXPECT_EQ(p.quorum.value("present").toInt(), 9);
  EXPECT_EQ(p.quorum.value("num").toInt(), 2);
  EXPECT_EQ(p.quorum.value("den").toInt(), 3);
  EXPECT_EQ(p.queue.size(), 2);
  EXPECT_EQ(str(p.queue.at(0).value("delegate").toString()), "d05")
      << "a point of order goes first";
  EXPECT_EQ(p.myQueuePosition, 2);
  EXPECT_EQ(str(p.speaker.value("id").toString()), "d06");
  EXPECT_EQ(str(p.speaker.value("name").toString()), "Đại biểu 6");
  EXPECT_EQ(p.votes.size(), 11);
  EXPECT_EQ(str(p.votes.at(9).value("id").toString()),
            "v10");  // by number, as the server lists them
  EXPECT_EQ(str(p.lastClosed.value("id").toString()), v);
  const auto yes =
      p.lastClosed.value("result").toObject().value("options").toArray().at(0).toObject();
  EXPECT_EQ(str(yes.value("line").toString()), "6/12 đại biểu tán thành (50,00%)");
  EXPECT_TRUE(p.openVote.isEmpty());
  EXPECT_EQ(p.roster.size(), 12);
  EXPECT_TRUE(p.roster.at(0).value("present").toBool());
  EXPECT_TRUE(!p.roster.at(11).value("present").toBool());
}

TEST(Projection, TheHallDisplaySeesNothingForMembersOnly) {
  Harness h(6);
  h.openWith(6);
  h.run(Harness::del(3), core::RequestFloor{"speech"});
  const auto p = app::project(viewFor(h.state, core::Role::Public, ""), "");
  EXPECT_TRUE(p.queue.isEmpty());  // the queue is the members'
  EXPECT_TRUE(!p.checkedIn);
  EXPECT_EQ(p.myQueuePosition, 0);
}
