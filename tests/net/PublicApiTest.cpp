// The public, read-only API the portal reads: public sittings only, votes as the rules publish
// them (named: per delegate; secret: counts only), published documents with their Decree 42
// fields, open data as JSON and CSV, and the archive's files with Range — nothing else.
#include <fstream>

#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

using namespace chamber;
using namespace chamber::test;

TEST(PublicApi, WhatCitizensAndOpenDataUsersRead) {
  TempDir dir;
  seedCouncil(dir.path / "data", 4);
  std::string resolutionSha, secretSha;
  {
    store::Store st(dir.path / "data");
    auto add = [&](const std::string& body, bool classified) {
      const std::string pdf = "%PDF-1.4\n% " + body + "\n%%EOF\n";
      auto up = st.documents.begin(1 << 20);
      up->write(pdf.data(), pdf.size());
      return st.documents.finish(std::move(up), body, body + ".pdf", classified, 1000).sha256;
    };
    resolutionSha = add("nghi-quyet-12", false);
    secretSha = add("phuong-an-mat", true);
    st.publications.put(
        {resolutionSha, "Nghị quyết", "12/NQ-HĐND", "Nghị quyết về dự toán ngân sách năm 2027",
         "Quyết định dự toán thu, chi ngân sách xã năm 2027", "HĐND xã Côn Minh",
         "Đại biểu số 1, Chủ tịch HĐND xã", "2026-12-10", "2027-01-01", 1, "1", 0, 2000});
  }
  // An archive as chamber-archive leaves it.
  const auto arch = dir.path / "archive" / "sitting-1";
  std::filesystem::create_directories(arch / "thumbs");
  std::ofstream(arch / "archive.json")
      << R"({"video":"/archive/sitting-1/archive.mp4","chapters":[{"start_s":0,"title":"Khai mạc"}]})";
  std::string video(300000, '\0');
  for (std::size_t i = 0; i < video.size(); ++i) video[i] = static_cast<char>(i * 7);
  std::ofstream(arch / "archive.mp4", std::ios::binary) << video;
  std::ofstream(dir.path / "archive" / "secret.txt") << "not for the web";
  ServerProcess server(dir.path / "data", {"--archive", (dir.path / "archive").string()});
  const int port = server.port();

  client::ClientLoop loop;
  Peer chair(loop, port);
  chair.hello();
  chair.loginPin(1, pinOf(1));
  chair.ok("sitting.create", {{"number", 1},
                              {"title", "Kỳ họp thứ nhất"},
                              {"isPublic", true},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Ngân sách"}}})}});
  chair.ok("document.attach",
           {{"item", "1"},
            {"document",
             {{"sha256", secretSha}, {"title", "Phương án nhân sự (Mật)"}, {"classified", true}}}});
  chair.ok("sitting.open");
  for (const char* d : {"d01", "d02", "d03"})
    chair.ok("attendance.mark", {{"delegate", d}, {"present", true}});
  std::vector<std::unique_ptr<Peer>> delegates;
  for (int seat = 1; seat <= 3; ++seat) {
    delegates.push_back(std::make_unique<Peer>(loop, port));
    delegates.back()->hello();
    delegates.back()->loginPin(seat, pinOf(seat));
  }
  const auto named = voteId(
      chair.ok("vote.create", {{"item", "1"}, {"title", "Thông qua dự toán"}, {"form", "named"}}));
  chair.ok("vote.open", {{"vote", named}});
  for (int i = 0; i < 3; ++i)
    delegates[static_cast<std::size_t>(i)]->ok(
        "vote.cast", {{"vote", named}, {"choices", {i < 2 ? "yes" : "no"}}});
  chair.ok("vote.close", {{"vote", named}});
  const auto secret = voteId(
      chair.ok("vote.create", {{"item", "1"}, {"title", "Bầu Phó Chủ tịch"}, {"form", "secret"}}));
  chair.ok("vote.open", {{"vote", secret}});
  for (auto& d : delegates) d->ok("vote.cast", {{"vote", secret}, {"choices", {"yes"}}});
  chair.ok("vote.close", {{"vote", secret}});
  chair.ok("sitting.close");
  chair.ok("sitting.create", {{"number", 2},
                              {"title", "Phiên họp kín"},
                              {"isPublic", false},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Nhân sự"}}})}});

  // Sittings: the closed one is not there.
  auto list = json::parse(http(port, "GET", "/api/sittings").body);
  ASSERT_EQ(list["sittings"].size(), 1u);
  EXPECT_EQ(list["sittings"][0]["title"], "Kỳ họp thứ nhất");
  EXPECT_EQ(list["sittings"][0]["votes"], 2);
  EXPECT_EQ(list["sittings"][0]["archive"], true);
  EXPECT_EQ(http(port, "GET", "/api/sittings/2").status, 404);
  EXPECT_EQ(http(port, "GET", "/api/sittings/x1").status, 404);

  auto detail = http(port, "GET", "/api/sittings/1");
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body.find("Mật"), std::string::npos)
      << "a classified paper never reaches the public";
  EXPECT_EQ(detail.body.find(secretSha), std::string::npos);
  auto s = json::parse(detail.body)["sitting"];
  ASSERT_EQ(s["attendanceList"].size(), 4u);
  EXPECT_EQ(s["attendanceList"][2]["present"], true);
  EXPECT_EQ(s["attendanceList"][3]["present"], false);
  EXPECT_EQ(s["archive"]["video"], "/archive/sitting-1/archive.mp4");
  ASSERT_EQ(s["publications"].size(), 1u);
  EXPECT_EQ(s["publications"][0]["number"], "12/NQ-HĐND");
  json namedVote, secretVote;
  for (const auto& v : s["votes"]) (v["id"] == named ? namedVote : secretVote) = v;
  ASSERT_EQ(namedVote["result"]["named"].size(), 3u)
      << "a named vote publishes each delegate's choice";
  EXPECT_EQ(secretVote["result"]["named"].size(), 0u) << "a secret vote: counts only";
  EXPECT_EQ(secretVote["result"]["options"][0]["count"], 3);
  EXPECT_FALSE(secretVote.contains("voted"));

  // Published documents: the Decree 42 fields, and the file downloads without signing in.
  auto pubs = json::parse(http(port, "GET", "/api/publications").body)["publications"];
  ASSERT_EQ(pubs.size(), 1u);
  for (const char* field :
       {"type", "number", "issuer", "signer", "issued", "effective", "summary", "url"})
    EXPECT_FALSE(pubs[0][field].get<std::string>().empty()) << field;
  EXPECT_EQ(http(port, "GET", pubs[0]["url"].get<std::string>()).status, 200);
  EXPECT_EQ(http(port, "GET", "/api/documents/" + secretSha).status, 401);

  // Open data: an index, JSON and CSV (UTF-8 with BOM), open to other sites.
  auto index = http(port, "GET", "/api/open-data");
  EXPECT_EQ(index.headers["access-control-allow-origin"], "*");
  EXPECT_EQ(json::parse(index.body)["tables"].size(), 9u)
      << "seven of the sittings, questions, petitions";
  auto csv = http(port, "GET", "/api/open-data/named_votes.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"].rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFsitting,vote,delegate,name,choices", 0), 0u);
  EXPECT_NE(csv.body.find("Đại biểu số 3,no"), std::string::npos);
  auto votes = json::parse(http(port, "GET", "/api/open-data/votes.json").body);
  EXPECT_EQ(votes.size(), 6u) << "two votes, three options each";
  auto pubCsv = http(port, "GET", "/api/open-data/publications.csv").body;
  EXPECT_NE(pubCsv.find("12/NQ-HĐND"), std::string::npos);
  EXPECT_EQ(http(port, "GET", "/api/open-data/secret_ballots.json").status, 404);
  EXPECT_EQ(http(port, "GET", "/api/open-data/../chamber.db").status, 404);

  // The archive: Range for seeking; only chamber-archive's own files.
  auto part = http(port, "GET", "/archive/sitting-1/archive.mp4", {{"Range", "bytes=1000-1999"}});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.headers["content-range"], "bytes 1000-1999/300000");
  EXPECT_EQ(part.body, video.substr(1000, 1000));
  EXPECT_EQ(part.headers["content-type"], "video/mp4");
  EXPECT_EQ(http(port, "GET", "/archive/sitting-1/archive.json").status, 200);
  for (const char* bad :
       {"/archive/secret.txt", "/archive/sitting-1/../secret.txt",
        "/archive/sitting-1/%2e%2e/secret.txt", "/archive/sitting-1/archive.mp4/../../secret.txt",
        "/archive/sitting-9/archive.mp4"})
    EXPECT_EQ(http(port, "GET", bad).status, 404) << bad;
}

// One council's name, set once in the server's settings, is what every public text says: the
// portal's frame (/api/site), the feeds, the petition report. Unset, the issuer the current
// sitting's rules name; with neither, only "Hội đồng nhân dân" — never another council's.
TEST(PublicApi, TheCouncilIsNamedOnceByTheServerAndEveryPublicTextSaysIt) {
  auto get = [](int port, const std::string& path) {
    const auto r = http(port, "GET", path);
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    return r.body;
  };
  {
    TempDir dir;
    seedCouncil(dir.path, 4);
    ServerProcess server(dir.path, {"--council", "Hội đồng nhân dân phường Hàng Bạc",
                                    "--council-en", "Hang Bac Ward People's Council"});
    const auto site = json::parse(get(server.port(), "/api/site"));
    EXPECT_EQ(site["council"]["vi"], "Hội đồng nhân dân phường Hàng Bạc");
    EXPECT_EQ(site["council"]["en"], "Hang Bac Ward People's Council");
    client::ClientLoop loop;
    Peer chair(loop, server.port());
    chair.hello();
    chair.loginPin(1, pinOf(1));
    // The sitting's papers keep their own issuer; the site's name is the server's.
    chair.ok("sitting.create", {{"number", 1},
                                {"title", "Kỳ họp thứ nhất"},
                                {"date", "2026-12-20"},
                                {"rules", {{"council", "Hội đồng nhân dân xã Côn Minh"}}},
                                {"agenda", json::array({{{"id", "1"}, {"title", "Ngân sách"}}})}});
    EXPECT_EQ(json::parse(get(server.port(), "/api/site"))["council"]["vi"],
              "Hội đồng nhân dân phường Hàng Bạc");
    const std::string feed = get(server.port(), "/api/feeds/sittings.atom");
    EXPECT_NE(feed.find("<title>Các kỳ họp · Hội đồng nhân dân phường Hàng Bạc</title>"),
              std::string::npos)
        << feed;
    EXPECT_EQ(feed.find("Côn Minh"), std::string::npos) << feed;
    const auto report = json::parse(get(server.port(), "/api/petitions/report"));
    EXPECT_NE(report["text"].get<std::string>().find("Hội đồng nhân dân phường Hàng Bạc"),
              std::string::npos)
        << report["text"];
  }
  {
    TempDir dir;
    seedCouncil(dir.path, 4);
    ServerProcess server(dir.path, {});
    auto site = json::parse(get(server.port(), "/api/site"));
    EXPECT_EQ(site["council"]["vi"], "Hội đồng nhân dân");
    EXPECT_EQ(site["council"]["en"], "People's Council");
    client::ClientLoop loop;
    Peer chair(loop, server.port());
    chair.hello();
    chair.loginPin(1, pinOf(1));
    chair.ok("sitting.create", {{"number", 1},
                                {"title", "Kỳ họp thứ nhất"},
                                {"rules", {{"council", "Hội đồng nhân dân xã Côn Minh"}}},
                                {"agenda", json::array({{{"id", "1"}, {"title", "Ngân sách"}}})}});
    site = json::parse(get(server.port(), "/api/site"));
    EXPECT_EQ(site["council"]["vi"], "Hội đồng nhân dân xã Côn Minh");
    EXPECT_EQ(site["council"]["en"], "Hội đồng nhân dân xã Côn Minh");
  }
}
