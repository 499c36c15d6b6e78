// HTTP on the WebSocket port: health, upload (operator), download with ETag and Range,
// classified papers only for those cleared, bad paths, oversized uploads, TLS.
#include <cstdlib>
#include <fstream>

#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"
#include "support/TestCa.h"

using namespace chamber;
using namespace chamber::test;

namespace {

std::string samplePdf(int pages) {
  std::string s = "%PDF-1.4\n";
  for (int i = 0; i < pages; ++i)
    s += "% trang " + std::to_string(i) + " " + std::string(1000, 'x') + "\n";
  return s + "%%EOF\n";
}

struct HttpFixture : ::testing::Test {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  client::ClientLoop loop;
  std::string opToken, delegateToken, displayToken;

  void SetUp() override {
    seedCouncil(dir.path, 5);
    server = std::make_unique<ServerProcess>(dir.path,
                                             std::vector<std::string>{"--max-upload", "100000"});
    opToken = token("operator", 0);
    delegateToken = token("", 3);
    displayToken = token("display", 0);
    Peer chair(loop, server->port());
    chair.hello();
    chair.loginPin(1, pinOf(1));
    chair.ok("sitting.create", {{"number", 1},
                                {"title", "Kỳ họp"},
                                {"agenda", json::array({{{"id", "1"}, {"title", "Ngân sách"}}})}});
  }
  std::string token(const std::string& user, int seat) {
    return deviceToken(loop, server->port(), user, seat);
  }
  HttpResponse upload(const std::string& body, const std::string& query, const std::string& tok) {
    return http(server->port(), "POST", "/api/documents?" + query,
                {{"Authorization", "Bearer " + tok}, {"Content-Type", "application/pdf"}}, body);
  }
};

}  // namespace

TEST_F(HttpFixture, HealthAnswers) {
  auto r = http(server->port(), "GET", "/health");
  EXPECT_EQ(r.status, 200);
  auto j = json::parse(r.body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GE(j["head"].get<int>(), 1);
}

TEST_F(HttpFixture, UploadAttachAndDownloadWithETagAndRange) {
  const std::string pdf = samplePdf(20);
  auto up = upload(pdf, "title=D%E1%BB%B1%20to%C3%A1n%202027&item=1", opToken);
  ASSERT_EQ(up.status, 201) << up.body;
  auto j = json::parse(up.body);
  const std::string sha = j["document"]["sha256"];
  EXPECT_EQ(j["document"]["size"], pdf.size());
  EXPECT_EQ(j["document"]["title"], "Dự toán 2027");
  EXPECT_EQ(j["attach"]["type"], "ok");
  // The public may read it: it is on a public sitting's agenda.
  auto full = http(server->port(), "GET", "/api/documents/" + sha);
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.body, pdf);
  EXPECT_EQ(full.headers["etag"], "\"" + sha + "\"");
  EXPECT_EQ(full.headers["accept-ranges"], "bytes");
  EXPECT_EQ(full.headers["content-type"], "application/pdf");
  auto cached =
      http(server->port(), "GET", "/api/documents/" + sha, {{"If-None-Match", "\"" + sha + "\""}});
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
  auto part = http(server->port(), "GET", "/api/documents/" + sha, {{"Range", "bytes=100-199"}});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, pdf.substr(100, 100));
  EXPECT_EQ(part.headers["content-range"], "bytes 100-199/" + std::to_string(pdf.size()));
  auto tail = http(server->port(), "GET", "/api/documents/" + sha, {{"Range", "bytes=-10"}});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, pdf.substr(pdf.size() - 10));
  auto open = http(server->port(), "GET", "/api/documents/" + sha, {{"Range", "bytes=20000-"}});
  EXPECT_EQ(open.status, 206);
  EXPECT_EQ(open.body, pdf.substr(20000));
  auto beyond = http(server->port(), "GET", "/api/documents/" + sha, {{"Range", "bytes=999999-"}});
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.headers["content-range"], "bytes */" + std::to_string(pdf.size()));
  // The same bytes again: stored once.
  EXPECT_EQ(upload(pdf, "title=again", opToken).status, 201);
  auto list = json::parse(
      http(server->port(), "GET", "/api/documents", {{"Authorization", "Bearer " + opToken}}).body);
  EXPECT_EQ(list["documents"].size(), 1u);
}

TEST_F(HttpFixture, ClassifiedPapersOnlyForThoseCleared) {
  auto up = upload(samplePdf(2), "title=M%E1%BA%ADt&classified=1&item=1", opToken);
  ASSERT_EQ(up.status, 201) << up.body;
  const std::string sha = json::parse(up.body)["document"]["sha256"];
  EXPECT_EQ(http(server->port(), "GET", "/api/documents/" + sha).status, 401);
  EXPECT_EQ(http(server->port(), "GET", "/api/documents/" + sha,
                 {{"Authorization", "Bearer " + displayToken}})
                .status,
            403);
  EXPECT_EQ(http(server->port(), "GET", "/api/documents/" + sha,
                 {{"Authorization", "Bearer " + delegateToken}})
                .status,
            200);
  auto pub = json::parse(http(server->port(), "GET", "/api/documents").body);
  EXPECT_TRUE(pub["documents"].empty());
  auto state = json::parse(http(server->port(), "GET", "/api/state").body);
  EXPECT_TRUE(state["state"]["current"]["agenda"][0]["documents"].empty());
  // A document on no public agenda is not public either.
  auto loose = upload(samplePdf(1) + "loose", "title=Nh%C3%A1p", opToken);
  const std::string looseSha = json::parse(loose.body)["document"]["sha256"];
  EXPECT_EQ(http(server->port(), "GET", "/api/documents/" + looseSha).status, 401);
}

TEST_F(HttpFixture, BadUploadsAndPathTricks) {
  EXPECT_EQ(upload(samplePdf(1), "title=x", "").status, 401);
  EXPECT_EQ(upload(samplePdf(1), "title=x", delegateToken).status, 403);
  EXPECT_EQ(upload("MZ not a pdf", "title=x", opToken).status, 415);
  EXPECT_EQ(upload(samplePdf(1), "", opToken).status, 400);
  EXPECT_EQ(upload(samplePdf(200), "title=big", opToken).status, 413);  // over --max-upload
  for (const char* p : {"/api/documents/../../chamber.db", "/api/documents/%2e%2e%2fchamber.db",
                        "/api/documents/"
                        "0000000000000000000000000000000000000000000000000000000000000000",
                        "/api/nothing"})
    EXPECT_EQ(http(server->port(), "GET", p).status, 404) << p;
  EXPECT_EQ(http(server->port(), "GET", "/health").status, 200);  // still serving
}

TEST(Tls, ServesWssWithModernCiphersOnlyAndClientsVerifyIt) {
  TempDir dir;
  seedCouncil(dir.path, 3);
  TestCa ca(dir.path);
  ServerProcess server(dir.path,
                       {"--tls-cert", ca.serverCert.string(), "--tls-key", ca.serverKey.string()});
  {
    // A client that trusts the council's CA: the chain and the name 127.0.0.1 check out.
    client::ClientLoop loop(ca.caCert.string());
    Peer p(loop, server.port(), /*tls=*/true);
    ASSERT_TRUE(p.waitOpen());
    p.hello();
    EXPECT_EQ(p.loginPin(2, pinOf(2))["result"]["role"], "secretary");
  }
  {
    // A client with only the system's trust store refuses the council's certificate.
    client::ClientLoop loop;
    Peer p(loop, server.port(), /*tls=*/true);
    EXPECT_FALSE(p.waitOpen()) << "a certificate from an unknown CA was accepted";
  }
  // Plain HTTP on the TLS port gets nothing useful.
  EXPECT_NE(http(server.port(), "GET", "/health").status, 200);
  const std::string connect =
      "timeout 10 openssl s_client -connect 127.0.0.1:" + std::to_string(server.port()) +
      " -CAfile '" + ca.caCert.string() + "' </dev/null >/dev/null 2>&1";
  EXPECT_EQ(std::system((connect + " -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256").c_str()), 0);
  EXPECT_EQ(std::system(connect.c_str()), 0) << "TLS 1.3";
  EXPECT_NE(std::system((connect + " -tls1_2 -cipher AES128-GCM-SHA256").c_str()), 0)
      << "no forward secrecy: refused";
  EXPECT_NE(std::system((connect + " -tls1_2 -cipher ECDHE-ECDSA-AES128-SHA").c_str()), 0)
      << "CBC: refused";
  EXPECT_NE(std::system((connect + " -tls1_1").c_str()), 0) << "TLS 1.1: refused";
  // Browsers are told to stay on HTTPS.
  const std::string curl = "curl -s -D - -o /dev/null --cacert '" + ca.caCert.string() +
                           "' https://127.0.0.1:" + std::to_string(server.port()) + "/health > '" +
                           (dir.path / "h.txt").string() + "'";
  ASSERT_EQ(std::system(curl.c_str()), 0);
  std::ifstream h(dir.path / "h.txt");
  const std::string headers{std::istreambuf_iterator<char>(h), {}};
  EXPECT_NE(headers.find("strict-transport-security: max-age=31536000"), std::string::npos)
      << headers;
}

TEST(Tls, ASelfSignedServerIsRefusedAndACertificateWithoutAKeyDoesNotStart) {
  TempDir dir;
  seedCouncil(dir.path, 3);
  TestCa ca(dir.path);
  {
    ServerProcess server(dir.path,
                         {"--tls-cert", ca.selfCert.string(), "--tls-key", ca.selfKey.string()});
    client::ClientLoop loop(ca.caCert.string());
    Peer p(loop, server.port(), /*tls=*/true);
    EXPECT_FALSE(p.waitOpen()) << "a self-signed certificate was accepted";
  }
  EXPECT_THROW(ServerProcess(dir.path, {"--tls-cert", ca.serverCert.string()}), std::runtime_error)
      << "a certificate without a key must not quietly serve plain HTTP";
}

TEST(StaticFiles, ViewersWhoLeaveMidFileDoNotTakeTheServerDown) {
  // Browsers drop connections to the portal's files all the time (a phone closes a tab, a
  // video element gives up a request). lws serves these without our per-connection data.
  TempDir dir;
  seedCouncil(dir.path / "data", 1);
  std::filesystem::create_directories(dir.path / "portal");
  std::ofstream(dir.path / "portal" / "index.html") << "<!doctype html><title>x</title>";
  std::ofstream(dir.path / "portal" / "big.bin", std::ios::binary) << std::string(4 << 20, 'v');
  ServerProcess server(dir.path / "data", {"--portal", (dir.path / "portal").string()});
  for (int i = 0; i < 40; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(server.port()));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    const timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    // Browsers also open connections ahead of need and close some unused.
    const std::string req = i % 5 == 4 ? ""
                                       : std::string("GET ") + (i % 2 ? "/big.bin" : "/") +
                                             " HTTP/1.1\r\nHost: x\r\n\r\n";
    if (!req.empty())
      ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
    else
      ::usleep(20000);
    char buf[512];
    if (i % 3 && !req.empty()) (void)::recv(fd, buf, sizeof buf, 0);
    const linger l{1, 0};  // a reset, as a vanished phone would leave
    if (i % 4 == 0) setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
  }
  EXPECT_EQ(http(server.port(), "GET", "/health").status, 200);
  EXPECT_EQ(http(server.port(), "GET", "/").status, 200);
}

TEST(StaticFiles, ThePortalAndLiveFilesWithCachingAndNothingOutsideTheirFolders) {
  TempDir dir;
  seedCouncil(dir.path / "data", 1);
  std::filesystem::create_directories(dir.path / "portal" / "assets");
  std::filesystem::create_directories(dir.path / "live");
  std::ofstream(dir.path / "portal" / "index.html")
      << "<!doctype html><title>Cổng thông tin</title>";
  std::ofstream(dir.path / "portal" / "assets" / "app.js") << "export const x = 1;";
  std::ofstream(dir.path / "portal" / ".secret") << "hidden";
  std::ofstream(dir.path / "live" / "index.m3u8") << "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:1\n";
  ServerProcess server(dir.path / "data",
                       {"--portal", (dir.path / "portal").string(), "--hls",
                        (dir.path / "live").string(), "--webrtc", "http://127.0.0.1:8088/janus"});
  const int port = server.port();
  auto page = http(port, "GET", "/");
  EXPECT_NE(page.headers["content-security-policy"].find(
                "connect-src 'self' ws: wss: http://127.0.0.1:8088;"),
            std::string::npos)
      << "the live view's signalling origin, and only its origin: "
      << page.headers["content-security-policy"];
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("Cổng thông tin"), std::string::npos);
  EXPECT_EQ(page.headers["cache-control"], "no-cache");
  EXPECT_NE(page.headers["content-security-policy"].find("default-src 'self'"), std::string::npos)
      << "pages load nothing from elsewhere";
  EXPECT_EQ(http(port, "GET", "/index.html", {{"If-None-Match", page.headers["etag"]}}).status,
            304);
  auto js = http(port, "HEAD", "/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(js.body, "");
  // The playlist is rewritten every two seconds: each request sees the file as it is now.
  EXPECT_NE(http(port, "GET", "/live/index.m3u8").body.find("SEQUENCE:1"), std::string::npos);
  std::ofstream(dir.path / "live" / "index.m3u8", std::ios::trunc)
      << "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:2\n";
  auto live = http(port, "GET", "/live/index.m3u8");
  EXPECT_NE(live.body.find("SEQUENCE:2"), std::string::npos);
  EXPECT_EQ(live.headers["content-type"], "application/vnd.apple.mpegurl");
  // (lws folds "/assets/../index.html" to "/index.html" before we see it: served, and inside.)
  for (const char* bad :
       {"/.secret", "/../data/chamber.db", "//etc/passwd", "/%2e%2e/data/chamber.db",
        "/live/../portal/index.html", "/nothing.html", "/assets/"})
    EXPECT_EQ(http(port, "GET", bad).status, 404) << bad;
  EXPECT_EQ(http(port, "GET", "/api/nothing").status, 404) << "the API is not a folder of files";
}

TEST_F(HttpFixture, MetricsForStaffInThePrometheusFormat) {
  EXPECT_EQ(http(server->port(), "GET", "/metrics").status, 401);
  EXPECT_EQ(http(server->port(), "GET", "/metrics", {{"Authorization", "Bearer " + delegateToken}})
                .status,
            403);
  // One command that passes and one refused, then the figures.
  ASSERT_EQ(upload(samplePdf(2), "title=Ng%C3%A2n%20s%C3%A1ch&item=1", opToken).status, 201);
  ASSERT_EQ(upload(samplePdf(3), "title=x&item=99", opToken).status, 201);
  const auto m = http(server->port(), "GET", "/metrics", {{"Authorization", "Bearer " + opToken}});
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.headers.at("content-type").rfind("text/plain; version=0.0.4", 0), 0u);
  for (const char* line :
       {"chamber_commands_total{command=\"document.attach\",outcome=\"ok\"} 1",
        "chamber_commands_total{command=\"document.attach\",outcome=\"not_found\"} 1",
        "chamber_commands_total{command=\"sitting.create\",outcome=\"ok\"} 1",
        "chamber_media_state{state=\"idle\"} 1", "# TYPE chamber_commit_seconds histogram",
        "chamber_commit_seconds_bucket{le=\"+Inf\"} "})
    EXPECT_NE(m.body.find(line), std::string::npos) << line << "\n" << m.body;
  // Each commit is counted once in the histogram; disk space is a real figure.
  const auto count = m.body.find("chamber_commit_seconds_count ");
  ASSERT_NE(count, std::string::npos);
  EXPECT_GE(std::stoll(m.body.substr(count + 29)), 3);
  const auto disk = m.body.find("chamber_disk_free_bytes{");
  ASSERT_NE(disk, std::string::npos);
  EXPECT_GT(std::stoll(m.body.substr(m.body.find("} ", disk) + 2)), 0);
}

TEST_F(HttpFixture, TheMediaProcessFiguresReachMetricsAndOnlyFromTheMediaRole) {
  const auto metrics = [&] {
    return http(server->port(), "GET", "/metrics", {{"Authorization", "Bearer " + opToken}}).body;
  };
  EXPECT_EQ(metrics().find("chamber_media_recording_bytes"), std::string::npos)
      << "no figure before the media process told one";
  Peer delegate(loop, server->port());
  delegate.hello();
  delegate.loginPin(3, pinOf(3));
  EXPECT_EQ(delegate.request(protocol::mediaStats("s1", {1, 2, 3}))["code"], "forbidden");
  Peer media(loop, server->port());
  media.hello();
  ASSERT_EQ(media.loginPassword("media", "secret")["type"], "ok");
  EXPECT_EQ(media.request({{"type", "stats"}, {"id", "s2"}, {"recording_bytes", -5}})["code"],
            "bad_args");
  ASSERT_EQ(media.request(protocol::mediaStats("s3", {123456789, 987654321, 3600}))["type"], "ok");
  const std::string m = metrics();
  for (const char* line :
       {"chamber_media_recording_bytes 123456789", "chamber_media_disk_free_bytes 987654321",
        "chamber_media_disk_seconds_left 3600", "# TYPE chamber_media_stats_age_seconds gauge"})
    EXPECT_NE(m.find(line), std::string::npos) << line << "\n" << m;
  // Figures, not records: nothing was added to the event log.
  const auto before = json::parse(http(server->port(), "GET", "/health").body)["head"];
  ASSERT_EQ(media.request(protocol::mediaStats("s4", {1, 1, 1}))["type"], "ok");
  EXPECT_EQ(json::parse(http(server->port(), "GET", "/health").body)["head"], before);
}

TEST_F(HttpFixture, ASittingCreatedFromTheCommandLineShowsAtOnceWithoutACommand) {
  // The IT officer creates the next sitting with chamberctl while the server runs: the portal
  // lists it and a watching page is told, though no tablet sends anything.
  Peer watcher(loop, server->port());
  watcher.hello();
  watcher.request({{"type", "auth"}, {"method", "public"}});
  watcher.request({{"type", "resume"}, {"after", 0}});
  const auto agenda = dir.path / "agenda.json";
  std::ofstream(agenda) << R"({"agenda":[{"id":"1","title":"Khai mạc"}]})";
  const std::string cmd = std::string(CHAMBERCTL_BIN) + " --data " + dir.path.string() +
                          " sitting create --number 2 --title 'Kỳ họp thứ hai' --date 2026-12-20"
                          " --agenda " +
                          agenda.string() + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const json created = watcher.waitEvent("sitting.created", 5000, [](const json& e) {
    return e["data"]["title"] == "Kỳ họp thứ hai";
  });
  EXPECT_FALSE(created.is_null()) << "the watching page was never told";
  const auto list = json::parse(http(server->port(), "GET", "/api/sittings").body);
  bool listed = false;
  for (const auto& st : list["sittings"]) listed = listed || st["title"] == "Kỳ họp thứ hai";
  EXPECT_TRUE(listed) << list.dump();
}
