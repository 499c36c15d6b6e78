// The papers after a sitting, as the council's office makes them: a sitting over chamber.v1,
// the minutes drafted at the close, the secretary's correction recorded, the PDF rendered,
// signed by the chair on a PKCS#11 token and sealed by the council's token, checked by
// poppler's pdfsig and by our own reading, and published with its number; a copy changed by
// one byte shows as invalid. Resolution numbers given by two writers at once never repeat.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "core/Minutes.h"
#include "papers/Signatures.h"
#include "protocol/Json.h"
#include "store/Store.h"
#include "support/Http.h"
#include "support/Peer.h"
#include "support/Seed.h"
#include "support/ServerProcess.h"
#include "support/Shell.h"
#include "support/TempDir.h"
#include "support/TestToken.h"

using namespace chamber;
using namespace chamber::test;

namespace {

Output sh(const std::string& cmd) {
  return shell(cmd);
}

Output ctl(const std::filesystem::path& data, const std::string& args) {
  return sh(std::string(CHAMBERCTL_BIN) + " --data '" + data.string() + "' " + args);
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

/// The smallest PDF with one A4 page (objects, cross-reference table, trailer).
void writeOnePagePdf(const std::filesystem::path& path) {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "<< /Length 18 >>\nstream\n0 0 m 100 100 l S\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto o : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  std::ofstream(path, std::ios::binary) << pdf;
}

struct Office {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  client::ClientLoop loop;
  std::unique_ptr<Peer> op, chair, secretary;
  std::vector<std::unique_ptr<Peer>> delegates;

  Office() {
    seedCouncil(dir.path, 5);
    server = std::make_unique<ServerProcess>(dir.path / "");
    op = account("operator");
    core::CouncilRules rules = core::vietnameseDefaults();
    rules.council = "Hội đồng nhân dân xã Côn Minh";
    rules.locality = "Côn Minh";
    op->ok("sitting.create", {{"number", 5},
                              {"term", "2026-2031"},
                              {"title", "Kỳ họp thứ năm, HĐND xã Côn Minh khóa I"},
                              {"date", "2026-12-10"},
                              {"place", "Hội trường UBND xã Côn Minh"},
                              {"rules", protocol::json(rules)},
                              {"agenda", json::array({{{"id", "1"}, {"title", "Khai mạc"}},
                                                      {{"id", "2"},
                                                       {"title", "Dự toán ngân sách năm 2027"},
                                                       {"presenter", "Chủ tịch UBND xã"}}})}});
    chair = delegate(1);
    secretary = delegate(2);
    for (int seat = 3; seat <= 5; ++seat) delegates.push_back(delegate(seat));
    chair->ok("sitting.open");
    for (auto* p : all()) p->ok("attendance.checkin");
    chair->ok("agenda.activate", {{"item", "2"}});
  }
  std::unique_ptr<Peer> account(const std::string& user) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPassword(user, "secret")["type"], "ok");
    return p;
  }
  std::unique_ptr<Peer> delegate(int seat) {
    auto p = std::make_unique<Peer>(loop, server->port());
    p->hello();
    EXPECT_EQ(p->loginPin(seat, pinOf(seat))["type"], "ok");
    return p;
  }
  std::vector<Peer*> all() {
    std::vector<Peer*> v{chair.get(), secretary.get()};
    for (auto& d : delegates) v.push_back(d.get());
    return v;
  }
  /// A motion every delegate adopts; returns the events of its close.
  json adopt(const std::string& title, const std::string& resolution) {
    json args{{"item", "2"}, {"title", title}, {"rule", "majority"}};
    if (!resolution.empty()) args["resolution"] = resolution;
    const auto v = voteId(chair->ok("vote.create", args));
    chair->ok("vote.open", {{"vote", v}});
    for (auto* p : all()) p->ok("vote.cast", {{"vote", v}, {"choices", {"yes"}}});
    return chair->ok("vote.close", {{"vote", v}});
  }
};

}  // namespace

TEST(Papers, MinutesDraftedCorrectedSignedTwiceVerifiedAndPublished) {
  Office o;
  // A resolution adopted: numbered in the step that closes its vote.
  const json closed = o.adopt("Thông qua dự toán ngân sách năm 2027", "individual");
  ASSERT_EQ(closed.size(), 2u) << closed.dump();
  EXPECT_EQ(closed[1]["kind"], "resolution.numbered");
  EXPECT_EQ(closed[1]["data"]["number"], "1/NQ-HĐND");

  // The close drafts the minutes, in the same step.
  const json closing = o.chair->ok("sitting.close");
  ASSERT_EQ(closing.size(), 2u) << closing.dump();
  ASSERT_EQ(closing[1]["kind"], "minutes.drafted");
  const std::string draft = closing[1]["data"]["text"], draftSha = closing[1]["data"]["sha256"];
  EXPECT_NE(draft.find("Đại biểu có mặt: 5/5"), std::string::npos) << draft;
  EXPECT_NE(draft.find("5/5 đại biểu tán thành (100,00%)"), std::string::npos) << draft;
  EXPECT_NE(draft.find("Nghị quyết số 1/NQ-HĐND"), std::string::npos) << draft;
  // Delegates never see the draft: it is the staff's until signed and published.
  EXPECT_TRUE(o.delegates[0]->waitEvent("minutes.drafted", 300).is_null());

  // The secretary corrects it; an edit from an older version is refused; then it is final.
  const std::string corrected = draft + "Thư ký kỳ họp đã đọc lại biên bản trước kỳ họp.\n";
  const json saved =
      o.secretary->ok("minutes.save", {{"sitting", 1}, {"text", corrected}, {"base", draftSha}});
  ASSERT_EQ(saved[0]["kind"], "minutes.saved");
  const std::string finalSha = saved[0]["data"]["sha256"];
  EXPECT_EQ(o.chair->cmd("minutes.save", {{"sitting", 1}, {"text", draft}, {"base", draftSha}})
                .value("code", ""),
            "stale");
  EXPECT_EQ(o.delegates[0]
                ->cmd("minutes.finalise", {{"sitting", 1}, {"sha256", finalSha}})
                .value("code", ""),
            "forbidden");
  const json fin = o.secretary->ok("minutes.finalise", {{"sitting", 1}, {"sha256", finalSha}});
  EXPECT_NE(fin[0]["data"]["diff"].get<std::string>().find(
                "+Thư ký kỳ họp đã đọc lại biên bản trước kỳ họp."),
            std::string::npos);

  // Rendered on the office PC while the server runs; the text is there, with its diacritics.
  const auto data = o.dir.path;
  const auto pdf = data / "bien-ban.pdf", chaired = data / "bien-ban-ct.pdf",
             sealed = data / "bien-ban-ky.pdf";
  auto r = ctl(data, "minutes --sitting 1 --out '" + pdf.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  const Output text = sh("pdftotext -layout '" + pdf.string() + "' -");
  for (const char* expect : {"HỘI ĐỒNG NHÂN DÂN", "XÃ CÔN MINH", "Số: 05/BB-HĐND",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "Côn Minh, ngày", "BIÊN BẢN", "5/5 đại biểu tán thành (100,00%)",
                             "Nghị quyết số 1/NQ-HĐND", "đã đọc lại biên bản", "CHỦ TỌA", "THƯ KÝ"})
    EXPECT_NE(text.out.find(expect), std::string::npos) << expect << "\n" << text.out;
  const Output fonts = sh("pdffonts '" + pdf.string() + "'");
  EXPECT_NE(fonts.out.find("LiberationSerif"), std::string::npos) << fonts.out;
  {  // every font embedded: the "emb" column (the first of emb, sub, uni) says yes
    std::istringstream lines(fonts.out);
    std::string line;
    int fontLines = 0;
    const std::regex cols(R"(\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
    while (std::getline(lines, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, cols)) continue;
      ++fontLines;
      EXPECT_EQ(m[1], "yes") << line;
    }
    EXPECT_EQ(fontLines, 4) << fonts.out;
  }
  const Output meta = sh("pdfinfo -meta '" + pdf.string() + "'");
  EXPECT_NE(meta.out.find("pdfaid:part=\"2\""), std::string::npos) << meta.out;
  EXPECT_NE(meta.out.find("pdfaid:conformance=\"B\""), std::string::npos) << meta.out;

  // The chair signs on his token, then the council's seal on its own.
  TestTokens tokens(data / "hsm");
  tokens.make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
  tokens.make("hdnd-xa", "222222", "/CN=Hội đồng nhân dân xã Côn Minh/O=HĐND xã Côn Minh");
  const std::string module = std::string(" --module ") + TestTokens::kModule;
  r = sh("env CHAMBER_TOKEN_PIN=000000 " + std::string(CHAMBERCTL_BIN) + " sign '" + pdf.string() +
         "' --out '" + chaired.string() + "'" + module +
         " --token chu-tich --key chu-tich-key --name x");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("Sai mã PIN"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(chaired)) << "a wrong PIN writes nothing";
  r = sh("env CHAMBER_TOKEN_PIN=111111 " + std::string(CHAMBERCTL_BIN) + " sign '" + pdf.string() +
         "' --out '" + chaired.string() + "'" + module +
         " --token chu-tich --key chu-tich-key --field ChuToa --name 'Nguyễn Văn Hùng' "
         "--title 'Chủ tịch HĐND xã' --reason 'Chủ tọa kỳ họp' --location 'Côn Minh'");
  ASSERT_EQ(r.code, 0) << r.out;
  r = sh("env CHAMBER_TOKEN_PIN=222222 " + std::string(CHAMBERCTL_BIN) + " sign '" +
         chaired.string() + "' --out '" + sealed.string() + "'" + module +
         " --token hdnd-xa --key hdnd-xa-key --seal --name 'HĐND xã Côn Minh' "
         "--title 'Hội đồng nhân dân xã Côn Minh' --reason 'Đóng dấu cơ quan'");
  ASSERT_EQ(r.code, 0) << r.out;

  // Poppler: two signatures, both valid, the last over the whole file.
  const Output sig = sh("pdfsig '" + sealed.string() + "'");
  EXPECT_EQ(count(sig.out, "Signature Validation: Signature is Valid."), 2u) << sig.out;
  EXPECT_EQ(count(sig.out, "Total document signed"), 1u) << sig.out;
  EXPECT_EQ(count(sig.out, "ETSI.CAdES.detached"), 2u) << sig.out;
  // Ours, with the test CA trusted: in order, the person then the seal, each intact.
  const auto mine = papers::verifyPdf(sealed.string(), tokens.caCert.string());
  ASSERT_EQ(mine.signatures.size(), 2u);
  EXPECT_TRUE(mine.valid());
  EXPECT_EQ(mine.signatures[0].signer, "Nguyễn Văn Hùng");
  EXPECT_EQ(mine.signatures[0].field, "ChuToa");
  EXPECT_FALSE(mine.signatures[0].wholeFile);  // the seal came after it
  EXPECT_EQ(mine.signatures[1].signer, "Hội đồng nhân dân xã Côn Minh");
  EXPECT_TRUE(mine.signatures[0].trusted && mine.signatures[1].trusted);

  // Each page as a picture, to look at against the Decree 30 layout (build/screenshots).
  const auto shots = std::filesystem::path(CHAMBER_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(shots);
  EXPECT_EQ(
      sh("pdftoppm -r 70 -png '" + sealed.string() + "' '" + (shots / "minutes").string() + "'")
          .code,
      0);

  // Uploaded by the office, the signed and sealed minutes publish themselves, every field
  // from the record; the portal shows who signed and when.
  std::string sealedBytes;
  {
    std::ifstream in(sealed, std::ios::binary);
    sealedBytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const json login = o.op->request({{"type", "auth"},
                                    {"method", "password"},
                                    {"user", "operator"},
                                    {"password", "secret"},
                                    {"device", "office"}});
  const std::string opToken = login["result"].value("token", "");
  const auto up = http(
      o.server->port(), "POST", "/api/documents?title=Bi%C3%AAn%20b%E1%BA%A3n&filename=bb.pdf",
      {{"Authorization", "Bearer " + opToken}, {"Content-Type", "application/pdf"}}, sealedBytes);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(json::parse(up.body).value("published", ""), "05/BB-HĐND") << up.body;
  const auto api = http(o.server->port(), "GET", "/api/publications");
  const json list = json::parse(api.body)["publications"];
  ASSERT_EQ(list.size(), 1u) << api.body;
  EXPECT_EQ(list[0]["number"], "05/BB-HĐND");
  EXPECT_EQ(list[0]["type"], "Biên bản");
  EXPECT_EQ(list[0]["issuer"], "Hội đồng nhân dân xã Côn Minh");
  EXPECT_EQ(list[0]["sitting"], 1);
  EXPECT_TRUE(list[0]["signatures"]["valid"].get<bool>());
  EXPECT_EQ(list[0]["signatures"]["signatures"].size(), 2u);
  EXPECT_GE(list[0]["published_ms"].get<std::int64_t>(), list[0]["adopted_ms"].get<std::int64_t>());
  EXPECT_GT(list[0]["adopted_ms"].get<std::int64_t>(), 0);

  // One byte changed after signing: pdfsig and our reading both say so; it is not published.
  std::string bytes;
  {
    std::ifstream in(sealed, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto at = bytes.find("stream\n", bytes.find("/FlateDecode")) + 20;
  bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
  const auto changed = data / "bien-ban-sua.pdf";
  std::ofstream(changed, std::ios::binary) << bytes;
  const Output bad = sh("pdfsig '" + changed.string() + "'");
  EXPECT_EQ(count(bad.out, "Signature is Valid."), 0u) << bad.out;
  EXPECT_FALSE(papers::verifyPdf(changed.string()).valid());
  r = ctl(data, "verify-pdf '" + changed.string() + "'");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("KHÔNG HỢP LỆ"), std::string::npos) << r.out;
  r = ctl(data, "publish '" + changed.string() + "'");
  EXPECT_EQ(r.code, 2) << r.out;

  // A resolution signed elsewhere is published by its number, its fields from the vote.
  const auto nq = data / "nq.pdf", nqSigned = data / "nq-ky.pdf";
  writeOnePagePdf(nq);
  r = sh(
      "env CHAMBER_TOKEN_PIN=111111 " + std::string(CHAMBERCTL_BIN) + " sign '" + nq.string() +
      "' --out '" + nqSigned.string() + "'" + module +
      " --token chu-tich --key chu-tich-key --name 'Nguyễn Văn Hùng' --title 'Chủ tịch HĐND xã'");
  ASSERT_EQ(r.code, 0) << r.out;
  r = ctl(data, "publish '" + nqSigned.string() + "' --resolution 1/NQ-HĐND");
  ASSERT_EQ(r.code, 0) << r.out;
  const json all = json::parse(http(o.server->port(), "GET", "/api/publications").body);
  bool resolution = false;
  for (const auto& p : all["publications"])
    if (p["number"] == "1/NQ-HĐND") {
      resolution = true;
      EXPECT_EQ(p["type"], "Nghị quyết");
      EXPECT_EQ(p["title"], "Thông qua dự toán ngân sách năm 2027");
      EXPECT_EQ(p["item"], "2");
      EXPECT_TRUE(p["signatures"]["valid"].get<bool>());
    }
  EXPECT_TRUE(resolution) << all.dump();

  // A broken "signed" file is read in a child process: it is stored as unverifiable, nothing
  // is published, and the server goes on.
  const std::string broken =
      "%PDF-1.7\n1 0 obj<</Type/Sig/ByteRange[0 99999999 5 5]/Contents<3082"
      "ffff>>>\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  const auto bad2 =
      http(o.server->port(), "POST", "/api/documents?title=hong&filename=hong.pdf",
           {{"Authorization", "Bearer " + opToken}, {"Content-Type", "application/pdf"}}, broken);
  EXPECT_EQ(bad2.status, 201) << bad2.body;
  EXPECT_FALSE(json::parse(bad2.body).contains("published"));
  EXPECT_EQ(http(o.server->port(), "GET", "/health").status, 200);
}

TEST(Papers, TwoWritersAtOnceNeverGiveOneResolutionNumberTwice) {
  Office o;
  // Eight adopted motions without a number; the office numbers them from the server's
  // console and from chamberctl at the same time.
  std::vector<std::string> votes;
  for (int i = 0; i < 8; ++i) {
    const json c = o.adopt("Nghị quyết " + std::to_string(i + 1), "");
    votes.push_back(c[0]["data"]["vote"]);
  }
  const auto data = o.dir.path;
  std::vector<std::thread> ctlRuns;
  std::vector<Output> results(4);
  for (int i = 0; i < 4; ++i)
    ctlRuns.emplace_back([&, i] {
      results[static_cast<std::size_t>(i)] = ctl(
          data, "resolution number --kind normative --vote " + votes[static_cast<std::size_t>(i)]);
    });
  for (int i = 4; i < 8; ++i)
    o.secretary->ok("resolution.number",
                    {{"vote", votes[static_cast<std::size_t>(i)]}, {"kind", "normative"}});
  for (auto& t : ctlRuns) t.join();
  for (const auto& r : results) EXPECT_EQ(r.code, 0) << r.out;
  // The record itself, as a restarted server would read it.
  store::Store st(data);
  std::int64_t head = 0;
  const core::State state = st.load(head);
  std::set<int> seqs;
  for (const auto& r : state.resolutions) {
    EXPECT_TRUE(seqs.insert(r.seq).second) << r.number;
    EXPECT_EQ(r.number, std::to_string(r.seq) + "/" + std::to_string(r.year) + "/NQ-HĐND");
  }
  EXPECT_EQ(seqs, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(Papers, ATimestampAuthorityMakesTheSignatureBT) {
  TempDir dir;
  TestTokens tokens(dir.path / "hsm");
  tokens.make("chu-tich", "111111", "/CN=Nguyễn Văn Hùng/O=HĐND xã Côn Minh");
  const auto cnf = tokens.makeTsa();
  // The local TSA (openssl ts -reply behind a small HTTP server), on a free port.
  FILE* tsa = popen(
      ("exec timeout 120 python3 " + std::string(TSA_SCRIPT) + " '" + cnf.string() + "'").c_str(),
      "r");
  ASSERT_NE(tsa, nullptr);
  int port = 0;
  ASSERT_EQ(std::fscanf(tsa, "%d", &port), 1);
  // A resolution's PDF as it may come from any office program: one page.
  const auto in = dir.path / "nq.pdf", out = dir.path / "nq-ky.pdf";
  writeOnePagePdf(in);
  const Output r =
      sh("env CHAMBER_TOKEN_PIN=111111 " + std::string(CHAMBERCTL_BIN) + " sign '" + in.string() +
         "' --out '" + out.string() + "' --module " + TestTokens::kModule +
         " --token chu-tich --key chu-tich-key --name 'Nguyễn Văn Hùng' "
         "--title 'Chủ tịch HĐND xã' --tsa http://127.0.0.1:" +
         std::to_string(port) + "/");
  sh("pkill -f '" + std::string(TSA_SCRIPT) + " " + cnf.string() + "'");
  pclose(tsa);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto mine = papers::verifyPdf(out.string(), tokens.caCert.string());
  ASSERT_EQ(mine.signatures.size(), 1u);
  EXPECT_TRUE(mine.valid());
  EXPECT_TRUE(mine.signatures[0].timestamped) << "PAdES B-T: a signature timestamp";
  const Output sig = sh("pdfsig '" + out.string() + "'");
  EXPECT_EQ(count(sig.out, "Signature is Valid."), 1u) << sig.out;
}
