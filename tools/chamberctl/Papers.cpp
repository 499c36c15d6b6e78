#include "chamberctl/Papers.h"

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/Minutes.h"
#include "papers/Signatures.h"
#include "protocol/Json.h"
#include "store/Publish.h"
#ifdef CHAMBER_PAPERS
#include <QGuiApplication>

#include "papers/MinutesPdf.h"
#include "papers/Sign.h"
#endif

namespace chamber::ctl {

struct PaperOptions {
  CLI::App *resolution = nullptr, *number = nullptr, *minutes = nullptr, *text = nullptr,
           *save = nullptr, *finalise = nullptr, *sign = nullptr, *verifyPdf = nullptr;
  // resolution number
  std::string vote, kind = "individual", title;
  int sitting = 0;
  // minutes
  std::string out, file, base, sha;
  bool draft = false;
  // sign
  std::string in, module, token, key, name, signerTitle, reason, location, position, tsa, field;
  bool seal = false;
  // verify-pdf, publish
  std::string trust;
  CLI::App* publish = nullptr;
  std::string resolutionNumber;
  int year = 0;
};

namespace {

const core::Actor kCtl{core::Role::Secretary, "chamberctl"};

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int refuse(const core::Decision& d) {
  std::cerr << "chamberctl: " << d.error->code << ": " << d.error->message << "\n";
  return 2;
}

/// The PIN: CHAMBER_TOKEN_PIN, or typed at the terminal without echo.
std::string tokenPin() {
  if (const char* p = std::getenv("CHAMBER_TOKEN_PIN")) return p;
  std::cerr << "Mã PIN của thẻ ký số / token PIN: " << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string pin;
  std::getline(std::cin, pin);
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return pin;
}

const core::Sitting* sittingOf(const core::State& state, int id) {
  const core::Sitting* s = id ? state.sitting(id) : state.current();
  if (!s) throw std::runtime_error("Không có kỳ họp " + std::to_string(id) + " / no such sitting");
  return s;
}

#ifdef CHAMBER_PAPERS
/// Qt draws the pages: a QGuiApplication without a screen.
std::unique_ptr<QGuiApplication> guiApp(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int n = 1;
  (void)argc;
  return std::make_unique<QGuiApplication>(n, argv);
}
#endif

}  // namespace

PaperCommands::PaperCommands(CLI::App& app) : o_(std::make_unique<PaperOptions>()) {
  auto& o = *o_;
  o.resolution = app.add_subcommand("resolution", "nghị quyết / resolutions");
  o.number = o.resolution->add_subcommand(
      "number", "give a passed motion its resolution number (12/NQ-HĐND, 21/2026/NQ-HĐND)");
  o.number->add_option("--vote", o.vote, "the vote that adopted it (v2)")->required();
  o.number->add_option("--kind", o.kind, "individual (cá biệt) or normative (quy phạm)")
      ->check(CLI::IsMember({"individual", "normative"}))
      ->capture_default_str();
  o.number->add_option("--title", o.title, "the resolution's title (the vote's when left out)");
  o.number->add_option("--sitting", o.sitting, "the sitting (the current one when left out)");
  o.resolution->require_subcommand(1);

  o.minutes = app.add_subcommand(
      "minutes", "biên bản / the minutes: --out FILE.pdf writes the final text as PDF");
  o.minutes->add_option("--sitting", o.sitting, "the sitting (the current one when left out)");
  o.minutes->add_option("--out", o.out, "write the PDF here (Decree 30 layout, PDF/A-2b)");
  o.minutes->add_flag("--draft", o.draft, "the latest version, marked DỰ THẢO (not yet final)");
  o.text = o.minutes->add_subcommand("text", "print the latest text (--draft: the generated one)");
  o.save = o.minutes->add_subcommand("save", "save a corrected text (the secretary's)");
  o.save->add_option("--file", o.file, "the corrected text")->required()->check(CLI::ExistingFile);
  o.save->add_option("--base", o.base, "sha256 of the version it was corrected from")->required();
  o.finalise = o.minutes->add_subcommand("finalise", "make the latest version final");
  o.finalise->add_option("--sha256", o.sha, "the latest version's sha256, as read")->required();

  o.sign = app.add_subcommand("sign", "ký số / sign a PDF with a PKCS#11 token (PAdES)");
  o.sign->add_option("in", o.in, "the PDF to sign")->required()->check(CLI::ExistingFile);
  o.sign->add_option("--out", o.out, "the signed PDF")->required();
  o.sign->add_option("--module", o.module, "PKCS#11 module (opensc-pkcs11.so, libsofthsm2.so)")
      ->required();
  o.sign->add_option("--token", o.token, "the token's label")->required();
  o.sign->add_option("--key", o.key, "the key's label on the token")->required();
  o.sign->add_option("--name", o.name, "the signer's name as shown")->required();
  o.sign->add_option("--title", o.signerTitle, "the signer's title, or the organisation's name");
  o.sign->add_option("--reason", o.reason, "why: Chủ tọa kỳ họp, Đóng dấu cơ quan, …");
  o.sign->add_option("--location", o.location, "where: Côn Minh");
  o.sign->add_flag("--seal", o.seal, "the organisation's seal (a round stamp)");
  o.sign->add_option("--position", o.position,
                     "page,left,top,width,height in mm (page 0: the last; default: the chair's "
                     "or the seal's place on minutes)");
  o.sign->add_option("--tsa", o.tsa, "RFC 3161 timestamp authority (http://…): PAdES B-T");
  o.sign->add_option("--field", o.field, "the signature field's name");

  o.publish = app.add_subcommand(
      "publish", "công bố văn bản đã ký / publish a signed paper, its fields from the record");
  o.publish->add_option("pdf", o.in, "the signed PDF")->required()->check(CLI::ExistingFile);
  o.publish->add_option("--resolution", o.resolutionNumber,
                        "a resolution's number (12/NQ-HĐND); without it: minutes rendered here");
  o.publish->add_option("--year", o.year, "the resolution's year (the latest when left out)");
  o.publish->add_option("--trust", o.trust, "PEM file of the CAs to trust");

  o.verifyPdf = app.add_subcommand("verify-pdf", "kiểm tra chữ ký số / check a PDF's signatures");
  o.verifyPdf->add_option("pdf", o.in)->required()->check(CLI::ExistingFile);
  o.verifyPdf->add_option("--trust", o.trust, "PEM file of the CAs to trust");
}

PaperCommands::~PaperCommands() = default;

int PaperCommands::runStandalone(int argc, char** argv) {
  auto& o = *o_;
  if (o.verifyPdf->parsed()) {
    const auto r = papers::verifyPdf(o.in, o.trust);
    if (!r.error.empty()) std::cout << r.error << "\n";
    int i = 0;
    for (const auto& s : r.signatures)
      std::cout << ++i << ". " << (s.intact ? "nguyên vẹn / intact" : "HỎNG / BROKEN") << "; "
                << s.signer << " (" << s.issuer << "), " << s.signedAt
                << (s.wholeFile ? "; toàn bộ tệp / whole file" : "")
                << (s.trusted ? "; tin cậy / trusted" : "")
                << (s.timestamped ? "; có dấu thời gian / timestamped" : "")
                << (s.problem.empty() ? "" : "; " + s.problem) << "\n";
    std::cout << (r.valid() ? "HỢP LỆ / VALID" : "KHÔNG HỢP LỆ / NOT VALID") << "\n";
    return r.valid() ? 0 : 1;
  }
  if (!o.sign->parsed()) return -1;
#ifdef CHAMBER_PAPERS
  auto gui = guiApp(argc, argv);
  papers::SignRequest r;
  r.in = o.in;
  r.out = o.out;
  r.key = {o.module, o.token, o.key, tokenPin()};
  r.name = o.name;
  r.title = o.signerTitle;
  r.reason = o.reason.empty() ? (o.seal ? "Đóng dấu cơ quan" : "Ký duyệt") : o.reason;
  r.location = o.location;
  r.seal = o.seal;
  r.tsaUrl = o.tsa;
  r.field = o.field;
  if (!o.position.empty()) {
    char c = 0;
    std::istringstream in(o.position);
    if (!(in >> r.page >> c >> r.left >> c >> r.top >> c >> r.width >> c >> r.height) ||
        r.width <= 0 || r.height <= 0)
      throw std::runtime_error("--position: page,left,top,width,height (mm)");
  }
  papers::signPdf(r);
  const auto check = papers::verifyPdf(r.out);
  std::cout << "Đã ký / signed: " << r.out << " (" << check.signatures.size()
            << " chữ ký / signatures, " << (check.valid() ? "hợp lệ / valid" : "KHÔNG HỢP LỆ")
            << ")\n";
  return check.valid() ? 0 : 1;
#else
  (void)argc, (void)argv;
  throw std::runtime_error("chamberctl was built without Qt: signing is not available");
#endif
}

int PaperCommands::publishSigned(store::Store& st, core::State& state) {
  auto& o = *o_;
  const auto check = papers::verifyPdf(o.in, o.trust);
  if (!check.valid()) {
    std::cerr << "chamberctl: Văn bản chưa có chữ ký số hợp lệ, không công bố / not published: "
                 "the paper has no valid signature"
              << (check.error.empty() ? "" : " (" + check.error + ")") << "\n";
    for (const auto& s : check.signatures)
      if (!s.problem.empty()) std::cerr << "  " << s.problem << "\n";
    return 2;
  }
  auto pub = store::publicationOf(state, o.in, check, o.resolutionNumber, o.year);
  if (!pub)
    throw std::runtime_error(
        o.resolutionNumber.empty()
            ? "Không nhận ra văn bản: không phải biên bản in từ hệ thống (chamberctl minutes "
              "--out) / not a signed copy of minutes rendered here; for a resolution give "
              "--resolution"
            : "Không có nghị quyết số " + o.resolutionNumber);
  const auto meta = st.documents.addFile(o.in, pub->title, false, nowMs());
  pub->sha256 = meta.sha256;
  pub->published_ms = nowMs();
  st.publications.put(*pub);
  const auto minutes = (pub->published_ms - pub->adopted_ms) / 60000;
  std::cout << pub->number << "  " << pub->title << " — công bố / published, "
            << check.signatures.size() << " chữ ký / signatures; " << minutes / 60 << " giờ "
            << minutes % 60 << " phút sau khi thông qua / after adoption\n";
  return 0;
}

int PaperCommands::runOnStore(store::Store& st, core::State& state, int argc, char** argv) {
  auto& o = *o_;
  if (o.number->parsed()) {
    const auto kind = nlohmann::json(o.kind).get<core::ResolutionKind>();
    std::vector<store::StoredEvent> stored;
    const auto d = st.run(state, kCtl, core::NumberResolution{o.vote, kind, o.title, o.sitting},
                          nowMs(), &stored);
    if (!d.ok()) return refuse(d);
    const auto& r = std::get<core::ResolutionNumbered>(d.events.at(0));
    std::cout << r.number << "  " << r.title << " (" << r.vote << ")\n";
    return 0;
  }
  if (o.publish->parsed()) return publishSigned(st, state);
  if (!o.minutes->parsed()) return -1;
  const core::Sitting* s = sittingOf(state, o.sitting);
  const core::Minutes& m = s->minutes;
  if (o.save->parsed()) {
    std::ifstream f(o.file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(f), {}};
    const auto d = st.run(state, kCtl, core::SaveMinutes{s->id, text, o.base, ""}, nowMs());
    if (!d.ok()) return refuse(d);
    const auto& v = std::get<core::MinutesSaved>(d.events.at(0));
    std::cout << "Đã lưu bản / saved version " << v.version << ": " << v.sha256 << "\n";
    return 0;
  }
  if (o.finalise->parsed()) {
    const auto d = st.run(state, kCtl, core::FinaliseMinutes{s->id, o.sha}, nowMs());
    if (!d.ok()) return refuse(d);
    const auto& v = std::get<core::MinutesFinalised>(d.events.at(0));
    std::cout << "Biên bản đã hoàn thành / final: version " << v.version << " " << v.sha256 << "\n"
              << v.diff;
    return 0;
  }
  if (!m.latest())
    throw std::runtime_error("Kỳ họp chưa bế mạc: chưa có biên bản / no minutes before the close");
  if (o.text->parsed()) {
    const auto& v = o.draft ? m.versions.front() : *m.latest();
    std::cout << v.text;
    std::cerr << "version " << v.version << " sha256 " << v.sha256 << "\n";
    return 0;
  }
  if (o.out.empty()) throw std::runtime_error("minutes: --out FILE.pdf, or text|save|finalise");
  if (!o.draft && m.finalVersion < 0)
    throw std::runtime_error(
        "Biên bản chưa hoàn thành (minutes finalise), hoặc dùng --draft / not final yet: "
        "finalise it, or --draft");
#ifdef CHAMBER_PAPERS
  auto gui = guiApp(argc, argv);
  const auto& v = o.draft ? *m.latest() : m.versions.at(static_cast<std::size_t>(m.finalVersion));
  const auto layout =
      papers::writeMinutesPdf(core::parseMinutes(v.text), QString::fromStdString(o.out), o.draft);
  papers::preparePdf(o.out, o.draft ? std::vector<papers::SignatureSlot>{} : layout.places);
  std::cout << o.out << ": " << layout.pages << " trang / pages (bản / version " << v.version
            << ")\n";
  if (!o.draft) {  // kept, so that the copies signed from it are known for what they are
    const auto meta = st.documents.addFile(
        o.out, "Biên bản kỳ họp thứ " + std::to_string(s->number) + " (chưa ký)", false, nowMs());
    const auto d =
        st.run(state, kCtl, core::RecordMinutesPdf{s->id, meta.sha256, meta.size}, nowMs());
    if (!d.ok() && d.error->code != "unchanged") return refuse(d);
  }
  return 0;
#else
  (void)argc, (void)argv;
  throw std::runtime_error("chamberctl was built without Qt: the PDF is not available");
#endif
}

}  // namespace chamber::ctl
