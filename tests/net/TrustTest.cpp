// What the server refuses to an outsider: files outside their folders by any name, a closed
// sitting's archive and live video, tokens of a changed account.
#include <unistd.h>

#include <fstream>

#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

TEST(Trust, ServedFoldersFollowNoLinkAndServeNothingButPages) {
  TempDir dir;
  const auto data = dir.path / "data";
  seedCouncil(data, 2);
  const auto portal = dir.path / "portal", live = dir.path / "live", archive = dir.path / "archive";
  std::filesystem::create_directories(portal / "assets");
  std::filesystem::create_directories(portal / "node_modules" / "hls.js");
  std::filesystem::create_directories(live);
  std::filesystem::create_directories(archive / "sitting-1" / "thumbs");
  std::ofstream(portal / "index.html")
      << "<!doctype html><title>Cổng</title>" << std::string(300000, ' ');
  std::ofstream(portal / "assets" / "app.js") << "export const x = 1;";
  std::ofstream(portal / "package.json") << "{}";
  std::ofstream(portal / "package-lock.json") << "{}";
  std::ofstream(portal / "node_modules" / "hls.js" / "package.json") << "{}";
  std::ofstream(live / "index.m3u8") << "#EXTM3U\n";
  std::ofstream(dir.path / "outside.txt") << "outside";
  // Links planted in every served folder: to the database, its WAL, a file outside, a folder.
  for (const auto& [folder, name] : std::vector<std::pair<std::filesystem::path, std::string>>{
           {live, "db.ts"},
           {live, "wal.ts"},
           {portal / "assets", "db.js"},
           {archive / "sitting-1", "archive.json"}}) {
    std::filesystem::create_symlink(
        name.rfind("wal", 0) == 0 ? data / "chamber.db-wal" : data / "chamber.db", folder / name);
  }
  std::filesystem::create_symlink(dir.path / "outside.txt", live / "outside.m3u8");
  std::filesystem::create_directory_symlink(data, portal / "assets" / "data");
  std::filesystem::create_directory_symlink(data, archive / "sitting-1" / "thumbs-link");
  // A hard link gives the database another name inside a folder.
  ASSERT_EQ(::link((data / "chamber.db").c_str(), (live / "hard.ts").c_str()), 0);

  ServerProcess server(
      data, {"--portal", portal.string(), "--hls", live.string(), "--archive", archive.string()});
  const int port = server.port();
  client::ClientLoop loop;
  Peer op(loop, port);
  op.hello();
  op.loginPin(1, pinOf(1));
  op.ok("sitting.create", {{"number", 1},
                           {"title", "Kỳ họp"},
                           {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}}})}});

  for (const char* bad :
       {"/live/db.ts", "/live/wal.ts", "/live/hard.ts", "/live/outside.m3u8", "/assets/db.js",
        "/assets/data/chamber.db", "/archive/sitting-1/archive.json", "/package.json",
        "/package-lock.json", "/node_modules/hls.js/package.json"}) {
    auto r = http(port, "GET", bad);
    EXPECT_EQ(r.status, 404) << bad;
    EXPECT_EQ(r.body.find("SQLite format"), std::string::npos) << bad;
  }
  EXPECT_EQ(http(port, "GET", "/live/index.m3u8").status, 200);
  EXPECT_EQ(http(port, "GET", "/assets/app.js").status, 200);
  // Every answer of a page carries its headers: 200, 206 and 304.
  auto page = http(port, "GET", "/index.html");
  ASSERT_EQ(page.status, 200);
  auto part = http(port, "GET", "/index.html", {{"Range", "bytes=0-99"}});
  EXPECT_EQ(part.status, 206);
  auto same = http(port, "GET", "/index.html", {{"If-None-Match", page.headers["etag"]}});
  EXPECT_EQ(same.status, 304);
  for (auto* r : {&page, &part, &same})
    EXPECT_NE(r->headers["content-security-policy"].find("frame-ancestors 'none'"),
              std::string::npos)
        << r->status;

  // The server still holds its database: a write from another process works, the WAL is
  // intact, and the server goes on (its locks were never dropped by a stray open).
  op.ok("sitting.open");
  {
    store::Store st(data);
    EXPECT_TRUE(st.log.verify().empty());
  }
  op.ok("agenda.activate", {{"item", "1"}});
}

TEST(Trust, AClosedSittingReachesNoOneButMembers) {
  TempDir dir;
  const auto data = dir.path / "data", live = dir.path / "live", archive = dir.path / "archive";
  seedCouncil(data, 3);
  std::filesystem::create_directories(live);
  std::ofstream(live / "index.m3u8") << "#EXTM3U\n";
  std::ofstream(live / "segment00001.ts") << "ts";
  for (int s : {1, 2}) {
    const auto a = archive / ("sitting-" + std::to_string(s));
    std::filesystem::create_directories(a / "thumbs");
    std::ofstream(a / "archive.json") << R"({"chapters":[]})";
    std::ofstream(a / "archive.mp4") << "mp4";
    std::ofstream(a / "thumbs" / "chapter-1.jpg") << "jpg";
  }
  ServerProcess server(data, {"--hls", live.string(), "--archive", archive.string(), "--webrtc",
                              "http://127.0.0.1:8088/janus"});
  const int port = server.port();
  client::ClientLoop loop;
  Peer chair(loop, port);
  chair.hello();
  const std::string token = chair.loginPin(1, pinOf(1), "console")["result"]["token"];
  const json agenda = json::array({{{"id", "1"}, {"title", "Nhân sự"}}});
  chair.ok("sitting.create", {{"number", 1}, {"title", "Kỳ họp công khai"}, {"agenda", agenda}});
  chair.ok("sitting.open");
  EXPECT_EQ(http(port, "GET", "/live/index.m3u8").status, 200) << "a public sitting is streamed";
  const json publicLive = json::parse(http(port, "GET", "/api/live").body);
  EXPECT_EQ(publicLive["webrtc"]["url"], "http://127.0.0.1:8088/janus");
  EXPECT_EQ(publicLive["hls"], "/live/index.m3u8");
  chair.ok("sitting.close");
  chair.ok("sitting.create",
           {{"number", 2}, {"title", "Phiên họp kín"}, {"isPublic", false}, {"agenda", agenda}});
  chair.ok("sitting.open");
  // (chamber-media sends nothing to Janus for a closed sitting; the page is not even told.)
  const json closedLive = json::parse(http(port, "GET", "/api/live").body);
  EXPECT_TRUE(closedLive["webrtc"].is_null()) << closedLive.dump();
  EXPECT_TRUE(closedLive["hls"].is_null()) << closedLive.dump();

  for (const char* path : {"/live/index.m3u8", "/live/segment00001.ts"})
    EXPECT_EQ(http(port, "GET", path).status, 403) << path;
  for (const char* path : {"/archive/sitting-2/archive.json", "/archive/sitting-2/archive.mp4",
                           "/archive/sitting-2/thumbs/chapter-1.jpg"}) {
    EXPECT_EQ(http(port, "GET", path).status, 401) << path;
    EXPECT_EQ(http(port, "GET", path, {{"Range", "bytes=0-1"}}).status, 401) << path;
    auto member = http(port, "GET", path, {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(member.status, 200) << path;
    EXPECT_NE(member.headers["cache-control"].find("private"), std::string::npos)
        << "no shared cache keeps it";
  }
  EXPECT_EQ(http(port, "GET", "/archive/sitting-1/archive.json").status, 200)
      << "the public sitting's archive";
  EXPECT_EQ(http(port, "GET", "/archive/sitting-9/archive.json").status, 404);
  EXPECT_EQ(http(port, "GET", "/api/sittings/2").status, 404);
  EXPECT_EQ(http(port, "GET", "/api/sittings").body.find("Phiên họp kín"), std::string::npos);
  EXPECT_EQ(http(port, "GET", "/api/open-data/sittings.csv").body.find("Phiên họp kín"),
            std::string::npos);
}

TEST(Trust, ATokenFollowsItsAccountNotItsPast) {
  TempDir dir;
  const auto data = dir.path / "data";
  seedCouncil(data, 3);
  auto server = std::make_unique<ServerProcess>(data);
  client::ClientLoop loop;
  std::string chairToken, d3Token;
  {
    Peer chair(loop, server->port());
    chair.hello();
    chairToken = chair.loginPin(1, pinOf(1), "console")["result"]["token"];
    Peer d3(loop, server->port());
    d3.hello();
    d3Token = d3.loginPin(3, pinOf(3), "tablet 3")["result"]["token"];
  }
  server.reset();
  {
    // Seat 1 is a plain delegate now (the council was re-imported with its role changed).
    store::Store st(data);
    core::Delegate d{delegateId(1), 1, "Đại biểu số 1", "", core::Role::Delegate, true};
    st.council.putDelegate(d, "", 1000);
  }
  server = std::make_unique<ServerProcess>(data);
  Peer old(loop, server->port());
  old.hello();
  EXPECT_EQ(old.loginToken(chairToken)["code"], "auth_failed") << "a token dies with its role";
  Peer d3(loop, server->port());
  d3.hello();
  EXPECT_EQ(d3.loginToken(d3Token)["result"]["role"], "delegate") << "other tokens live on";
  Peer chair(loop, server->port());
  chair.hello();
  EXPECT_EQ(chair.loginPin(1, pinOf(1))["result"]["role"], "delegate");
  EXPECT_EQ(chair.cmd("sitting.create",
                      {{"number", 1}, {"title", "x"}, {"agenda", json::array()}})["code"],
            "forbidden");
  {
    store::Store st(data);
    EXPECT_EQ(st.council.revokeTokens(delegateId(3)), 1);
  }
  Peer d3b(loop, server->port());
  d3b.hello();
  EXPECT_EQ(d3b.loginToken(d3Token)["code"], "auth_failed") << "revoked";
}

TEST(Trust, AnAttachedDocumentKeepsItsStoredClassification) {
  TempDir dir;
  const auto data = dir.path / "data";
  seedCouncil(data, 3);
  std::string secretSha;
  {
    store::Store st(data);
    const std::string pdf = "%PDF-1.4\n% phuong an nhan su\n%%EOF\n";
    auto up = st.documents.begin(1 << 20);
    up->write(pdf.data(), pdf.size());
    secretSha =
        st.documents.finish(std::move(up), "Phương án nhân sự", "mat.pdf", true, 1000).sha256;
  }
  ServerProcess server(data);
  client::ClientLoop loop;
  Peer chair(loop, server.port());
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Kỳ họp"},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Nhân sự"}}})}});
  // The command says "not classified"; the store says "mật": the store wins.
  json ev =
      chair.ok("document.attach",
               {{"item", "1"},
                {"document", {{"sha256", secretSha}, {"title", "x"}, {"classified", false}}}});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0]["data"]["document"]["classified"], true);
  EXPECT_EQ(http(server.port(), "GET", "/api/documents/" + secretSha).status, 401);
  EXPECT_EQ(http(server.port(), "GET", "/api/state").body.find(secretSha), std::string::npos);
  EXPECT_EQ(chair.cmd("document.attach",
                      {{"item", "1"},
                       {"document", {{"sha256", std::string(64, 'a')}, {"title", "x"}}}})["code"],
            "not_found");
}
