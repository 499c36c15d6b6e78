// The minutes over HTTP, as the secretary's editor uses them: read the latest text with what
// changed since the draft, save a corrected text longer than any WebSocket frame, once under
// its id however often it is retried, refused when someone saved in between or when it is
// final — and to nobody but those who keep the minutes.
#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

namespace {

struct ClosedSitting {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  client::ClientLoop loop;
  std::unique_ptr<Peer> chair, secretary;
  std::string draft, draftSha;

  ClosedSitting() {
    seedCouncil(dir.path, 4);
    server = std::make_unique<ServerProcess>(dir.path);
    chair = signIn(1);
    secretary = signIn(2);
    chair->ok("sitting.create", {{"number", 3},
                                 {"title", "Kỳ họp thứ ba"},
                                 {"date", "2026-12-10"},
                                 {"agenda", json::array({{{"id", "1"}, {"title", "Ngân sách"}}})}});
    chair->ok("sitting.open");
    for (int seat = 1; seat <= 4; ++seat) {
      Peer p(loop, server->port());
      p.hello();
      p.loginPin(seat, pinOf(seat));
      p.ok("attendance.checkin");
    }
    const json closing = chair->ok("sitting.close");
    draft = closing[1]["data"]["text"];
    draftSha = closing[1]["data"]["sha256"];
  }
  std::unique_ptr<Peer> signIn(int seat) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    p->loginPin(seat, pinOf(seat));
    return p;
  }
  std::string token(const std::string& user, int seat) {
    return deviceToken(loop, server->port(), user, seat);
  }
  HttpResponse get(const std::string& path, const std::string& bearer) {
    return http(server->port(), "GET", path,
                bearer.empty()
                    ? std::map<std::string, std::string>{}
                    : std::map<std::string, std::string>{{"Authorization", "Bearer " + bearer}});
  }
  HttpResponse save(const std::string& text, const std::string& base, const std::string& id,
                    const std::string& bearer, int sitting = 1) {
    return http(server->port(), "POST",
                "/api/minutes/" + std::to_string(sitting) + "?base=" + base + "&id=" + id,
                {{"Authorization", "Bearer " + bearer}, {"Content-Type", "text/plain"}}, text);
  }
};

}  // namespace

TEST(Minutes, TheSecretaryReadsAndSavesALongTextOverHttpOnceAndNeverOverAnother) {
  ClosedSitting o;
  ASSERT_FALSE(o.draft.empty());
  const std::string secretary = o.token("", 2), delegate = o.token("", 3),
                    operatorToken = o.token("operator", 0);

  // Read: the draft as the close made it, nothing changed yet.
  auto r = o.get("/api/minutes/1", secretary);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["cache-control"], "private, no-store");
  json m = json::parse(r.body);
  EXPECT_EQ(m["status"], "closed");
  EXPECT_EQ(m["latest"]["version"], 0);
  EXPECT_EQ(m["latest"]["text"], o.draft);
  EXPECT_EQ(m["latest"]["sha256"], o.draftSha);
  EXPECT_EQ(m["diff"], "");
  EXPECT_EQ(m["final"], -1);
  // Nobody else reads them: not a delegate, not without signing in.
  EXPECT_EQ(o.get("/api/minutes/1", delegate).status, 403);
  EXPECT_EQ(o.get("/api/minutes/1", "").status, 401);
  EXPECT_EQ(o.get("/api/minutes/1", operatorToken).status, 200);  // the operator prints them
  EXPECT_EQ(o.get("/api/minutes/9", secretary).status, 404);
  EXPECT_EQ(o.get("/api/minutes/1x", secretary).status, 404);
  EXPECT_EQ(o.get("/api/minutes/..%2Fchamber.db", secretary).status, 404);

  ASSERT_EQ(o.chair->resume(o.chair->lastSeq())["type"], "ok");  // the chair's console listens
  // Save a text four times the WebSocket's frame limit: the statements of a long sitting.
  std::string corrected = o.draft;
  for (int i = 0; corrected.size() < 256 * 1024; ++i)
    corrected += "Đại biểu phát biểu ý kiến thứ " + std::to_string(i) +
                 " về dự toán ngân sách xã năm 2027, đề nghị bổ sung kinh phí sửa đường.\n";
  r = o.save(corrected, o.draftSha, "edit-1", secretary);
  ASSERT_EQ(r.status, 200) << r.body;
  const json saved = json::parse(r.body);
  EXPECT_EQ(saved["version"], 1);
  const std::string v1 = saved["sha256"];
  // Every editor hears of it at once (the chair's console, another secretary's).
  const json heard = o.chair->waitEvent("minutes.saved");
  ASSERT_FALSE(heard.is_null());
  EXPECT_EQ(heard["data"]["sha256"], v1);

  // A retry of the same save (its answer lost) changes nothing and gets the same answer.
  r = o.save(corrected, o.draftSha, "edit-1", secretary);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["version"], 1);
  m = json::parse(o.get("/api/minutes/1", secretary).body);
  EXPECT_EQ(m["versions"].size(), 2u);
  EXPECT_EQ(m["latest"]["text"], corrected);
  EXPECT_NE(m["diff"].get<std::string>().find("+Đại biểu phát biểu ý kiến thứ 0 "),
            std::string::npos);

  // The chair, still on the draft, cannot overwrite the secretary's version.
  const std::string chair = o.token("", 1);
  r = o.save(o.draft + "Sửa của chủ tọa.\n", o.draftSha, "chair-1", chair);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"], "stale");

  // Those who may not edit, and what is not a text, are refused before anything is read.
  EXPECT_EQ(o.save(corrected + "x\n", v1, "d-1", delegate).status, 403);
  EXPECT_EQ(o.save(corrected + "x\n", v1, "op-1", operatorToken).status, 403);
  EXPECT_EQ(o.save(corrected + "x\n", v1, "", secretary).status, 400);
  EXPECT_EQ(o.save(std::string("\xff\xfe not text"), v1, "bad-1", secretary).status, 400);
  r = http(o.server->port(), "POST", "/api/minutes/1?base=" + v1 + "&id=huge",
           {{"Authorization", "Bearer " + secretary}, {"Content-Length", "3000000"}}, "", false);
  EXPECT_EQ(r.status, 413) << r.body;

  // Final: no more edits, over HTTP either.
  o.secretary->ok("minutes.finalise", {{"sitting", 1}, {"sha256", v1}});
  r = o.save(corrected + "Sau khi hoàn thành.\n", v1, "late-1", secretary);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"], "wrong_state");
  EXPECT_EQ(json::parse(o.get("/api/minutes/1", secretary).body)["final"], 1);
}
