#include "net/PublicApi.h"

#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <unordered_set>

#include "core/Authorization.h"
#include "core/Minutes.h"
#include "net/Feeds.h"
#include "net/HttpResponse.h"
#include "net/SafeOpen.h"
#include "net/ServerImpl.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"
#include "protocol/OpenData.h"
#include "protocol/StateView.h"

namespace chamber::net {

namespace {

namespace fs = std::filesystem;

json publicationJson(const core::Publication& p) {
  return {{"sha256", p.sha256},
          {"type", p.type},
          {"number", p.number},
          {"title", p.title},
          {"summary", p.summary},
          {"issuer", p.issuer},
          {"signer", p.signer},
          {"issued", p.issued},
          {"effective", p.effective},
          {"sitting", p.sitting},
          {"item", p.item},
          {"size", p.size},
          {"url", "/api/documents/" + p.sha256},
          {"published_ms", p.published_ms},
          {"adopted_ms", p.adopted_ms},
          // who signed it, when, and whether the file is as they signed it
          {"signatures", json::parse(p.signatures, nullptr, false).is_discarded()
                             ? json::object()
                             : json::parse(p.signatures)}};
}

fs::path archiveJsonOf(const ServerImpl& s, int sitting) {
  return s.cfg.archiveDir / ("sitting-" + std::to_string(sitting)) / "archive.json";
}

/// archive.json of a sitting as chamber-archive wrote it, or null.
json archiveOf(const ServerImpl& s, int sitting) {
  if (s.cfg.archiveDir.empty()) return nullptr;
  std::ifstream f(archiveJsonOf(s, sitting));
  if (!f) return nullptr;
  json j = json::parse(f, nullptr, false);
  return j.is_discarded() ? json(nullptr) : j;
}

const core::Sitting* publicSitting(const ServerImpl& s, const std::string& id) {
  if (id.empty() || id.size() > 9 || id.find_first_not_of("0123456789") != std::string::npos)
    return nullptr;
  const core::Sitting* st = s.state.sitting(std::stoi(id));
  return st && st->isPublic ? st : nullptr;
}

int sittingList(ServerImpl& s, lws* wsi, HttpRequest& r) {
  json list = json::array();
  for (const auto& [id, st] : s.state.sittings) {
    if (!st.isPublic) continue;
    int closedVotes = 0;
    for (const auto& [vid, v] : st.votes) closedVotes += v.status == core::VoteStatus::Closed;
    list.push_back({{"id", id},
                    {"number", st.number},
                    {"term", st.term},
                    {"title", st.title},
                    {"date", st.date},
                    {"time", st.time},
                    {"place", st.place},
                    {"status", core::name(st.status)},
                    {"items", st.agenda.size()},
                    {"votes", closedVotes},
                    {"archive", !s.cfg.archiveDir.empty() && fs::exists(archiveJsonOf(s, id))}});
  }
  return respondJson(wsi, r, 200, {{"sittings", list}});
}

int sittingDetail(ServerImpl& s, lws* wsi, HttpRequest& r, const core::Sitting& st) {
  json j = protocol::sittingView(st, core::Role::Public, "");
  // The size of each paper, so a phone on mobile data knows before it downloads.
  for (auto& item : j["agenda"])
    for (auto& d : item["documents"])
      if (const auto meta = s.store.documents.find(d.value("sha256", ""))) d["size"] = meta->size;
  // Attendance as a list a citizen reads: every delegate in office, present or not.
  json attendance = json::array();
  for (const auto& d : st.roster) {
    if (!d.inOffice) continue;
    attendance.push_back({{"id", d.id},
                          {"seat", d.seat},
                          {"name", d.name},
                          {"title", d.title},
                          {"present", st.isPresent(d.id)}});
  }
  j["attendanceList"] = attendance;
  json published = json::array();
  for (const auto& p : s.store.publications.list())
    if (p.sitting == st.id) published.push_back(publicationJson(p));
  j["publications"] = published;
  j["archive"] = archiveOf(s, st.id);
  // Interpellation in public: who asked whom, the answers, a written answer's due date.
  const std::string today = core::vietnamDate(nowMs());
  json questions = json::array();
  for (const auto& [qid, q] : st.questions) {
    const core::Delegate* from = st.delegate(q.from);
    const core::Responder* to = st.responder(q.to);
    const std::string due = q.due_ms ? core::vietnamDate(q.due_ms) : "";
    questions.push_back({{"id", qid},
                         {"group", q.group},
                         {"from", from ? from->name : q.from},
                         {"to", to ? to->name : q.to},
                         {"toTitle", to ? to->title : ""},
                         {"text", q.text},
                         {"status", core::name(q.status)},
                         {"answers", q.answers},
                         {"followUps", q.followUps},
                         {"writtenDue", due},
                         {"overdue", q.status == core::QuestionStatus::WrittenPending &&
                                         !due.empty() && today > due}});
  }
  j["interpellations"] = questions;
  return respondJson(wsi, r, 200, {{"sitting", j}});
}

int openDataIndex(ServerImpl& s, lws* wsi, HttpRequest& r) {
  json tables = json::array();
  for (const auto& t :
       protocol::openData(s.state, s.store.publications.list(), core::vietnamDate(nowMs())))
    tables.push_back({{"name", t.name},
                      {"columns", t.columns},
                      {"rows", t.rows.size()},
                      {"json", "/api/open-data/" + t.name + ".json"},
                      {"csv", "/api/open-data/" + t.name + ".csv"}});
  return respondJson(wsi, r, 200, {{"tables", tables}, {"licence", "CC BY 4.0"}, {"head", s.head}});
}

int openDataTable(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& file) {
  const auto dot = file.rfind('.');
  const std::string name = file.substr(0, dot),
                    ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  for (auto& t :
       protocol::openData(s.state, s.store.publications.list(), core::vietnamDate(nowMs()))) {
    if (t.name != name) continue;
    if (ext == "json") return respondJson(wsi, r, 200, protocol::toJson(t));
    if (ext == "csv") {
      r.status = 200;
      r.contentType = "text/csv; charset=utf-8";
      r.headers.emplace_back("content-disposition:", "attachment; filename=\"" + t.name + ".csv\"");
      r.body = protocol::toCsv(t);
      return respond(wsi, r);
    }
  }
  return respondError(wsi, r, 404, "not_found",
                      "Không có bảng dữ liệu này / no such table (.json or .csv)");
}

/// Only the names chamber-archive writes: nothing else under the folder is reachable. A
/// closed sitting's archive only with a member's token.
int archiveFile(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& rel) {
  static const std::regex allowed(
      R"(sitting-([0-9]{1,9})/(archive\.mp4|archive\.json|thumbs/chapter-[0-9]{1,6}\.jpg))");
  std::smatch m;
  if (s.cfg.archiveDir.empty() || !std::regex_match(rel, m, allowed))
    return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
  const core::Sitting* st = s.state.sitting(std::stoi(m[1].str()));
  if (!st) return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
  const bool isPublic = st->isPublic;
  if (!isPublic) {
    const auto who = bearerOf(s, wsi);
    if (!who)
      return respondError(wsi, r, 401, "not_authenticated",
                          "Cần đăng nhập / authentication required");
    if (!core::roleIn(who->role, core::Audience::Members))
      return respondError(wsi, r, 403, "forbidden", "Kỳ họp kín / a closed sitting");
    r.headers.emplace_back("vary:", "authorization");
  }
  struct stat sb {};
  const int fd = openBeneath(s.cfg.archiveDir, rel, sb);
  if (fd < 0) return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
  const fs::path path = s.cfg.archiveDir / rel;
  const std::string ext = path.extension().string();
  const std::string mime = ext == ".mp4"   ? "video/mp4"
                           : ext == ".jpg" ? "image/jpeg"
                                           : "application/json";
  const std::string etag = "\"" + std::to_string(sb.st_size) + "-" +
                           std::to_string(sb.st_mtim.tv_sec) + "." +
                           std::to_string(sb.st_mtim.tv_nsec) + "\"";
  const std::string cache = !isPublic        ? "private, no-store"
                            : ext == ".json" ? "no-cache"
                                             : "public, max-age=3600";
  return serveFile(wsi, r, {fd, {}, sb.st_size, etag, mime, cache});
}

/// Full-text search (store/Search.h) of what the reader may see: documents by the core's read
/// rule, petitions once moderated.
int search(ServerImpl& s, lws* wsi, HttpRequest& r) {
  const std::string q = urlArg(wsi, "q=");
  if (q.empty() || q.size() > 200 || !protocol::validUtf8(q))
    return respondError(wsi, r, 400, "bad_args",
                        "Cần từ khóa (tối đa 200 ký tự) / q: words to find");
  const auto who = bearerOf(s, wsi);
  const auto role = who ? who->role : core::Role::Public;
  std::unordered_set<std::string> published;
  for (const auto& p : s.store.publications.list()) published.insert(p.sha256);
  const auto hits = s.store.search.query(q, 30, [&](const store::Search::Hit& h) {
    if (h.kind == "petition") {
      const auto it = s.state.petitions.byCode.find(h.ref);
      return it != s.state.petitions.byCode.end() && it->second.isPublic() &&
             it->second.status != core::PetitionStatus::Merged;
    }
    const auto meta = s.store.documents.find(h.ref);
    return meta && core::mayReadDocument(s.state, role, meta->sha256, meta->classified,
                                         [&] { return published.count(meta->sha256) > 0; });
  });
  json list = json::array();
  for (const auto& h : hits) {
    const bool doc = h.kind == "document";
    list.push_back({{"kind", h.kind},
                    {"ref", h.ref},
                    {"title", h.title},
                    {"page", h.page},
                    {"snippet", h.snippet},
                    {"url", doc ? "/api/documents/" + h.ref +
                                      (h.page > 0 ? "#page=" + std::to_string(h.page) : "")
                                : "/petitions.html?code=" + h.ref}});
  }
  if (who) r.headers.emplace_back("vary:", "authorization");
  return respondJson(wsi, r, 200, {{"q", q}, {"hits", list}});
}

}  // namespace

std::optional<int> publicApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri) {
  if (uri.rfind("/archive/", 0) == 0) return archiveFile(s, wsi, r, uri.substr(9));
  if (auto answered = feeds(s, wsi, r, uri)) return *answered;
  if (uri == "/api/site")  // what every page of the portal says of whose it is
    return respondJson(wsi, r, 200,
                       {{"council", {{"vi", s.councilName()}, {"en", s.councilName(true)}}}});
  if (uri == "/api/sittings") return sittingList(s, wsi, r);
  if (uri.rfind("/api/sittings/", 0) == 0) {
    const core::Sitting* st = publicSitting(s, uri.substr(14));
    if (!st)
      return respondError(wsi, r, 404, "not_found",
                          "Không có kỳ họp công khai này / no such public sitting");
    return sittingDetail(s, wsi, r, *st);
  }
  if (uri == "/api/search") return search(s, wsi, r);
  if (uri == "/api/publications") {
    json list = json::array();
    for (const auto& p : s.store.publications.list()) list.push_back(publicationJson(p));
    return respondJson(wsi, r, 200, {{"publications", list}});
  }
  if (uri == "/api/open-data" || uri.rfind("/api/open-data/", 0) == 0) {
    // Open data is for anyone's programs, from any site.
    r.headers.emplace_back("access-control-allow-origin:", "*");
    if (uri == "/api/open-data") return openDataIndex(s, wsi, r);
    return openDataTable(s, wsi, r, uri.substr(15));
  }
  return std::nullopt;
}

}  // namespace chamber::net
