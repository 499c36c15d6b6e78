// chamberctl backup while a sitting is live and being written to, then restore into a new
// folder: the copy verifies, its log is the live log up to a point (same hashes), every paper
// is there, a server starts on it with the same sitting, and the secret ballot stays secret.
#include <future>
#include <thread>

#include "store/Store.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/Shell.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

TEST(Backup, ACopyTakenDuringALiveSittingRestoresAndVerifies) {
  TempDir dir;
  const auto data = dir.path / "data";
  seedCouncil(data, 6);
  {
    store::Store st(data);
    const std::string pdf = "%PDF-1.4\n% to trinh\n%%EOF\n";
    auto up = st.documents.begin(1 << 20);
    up->write(pdf.data(), pdf.size());
    st.documents.finish(std::move(up), "Tờ trình", "to-trinh.pdf", false, 1000);
  }
  ServerProcess server(data);
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.ok("sitting.create", {{"number", 3},
                              {"title", "Kỳ họp thứ ba"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Bầu cử"}}})}});
  chair.ok("sitting.open");
  for (int seat = 1; seat <= 6; ++seat)
    chair.ok("attendance.mark", {{"delegate", delegateId(seat)}, {"present", true}});
  const auto vote = voteId(
      chair.ok("vote.create", {{"item", "1"}, {"title", "Bỏ phiếu kín"}, {"form", "secret"}}));
  chair.ok("vote.open", {{"vote", vote}});
  for (int seat = 2; seat <= 5; ++seat) {
    Peer d(loop, server.port());
    d.hello();
    d.loginPin(seat, pinOf(seat));
    d.ok("vote.cast", {{"vote", vote}, {"choices", {seat % 2 ? "yes" : "no"}}});
  }
  chair.ok("vote.close", {{"vote", vote}});

  // The chair goes on marking attendance while the copy is taken, and after it.
  const auto backupDir = dir.path / "backup";
  auto job = std::async(std::launch::async, [&] {
    return shell(std::string(CHAMBERCTL_BIN) + " --data " + data.string() + " backup --out " +
                     backupDir.string(),
                 60);
  });
  int i = 0;
  auto write = [&] {
    chair.ok("attendance.mark", {{"delegate", "d06"}, {"present", ++i % 2 == 0}});
    std::this_thread::sleep_for(std::chrono::milliseconds(60));  // under the rate limit
  };
  while (job.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) write();
  const auto b = job.get();
  for (int k = 0; k < 3; ++k) write();
  ASSERT_EQ(b.code, 0) << b.out;
  EXPECT_NE(b.out.find("chain intact"), std::string::npos) << b.out;
  // The copy is its owner's alone, as the data folder is (credentials, petitioners' names).
  namespace fs = std::filesystem;
  EXPECT_EQ(fs::status(backupDir).permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_EQ(fs::status(backupDir / "chamber.db").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  for (const auto& d : fs::directory_iterator(backupDir / "documents"))
    EXPECT_EQ(d.status().permissions() & (fs::perms::group_all | fs::perms::others_all),
              fs::perms::none)
        << d.path();

  // Restore into a new folder; a second restore into it is refused.
  const auto restored = dir.path / "restored";
  auto r = shell(std::string(CHAMBERCTL_BIN) + " --data " + restored.string() + " restore --from " +
                     backupDir.string(),
                 60);
  ASSERT_EQ(r.code, 0) << r.out;
  r = shell(std::string(CHAMBERCTL_BIN) + " --data " + restored.string() + " restore --from " +
                backupDir.string(),
            60);
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("already holds"), std::string::npos) << r.out;

  server.stop();
  store::Store live(data);
  store::Store copy(restored);
  EXPECT_TRUE(copy.log.verify().empty());
  std::vector<store::StoredEvent> a, c;
  live.log.forEach(0, [&](const store::StoredEvent& e) { a.push_back(e); });
  copy.log.forEach(0, [&](const store::StoredEvent& e) { c.push_back(e); });
  ASSERT_GE(c.size(), 14u) << "the sitting up to the vote at least";
  ASSERT_LT(c.size(), a.size()) << "the server went on writing after the copy";
  for (std::size_t k = 0; k < c.size(); ++k)
    ASSERT_EQ(c[k].hash, a[k].hash) << "the copy is the live log up to event " << c[k].seq;
  EXPECT_EQ(copy.documents.list().size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(restored / "documents" / copy.documents.list()[0].sha256));
  // The secret ballot: who voted, never what.
  for (const auto& e : c)
    if (e.kind == "ballot.cast") {
      const auto j = json::parse(e.data);
      EXPECT_TRUE(j.value("choices", json::array()).empty()) << e.data;
    }
  std::int64_t head = 0;
  const auto state = copy.load(head);
  ASSERT_NE(state.sitting(1), nullptr);
  EXPECT_EQ(state.sitting(1)->votes.at(vote).result->cast, 4);
  // A server starts on the restored folder.
  ServerProcess again(restored);
  Peer pub(loop, again.port());
  pub.hello();
  EXPECT_EQ(pub.request({{"type", "cmd"}, {"cmd", "state.get"}}).value("type", ""), "ok");
}
