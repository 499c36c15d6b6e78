// chamberctl: the council's administration from the command line — council and accounts,
// sittings and their agenda, documents, device tokens, exports and open data, and
// `verify` of the event log. Works on the data folder (the server takes in what it adds).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "chamberctl/Import.h"
#include "chamberctl/Papers.h"
#include "chamberctl/Petitions.h"
#include "core/Minutes.h"
#include "protocol/Csv.h"
#include "protocol/Json.h"
#include "protocol/OpenData.h"
#include "store/Backup.h"

using namespace chamber;
using protocol::json;

namespace {

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const core::Actor kCtl{core::Role::Operator, "chamberctl"};

int run(store::Store& st, core::State& state, const core::Command& cmd) {
  const auto d = st.run(state, kCtl, cmd, nowMs());
  if (!d.ok()) {
    std::cerr << "chamberctl: " << d.error->code << ": " << d.error->message << "\n";
    return 2;
  }
  return 0;
}

void writeFile(const std::filesystem::path& p, const std::string& s) {
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << s;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chamberctl — quản trị HĐND / council administration"};
  std::filesystem::path data = "data";
  app.add_option("--data", data, "data folder of the server")->capture_default_str();
  app.require_subcommand(1);

  // council import
  auto* council = app.add_subcommand("council", "đại biểu / delegates");
  std::filesystem::path csv;
  int iterations = 60000;
  auto* import = council->add_subcommand(
      "import", "import delegates from CSV (seat,id,name,title,role,in_office,pin)");
  import->add_option("csv", csv)->required()->check(CLI::ExistingFile);
  import->add_option("--pin-iterations", iterations, "PBKDF2 iterations for PINs")
      ->capture_default_str();
  int pinDigits = 6;
  import->add_option("--pin-digits", pinDigits, "shortest PIN allowed (digits)")
      ->capture_default_str()
      ->check(CLI::Range(4, 12));
  council->require_subcommand(1);

  // account add
  auto* account = app.add_subcommand(
      "account", "add an account (operator, media, display, responder, secretary)");
  std::string accId, accName, accTitle, accRole, accPassword;
  account->add_option("--id", accId)->required();
  account->add_option("--name", accName)->required();
  account->add_option("--title", accTitle);
  account->add_option("--role", accRole)->required();
  account->add_option(
      "--password", accPassword,
      "the password (shows in ps: prefer CHAMBER_ACCOUNT_PASSWORD or a line on standard input)");

  // sitting create
  auto* sitting = app.add_subcommand("sitting", "kỳ họp / sittings");
  auto* create = sitting->add_subcommand("create", "create a sitting with its agenda (JSON)");
  core::CreateSitting cs;
  std::filesystem::path agendaFile, rulesFile;
  bool closed = false;
  create->add_option("--number", cs.number)->required();
  create->add_option("--term", cs.term);
  create->add_option("--title", cs.title)->required();
  create->add_option("--date", cs.date);
  create->add_option("--time", cs.time,
                     "start time in Vietnam, HH:MM (the portal shows it, and its calendar file)");
  create->add_option("--place", cs.place);
  create->add_flag("--closed", closed, "a closed sitting (not public)");
  create->add_option("--agenda", agendaFile, "agenda JSON")->required()->check(CLI::ExistingFile);
  create->add_option("--rules", rulesFile, "rule set TOML (default: Vietnamese defaults)")
      ->check(CLI::ExistingFile);
  sitting->require_subcommand(1);

  // document attach
  auto* document = app.add_subcommand("document", "tài liệu / documents");
  auto* attach = document->add_subcommand("attach", "store a PDF and attach it to an agenda item");
  std::filesystem::path pdf;
  std::string item, docTitle;
  bool classified = false;
  attach->add_option("pdf", pdf)->required()->check(CLI::ExistingFile);
  attach->add_option("--item", item)->required();
  attach->add_option("--title", docTitle)->required();
  attach->add_flag("--classified", classified, "mật: only for those cleared, never published");
  auto* publish = document->add_subcommand(
      "publish", "công bố / publish a PDF on the portal (Decree 42/2022 fields)");
  core::Publication pub;
  std::filesystem::path pubPdf;
  publish->add_option("pdf", pubPdf)->required()->check(CLI::ExistingFile);
  publish->add_option("--type", pub.type, "loại văn bản: Nghị quyết, Biên bản, Báo cáo, …")
      ->required();
  publish->add_option("--number", pub.number, "số, ký hiệu: 12/NQ-HĐND")->required();
  publish->add_option("--title", pub.title, "tên văn bản")->required();
  publish->add_option("--summary", pub.summary, "trích yếu");
  publish->add_option("--issuer", pub.issuer, "cơ quan ban hành")->required();
  publish->add_option("--signer", pub.signer, "người ký");
  publish->add_option("--issued", pub.issued, "ngày ban hành YYYY-MM-DD")->required();
  publish->add_option("--effective", pub.effective, "ngày có hiệu lực YYYY-MM-DD");
  publish->add_option("--sitting", pub.sitting, "the sitting that adopted it");
  publish->add_option("--item", pub.item, "its agenda item");
  document->require_subcommand(1);

  // token
  auto* token =
      app.add_subcommand("token", "issue a device token for a delegate's tablet or an account");
  int seat = 0;
  int tokenDays = 30;
  std::string tokenAccount, device = "tablet";
  token->add_option("--seat", seat);
  token->add_option("--account", tokenAccount);
  token->add_option("--device", device)->capture_default_str();
  token->add_option("--days", tokenDays, "valid for this many days")->capture_default_str();
  auto* tokenList =
      token->add_subcommand("list", "the device tokens: id, who, device, issued, expires, revoked");
  auto* tokenRevoke = token->add_subcommand(
      "revoke", "revoke a token by its id (from list), or all of a seat/account");
  std::string revokeId;
  bool revokeAll = false;
  tokenRevoke->add_option("id", revokeId, "the token's id, as list shows it");
  tokenRevoke->add_option("--seat", seat);
  tokenRevoke->add_option("--account", tokenAccount);
  tokenRevoke->add_flag("--all", revokeAll, "every token of everyone");

  // sign-in throttle
  auto* signin = app.add_subcommand("signin", "đăng nhập / sign-in");
  auto* signinClear =
      signin->add_subcommand("clear", "let a seat sign in again at once after wrong PINs");
  int clearSeat = 0;
  signinClear->add_option("--seat", clearSeat)->required();
  signin->require_subcommand(1);

  // export
  auto* exportCmd = app.add_subcommand("export", "xuất dữ liệu / export");
  auto* events = exportCmd->add_subcommand("events", "the event log (JSON or CSV)");
  std::string format = "json";
  std::filesystem::path out;
  events->add_option("--format", format)
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  events->add_option("--out", out, "file (default: standard output)");
  auto* open = exportCmd->add_subcommand("open-data",
                                         "open data of public sittings: JSON and CSV per table");
  std::filesystem::path openDir = "open-data";
  open->add_option("--out", openDir, "folder")->capture_default_str();
  exportCmd->require_subcommand(1);

  auto* verify = app.add_subcommand("verify", "check the event log's hash chain");

  // backup, restore
  std::filesystem::path backupOut, restoreFrom;
  auto* backupCmd = app.add_subcommand(
      "backup", "a consistent copy of the data folder while the server runs, verified");
  backupCmd->add_option("--out", backupOut, "an empty folder for the copy")->required();
  auto* restoreCmd =
      app.add_subcommand("restore", "bring a backup back into --data (an empty folder), verified");
  restoreCmd->add_option("--from", restoreFrom, "the backup folder")->required();

  ctl::PaperCommands papers(app);
  ctl::PetitionCommands petitions(app);

  CLI11_PARSE(app, argc, argv);

  try {
    if (int rc = papers.runStandalone(argc, argv); rc >= 0) return rc;
    if (backupCmd->parsed() || restoreCmd->parsed()) {
      const bool back = backupCmd->parsed();
      const auto r = back ? store::backup(data, backupOut) : store::restore(restoreFrom, data);
      std::cout << (back ? "Sao lưu / backed up " : "Khôi phục / restored ") << r.events
                << " sự kiện (chuỗi băm toàn vẹn / chain intact, head " << r.headHash << "), "
                << r.documents << " tài liệu, " << (r.bytes >> 10) << " KiB → "
                << (back ? backupOut : data).string() << "\n";
      return 0;
    }
    store::Store st(data);
    std::int64_t head = 0;
    core::State state = st.load(head);
    if (int rc = papers.runOnStore(st, state, argc, argv); rc >= 0) return rc;
    if (int rc = petitions.runOnStore(st, state); rc >= 0) return rc;

    if (import->parsed()) {
      const auto delegates = ctl::readDelegatesCsv(csv, pinDigits);
      int revoked = 0;  // a new council: every tablet signs in again, with the role it has now
      for (const auto& tk : st.council.tokens()) revoked += !tk.revoked;
      store::Transaction t(st.db);
      for (const auto& d : delegates) st.council.putDelegate(d.delegate, d.pin, iterations);
      st.council.revokeTokens("");
      t.commit();
      if (revoked) std::cout << "Thu hồi / revoked " << revoked << " mã thiết bị / device tokens\n";
      std::cout << "Đã nhập / imported " << delegates.size() << " đại biểu\n";
    } else if (account->parsed()) {
      auto role = core::roleFromName(accRole);
      if (!role || *role == core::Role::Public) throw std::runtime_error("unknown role " + accRole);
      if (accPassword.empty() && std::getenv("CHAMBER_ACCOUNT_PASSWORD"))
        accPassword = std::getenv("CHAMBER_ACCOUNT_PASSWORD");
      if (accPassword.empty()) std::getline(std::cin, accPassword);
      if (accPassword.size() < 8)
        throw std::runtime_error(
            "mật khẩu cần ít nhất 8 ký tự / a password of at least 8 characters");
      st.council.putAccount(accId, accName, accTitle, *role, accPassword, 60000);
      std::cout << "account " << accId << " (" << accRole << ")\n";
    } else if (create->parsed()) {
      cs.isPublic = !closed;
      cs.agenda = ctl::readAgendaJson(agendaFile);
      if (!rulesFile.empty()) cs.rules = ctl::readRulesToml(rulesFile);
      if (int rc = run(st, state, cs)) return rc;
      std::cout << "Kỳ họp / sitting " << state.sittings.rbegin()->first << ": " << cs.title << " ("
                << cs.agenda.size() << " mục)\n";
    } else if (attach->parsed()) {
      const auto meta = st.documents.addFile(pdf, docTitle, classified, nowMs());
      if (int rc = run(st, state, core::AttachDocument{item, {meta.sha256, docTitle, classified}}))
        return rc;
      std::cout << meta.sha256 << "  " << docTitle << " → " << item << "\n";
    } else if (publish->parsed()) {
      const auto meta = st.documents.addFile(pubPdf, pub.title, false, nowMs());
      pub.sha256 = meta.sha256;
      pub.published_ms = nowMs();
      st.publications.put(pub);
      std::cout << meta.sha256 << "  " << pub.number << " " << pub.title
                << " (công bố / published)\n";
    } else if (tokenList->parsed()) {
      for (const auto& t : st.council.tokens())
        std::cout << t.id << "  " << t.principal << "  " << json(t.label).dump() << "  issued "
                  << t.created_ms << "  expires " << t.expires_ms
                  << (t.revoked                 ? "  REVOKED"
                      : t.expires_ms <= nowMs() ? "  EXPIRED"
                                                : "")
                  << "\n";
    } else if (tokenRevoke->parsed()) {
      std::string who = tokenAccount;
      if (seat > 0)
        for (const auto& d : st.council.delegates())
          if (d.seat == seat) who = d.id;
      int n = 0;
      if (!revokeId.empty())
        n = st.council.revokeToken(revokeId);
      else if (revokeAll)
        n = st.council.revokeTokens("");
      else if (!who.empty())
        n = st.council.revokeTokens(who);
      else
        throw std::runtime_error("name a token id, --seat, --account or --all");
      std::cout << "Thu hồi / revoked " << n << " mã thiết bị / device tokens\n";
      if (n == 0 && !revokeId.empty()) return 1;
    } else if (signinClear->parsed()) {
      core::ClearSignIn c;
      c.seat = clearSeat;
      if (const int rc = run(st, state, c)) return rc;
      std::cout << "Ghế " << clearSeat << " đăng nhập lại được / seat " << clearSeat
                << " may sign in again\n";
    } else if (token->parsed()) {
      std::optional<store::Principal> p;
      if (seat > 0) {
        for (const auto& d : st.council.delegates())
          if (d.seat == seat) p = store::Principal{d.role, d.id, d.name};
      } else if (!tokenAccount.empty()) {
        auto a = st.db.prepare("SELECT id, name, role FROM accounts WHERE id = ?");
        a.bind(1, tokenAccount);
        if (a.step())
          p = store::Principal{core::roleFromName(a.text(2)).value_or(core::Role::Public),
                               a.text(0), a.text(1)};
      }
      if (!p) throw std::runtime_error("no such seat or account");
      std::cout << st.council.issueToken(*p, device, nowMs(), tokenDays * 86400000LL) << "\n";
    } else if (events->parsed()) {
      std::string text;
      if (format == "json") {
        json arr = json::array();
        st.log.forEach(0, [&](const store::StoredEvent& e) {
          arr.push_back({{"seq", e.seq},
                         {"ts", e.ts_ms},
                         {"sitting", e.sitting},
                         {"actor", e.actor},
                         {"kind", e.kind},
                         {"data", json::parse(e.data)},
                         {"prev_hash", e.prevHash},
                         {"hash", e.hash}});
        });
        text = arr.dump(2) + "\n";
      } else {
        text = protocol::csvRow(
            {"seq", "ts", "sitting", "actor", "kind", "data", "prev_hash", "hash"});
        st.log.forEach(0, [&](const store::StoredEvent& e) {
          text += protocol::csvRow({std::to_string(e.seq), std::to_string(e.ts_ms),
                                    std::to_string(e.sitting), e.actor, e.kind, e.data, e.prevHash,
                                    e.hash});
        });
      }
      if (out.empty())
        std::cout << text;
      else
        writeFile(out, text);
    } else if (open->parsed()) {
      for (const auto& t :
           protocol::openData(state, st.publications.list(), core::vietnamDate(nowMs()))) {
        writeFile(openDir / (t.name + ".json"), protocol::toJson(t).dump(2) + "\n");
        writeFile(openDir / (t.name + ".csv"), protocol::toCsv(t));
        std::cout << t.name << ": " << t.rows.size() << " rows\n";
      }
    } else if (verify->parsed()) {
      const auto problems = st.log.verify();
      for (const auto& p : problems) std::cout << "seq " << p.seq << ": " << p.what << "\n";
      if (!problems.empty()) {
        std::cout << "NHẬT KÝ BỊ SỬA ĐỔI / THE LOG WAS TAMPERED WITH: " << problems.size()
                  << " problems\n";
        return 1;
      }
      std::cout << "OK: " << head << " events, chain intact; head hash "
                << (head ? st.log.readAfter(head - 1).at(0).hash : std::string("-")) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "chamberctl: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
