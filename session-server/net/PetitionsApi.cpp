// Citizens' petitions over HTTP: the portal's form (no account: a proof of work and limits per
// address and contact), following one by its code (page and Atom feed), the public list and the
// period's report, and for staff the register, the senders and a CSV import of the petitions
// collected at meetings with voters. Moderation, routing and answers are chamber.v1 commands
// (petition.*), like every other change. Nothing here ever shows a sender's name or contact
// outside the staff's own endpoint.
#include "net/PetitionsApi.h"

#include <algorithm>

#include "core/Authorization.h"
#include "core/Minutes.h"
#include "core/PetitionReport.h"
#include "net/Feeds.h"
#include "net/HttpResponse.h"
#include "net/ServerImpl.h"
#include "protocol/Csv.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"
#include "store/Crypto.h"

namespace chamber::net {

namespace {

std::string today() {
  return core::vietnamDate(nowMs());
}

std::string topicLabel(const core::State& st, const std::string& key) {
  const auto* t = st.petitions.catalogue.topic(key);
  return t ? t->label : key;
}

/// What anyone may read of a petition: never who sent it, never its text as received; the
/// moderated text once accepted, the answer once published.
json publicJson(const core::State& st, const core::Petition& p, const std::string& day) {
  json history = json::array();
  for (const auto& h : p.history)
    history.push_back(
        {{"status", core::name(h.status)}, {"label", core::labelVi(h.status)}, {"at_ms", h.at_ms}});
  json j{{"code", p.code},
         {"status", core::name(p.status)},
         {"statusLabel", core::labelVi(p.status)},
         {"channel", p.channel},
         {"channelLabel", core::channelLabel(p.channel)},
         {"topic", p.topic},
         {"topicLabel", topicLabel(st, p.topic)},
         {"area", p.area},
         {"received_ms", p.received_ms},
         {"senders", p.senders},
         {"history", history},
         {"overdue", p.overdue(day)},
         {"due", p.due},
         {"url", "/petitions.html?code=" + p.code},
         {"feed", "/api/petitions/" + p.code + ".atom"}};
  if (p.isPublic() && p.status != core::PetitionStatus::Merged) j["text"] = p.publicText;
  if (p.status == core::PetitionStatus::Rejected) j["reason"] = p.reason;
  if (p.status == core::PetitionStatus::Merged) j["mergedInto"] = p.mergedInto;
  if (!p.duplicates.empty()) j["duplicates"] = p.duplicates;
  if (const auto* r = st.responder(p.responder))
    j["responder"] = {{"name", r->name}, {"title", r->title}};
  if (p.status == core::PetitionStatus::Published) {
    j["answer"] = p.answer;
    if (const auto* r = st.responder(p.answeredBy))
      j["answeredBy"] = {{"name", r->name}, {"title", r->title}};
    for (const auto& h : p.history)
      if (h.status == core::PetitionStatus::Answered) j["answered_ms"] = h.at_ms;
  }
  json links = json::array();
  for (const auto& l : p.links) links.push_back({{"kind", l.kind}, {"ref", l.ref}});
  j["links"] = links;
  return j;
}

/// The register as staff see it: the text as received too (it may name people), never the
/// senders (GET /api/petitions/<code>/senders).
json staffJson(const core::State& st, const core::Petition& p, const std::string& day) {
  json j = publicJson(st, p, day);
  j["receivedText"] = p.text;
  j["publicText"] = p.publicText;
  j["meeting"] = p.meeting;
  j["responderId"] = p.responder;
  if (!p.answer.empty()) j["answer"] = p.answer;
  return j;
}

json reportJson(const core::PetitionReport& r) {
  auto tally = [](const core::PetitionTally& t) {
    return json{{"key", t.key},
                {"label", t.label},
                {"petitions", t.petitions},
                {"senders", t.senders},
                {"rejected", t.rejected},
                {"pending", t.pending},
                {"answered", t.answered},
                {"published", t.published},
                {"overdue", t.overdue},
                {"answerRate", t.answerRate}};
  };
  auto rows = [&](const std::vector<core::PetitionTally>& v) {
    json a = json::array();
    for (const auto& t : v) a.push_back(tally(t));
    return a;
  };
  return {{"title", "Báo cáo tổng hợp ý kiến, kiến nghị của cử tri"},
          {"from", r.from},
          {"to", r.to},
          {"today", r.today},
          {"total", tally(r.total)},
          {"byTopic", rows(r.byTopic)},
          {"byArea", rows(r.byArea)},
          {"byChannel", rows(r.byChannel)}};
}

/// One petition's steps as an Atom feed: a citizen's reader tells them when it moves.
int petitionFeed(ServerImpl& s, lws* wsi, HttpRequest& r, const core::Petition& p) {
  const std::string base = "urn:chamber:petition:" + p.code;
  std::string x = R"(<?xml version="1.0" encoding="utf-8"?>)"
                  "\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  x += "<title>Kiến nghị " + xmlEscape(p.code) + " / Petition " + xmlEscape(p.code) + "</title>\n";
  x += "<id>" + base + "</id>\n";
  x += "<link rel=\"alternate\" href=\"/petitions.html?code=" + xmlEscape(p.code) + "\"/>\n";
  x += "<updated>" + isoTime(p.history.empty() ? p.received_ms : p.history.back().at_ms) +
       "</updated>\n<author><name>" + xmlEscape(s.councilName()) + "</name></author>\n";
  for (auto it = p.history.rbegin(); it != p.history.rend(); ++it) {
    std::string summary = std::string(core::labelVi(it->status));
    if (it->status == core::PetitionStatus::Rejected) summary += ": " + p.reason;
    if (it->status == core::PetitionStatus::Published) summary += ": " + p.answer;
    if (it->status == core::PetitionStatus::Merged) summary += ": " + p.mergedInto;
    x += "<entry><title>" + xmlEscape(std::string(core::labelVi(it->status))) + "</title><id>" +
         base + ":" + std::string(core::name(it->status)) + ":" + std::to_string(it->at_ms) +
         "</id><updated>" + isoTime(it->at_ms) + "</updated><summary>" + xmlEscape(summary) +
         "</summary></entry>\n";
  }
  x += "</feed>\n";
  r.status = 200;
  r.contentType = "application/atom+xml; charset=utf-8";
  r.headers.emplace_back("cache-control:", "no-cache");
  r.body = std::move(x);
  return respond(wsi, r);
}

int listPublic(ServerImpl& s, lws* wsi, HttpRequest& r) {
  const std::string topic = urlArg(wsi, "topic="), area = urlArg(wsi, "area="),
                    status = urlArg(wsi, "status=");
  const std::string day = today();
  json list = json::array();
  int matching = 0;
  const auto& all = s.state.petitions.byCode;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {  // newest first (codes sort by time)
    const auto& p = it->second;
    if (!p.isPublic() || p.status == core::PetitionStatus::Merged) continue;
    if ((!topic.empty() && p.topic != topic) || (!area.empty() && p.area != area)) continue;
    if (status == "overdue" ? !p.overdue(day) : (!status.empty() && core::name(p.status) != status))
      continue;
    if (++matching <= 100) list.push_back(publicJson(s.state, p, day));
  }
  json topics = json::array(), areas = json::array();
  for (const auto& t : s.state.petitions.catalogue.topics)
    topics.push_back({{"key", t.key}, {"label", t.label}});
  for (const auto& a : s.state.petitions.catalogue.areas) areas.push_back(a);
  return respondJson(
      wsi, r, 200,
      {{"petitions", list},
       {"matching", matching},
       {"topics", topics},
       {"areas", areas},
       {"answerDays", s.state.petitions.catalogue.answerDays},
       {"report", reportJson(core::petitionReport(s.state.petitions, "", "", day))}});
}

std::optional<store::Principal> staffOrResponder(ServerImpl& s, lws* wsi, HttpRequest& r,
                                                 int& answered, bool staffOnly) {
  const auto who = bearerOf(s, wsi);
  if (!who) {
    answered =
        respondError(wsi, r, 401, "not_authenticated", "Cần đăng nhập / authentication required");
    return std::nullopt;
  }
  const bool staff = core::roleIn(who->role, core::Audience::Staff);
  if (!staff && (staffOnly || who->role != core::Role::Responder)) {
    answered = respondError(wsi, r, 403, "forbidden", "Không được xem sổ kiến nghị / not allowed");
    return std::nullopt;
  }
  r.headers.emplace_back("cache-control:", "private, no-store");
  return who;
}

std::string sourceOf(ServerImpl& s, lws* wsi) {
  char peer[64] = {0};
  lws_get_peer_simple(wsi, peer, sizeof peer);
  std::string source = peer;
  // Behind the shipped nginx site the peer is nginx itself: it passes the citizen's address.
  if (s.cfg.trustProxy &&
      (source == "127.0.0.1" || source == "::1" || source == "::ffff:127.0.0.1")) {
    char real[64] = {0};
    if (lws_hdr_custom_copy(wsi, real, sizeof real, "x-real-ip:", 10) > 0) source = real;
  }
  return source;
}

int startBody(ServerImpl& s, lws* wsi, HttpRequest& r, HttpRequest::Body kind, std::size_t limit) {
  r.source = sourceOf(s, wsi);
  return readBody(wsi, r, kind, limit);
}

/// A citizen's petition from the portal's form.
int submit(ServerImpl& s, lws* wsi, HttpRequest& r) {
  const json in = json::parse(r.body_in, nullptr, false);
  if (in.is_discarded() || !in.is_object())
    return respondError(wsi, r, 400, "bad_message", "Dữ liệu không hợp lệ / not JSON");
  auto str = [&](const char* k) {
    const auto it = in.find(k);
    return it != in.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string challenge = str("challenge"), nonce = str("nonce");
  const std::string name = str("name"), contact = str("contact");
  for (const auto* v : {&name, &contact})
    if (v->size() > 200 || !protocol::validUtf8(*v))
      return respondError(wsi, r, 400, "bad_args", "Họ tên hoặc liên hệ quá dài / too long");
  // A retry of a submission already taken (the answer was lost on the way) gets its code again.
  const core::Actor citizen{core::Role::Public, ""};
  const std::string clientId = "petition-" + challenge;
  if (!challenge.empty() && s.guard.used(challenge))
    if (auto stored = s.store.replies.find(store::actorString(citizen), clientId)) {
      const json reply = json::parse(stored->reply);
      if (reply.value("type", "") == "ok") {
        const std::string code = reply["result"]["events"][0]["data"]["code"];
        return respondJson(wsi, r, 200, {{"code", code}, {"url", "/petitions.html?code=" + code}});
      }
    }
  if (in.value("consent", false) != true && (!name.empty() || !contact.empty()))
    return respondError(wsi, r, 400, "consent_required",
                        "Hãy đồng ý với việc xử lý thông tin cá nhân, hoặc để trống họ tên và liên "
                        "hệ / agree to the personal-data notice, or leave name and contact empty");
  const auto now = nowMs();
  if (const auto why = s.guard.redeem(challenge, nonce, now); !why.empty())
    return respondError(wsi, r, 400, "challenge", why);
  if (const auto wait = s.guard.takeSource(r.source, now)) {
    const auto minutes = (wait + 59'999) / 60'000;
    r.headers.emplace_back("retry-after:", std::to_string((wait + 999) / 1000));
    s.metrics.command("petition.submit", "limited_source");
    return respondError(wsi, r, 429, "too_many",
                        "Đã nhận quá nhiều kiến nghị từ địa chỉ mạng này. Nội dung của bạn vẫn "
                        "còn trên trang; hãy gửi lại sau " +
                            std::to_string(minutes) +
                            " phút, hoặc gửi tại trụ sở / too many petitions from this address: "
                            "send again in " +
                            std::to_string(minutes) + " min");
  }
  if (!contact.empty() &&
      s.store.senders.countByContact(contact, now - s.guard.limits().contactWindow_ms) >=
          s.guard.limits().perContact) {
    s.metrics.command("petition.submit", "limited_contact");
    return respondError(wsi, r, 429, "too_many",
                        "Số điện thoại/thư điện tử này đã gửi " +
                            std::to_string(s.guard.limits().perContact) +
                            " kiến nghị trong 24 giờ; hãy gửi lại ngày mai / this contact sent "
                            "its share of petitions today");
  }
  core::SubmitPetition cmd{str("text"), str("topic"), str("area"), "portal", ""};
  if (!protocol::validUtf8(cmd.text) || !protocol::validUtf8(cmd.topic) ||
      !protocol::validUtf8(cmd.area))
    return respondError(wsi, r, 400, "bad_args", "Văn bản không hợp lệ (UTF-8) / not UTF-8");
  const json reply = json::parse(s.execute(citizen, clientId, cmd));
  if (reply.value("type", "") != "ok") {
    const int status = reply.value("code", "") == "storage_failure" ? 503 : 400;
    return respondError(wsi, r, status, reply.value("code", "bad_args"),
                        reply.value("message", ""));
  }
  const std::string code = reply["result"]["events"][0]["data"]["code"];
  if (!name.empty() || !contact.empty())
    s.store.senders.add({code, name, contact, now, now});  // in the turn's transaction
  s.flush();  // committed before the citizen is told the code
  s.log->info("petition {} received from the portal", code);
  return respondJson(
      wsi, r, 201,
      {{"code", code},
       {"url", "/petitions.html?code=" + code},
       {"message", "Đã nhận kiến nghị " + code + ". Hãy ghi lại mã để theo dõi / received"}});
}

/// Folds a header cell for matching: lower case, no diacritics, no spaces or underscores.
std::string headerKey(const std::string& cell) {
  static const std::vector<std::pair<std::string, std::string>> kFold = {
      {"ộ", "o"}, {"ĩ", "i"}, {"ự", "u"}, {"ị", "i"}, {"à", "a"}, {"ọ", "o"}, {"ê", "e"},
      {"ệ", "e"}, {"đ", "d"}, {"ộ", "o"}, {"ĩ", "i"}, {"ê", "e"}, {"ả", "a"}, {"ý", "y"},
      {"ế", "e"}, {"ư", "u"}, {"ơ", "o"}, {"ờ", "o"}, {"á", "a"}, {"â", "a"}, {"ầ", "a"}};
  std::string s;
  for (const char c : cell)
    if (c != ' ' && c != '_' && c != '-')
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [from, to] : kFold)
    for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  return s;
}

/// Petitions collected at meetings with voters (or by post, at the office), from a
/// spreadsheet saved as CSV: one row each. Columns by header (Vietnamese or English): Nội
/// dung/text (required), Lĩnh vực/topic (key or label), Địa bàn/area, Hội nghị/meeting,
/// Kênh/channel (meeting when empty), Họ tên/name, Liên hệ/contact. Importing the same file
/// twice enters nothing twice: each row is one command, idempotent on the file and its line.
int import(ServerImpl& s, lws* wsi, HttpRequest& r) {
  if (!protocol::validUtf8(r.body_in))
    return respondError(wsi, r, 400, "bad_args", "Tệp phải là CSV UTF-8 / CSV in UTF-8 expected");
  std::string text = r.body_in;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // the BOM spreadsheets write
  const auto rows = protocol::parseCsv(text);
  if (rows.empty()) return respondError(wsi, r, 400, "bad_args", "Tệp trống / empty file");
  std::map<std::string, int> col;
  static const std::map<std::string, std::string> kNames = {
      {"noidung", "text"},   {"text", "text"},       {"linhvuc", "topic"},   {"topic", "topic"},
      {"diaban", "area"},    {"area", "area"},       {"hoinghi", "meeting"}, {"meeting", "meeting"},
      {"kenh", "channel"},   {"channel", "channel"}, {"hoten", "name"},      {"name", "name"},
      {"lienhe", "contact"}, {"contact", "contact"}};
  for (std::size_t i = 0; i < rows[0].size(); ++i)
    if (const auto it = kNames.find(headerKey(rows[0][i])); it != kNames.end())
      col[it->second] = static_cast<int>(i);
  if (!col.count("text"))
    return respondError(
        wsi, r, 400, "bad_args",
        "Thiếu cột \"Nội dung\" ở dòng đầu / the header needs a \"Nội dung\" column");
  const core::Actor actor{r.uploader->role, r.uploader->id};
  const std::string fileId = store::sha256Hex(text).substr(0, 16);
  auto cell = [&](const std::vector<std::string>& row, const char* name) {
    const auto it = col.find(name);
    return it == col.end() || it->second >= static_cast<int>(row.size()) ? std::string()
                                                                         : row[it->second];
  };
  json codes = json::array(), errors = json::array();
  const auto now = nowMs();
  for (std::size_t line = 1; line < rows.size(); ++line) {
    const auto& row = rows[line];
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); }))
      continue;
    std::string topic = cell(row, "topic");
    for (const auto& t : s.state.petitions.catalogue.topics)  // a label is as good as a key
      if (headerKey(t.label) == headerKey(topic)) topic = t.key;
    const std::string channel = cell(row, "channel").empty() ? "meeting" : cell(row, "channel");
    core::SubmitPetition cmd{cell(row, "text"), topic, cell(row, "area"), channel,
                             cell(row, "meeting")};
    const std::string clientId = "import-" + fileId + "-" + std::to_string(line);
    const bool seen = s.store.replies.find(store::actorString(actor), clientId).has_value();
    const json reply = json::parse(s.execute(actor, clientId, cmd));
    if (reply.value("type", "") != "ok") {
      errors.push_back({{"line", line + 1},
                        {"code", reply.value("code", "")},
                        {"message", reply.value("message", "")}});
      continue;
    }
    const std::string code = reply["result"]["events"][0]["data"]["code"];
    codes.push_back(code);
    const std::string name = cell(row, "name"), contact = cell(row, "contact");
    if (!seen && (!name.empty() || !contact.empty()))
      // Given at the meeting, on the voters' sheet: consent as recorded there.
      s.store.senders.add({code, name, contact, now, now});
  }
  s.flush();
  s.log->info("{} petitions imported by {} ({} refused)", codes.size(), actor.id, errors.size());
  return respondJson(wsi, r, errors.empty() ? 201 : 207,
                     {{"imported", codes.size()}, {"codes", codes}, {"errors", errors}});
}

}  // namespace

std::optional<int> petitionsApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri,
                                bool post) {
  if (uri != "/api/petitions" && uri.rfind("/api/petitions/", 0) != 0) return std::nullopt;
  r.headers.emplace_back("cache-control:", "no-cache");
  if (post) {
    if (uri == "/api/petitions")
      return startBody(s, wsi, r, HttpRequest::Body::Petition, s.guard.limits().maxBodyBytes);
    if (uri == "/api/petitions/import") {
      int answered = 0;
      r.uploader = staffOrResponder(s, wsi, r, answered, true);
      if (!r.uploader) {
        r.closeAfter = true;
        return answered;
      }
      return startBody(s, wsi, r, HttpRequest::Body::Import, s.guard.limits().maxImportBytes);
    }
    return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
  }
  if (uri == "/api/petitions") return listPublic(s, wsi, r);
  if (uri == "/api/petitions/challenge")
    return respondJson(
        wsi, r, 200,
        {{"challenge", s.guard.challenge(nowMs())}, {"bits", s.guard.limits().powBits}});
  if (uri == "/api/petitions/report") {
    const std::string from = urlArg(wsi, "from="), to = urlArg(wsi, "to=");
    auto rep = core::petitionReport(s.state.petitions, from, to, today());
    json j = reportJson(rep);
    j["text"] = core::petitionReportText(rep, s.councilName());
    return respondJson(wsi, r, 200, j);
  }
  if (uri == "/api/petitions/register") {
    int answered = 0;
    const auto who = staffOrResponder(s, wsi, r, answered, false);
    if (!who) return answered;
    const bool staff = core::roleIn(who->role, core::Audience::Staff);
    const std::string day = today();
    json list = json::array();
    for (auto it = s.state.petitions.byCode.rbegin(); it != s.state.petitions.byCode.rend(); ++it) {
      const auto& p = it->second;
      if (staff)
        list.push_back(staffJson(s.state, p, day));
      else if (p.responder == who->id)  // an office sees what it must answer, as published
        list.push_back(publicJson(s.state, p, day));
    }
    json responders = json::array();
    for (const auto& resp : s.state.responders)
      responders.push_back({{"id", resp.id}, {"name", resp.name}, {"title", resp.title}});
    return respondJson(wsi, r, 200,
                       {{"petitions", list},
                        {"responders", responders},
                        {"catalogue", json(s.state.petitions.catalogue)}});
  }
  std::string rest = uri.substr(std::string("/api/petitions/").size());
  if (rest.size() > 8 && rest.compare(rest.size() - 8, 8, "/senders") == 0) {
    int answered = 0;
    if (!staffOrResponder(s, wsi, r, answered, true)) return answered;
    const auto it = s.state.petitions.byCode.find(rest.substr(0, rest.size() - 8));
    if (it == s.state.petitions.byCode.end())
      return respondError(wsi, r, 404, "not_found", "Không có kiến nghị này / no such petition");
    std::vector<std::string> codes{it->first};
    codes.insert(codes.end(), it->second.duplicates.begin(), it->second.duplicates.end());
    json list = json::array();
    for (const auto& snd : s.store.senders.of(codes))
      list.push_back({{"code", snd.code},
                      {"name", snd.name},
                      {"contact", snd.contact},
                      {"consent_ms", snd.consent_ms}});
    return respondJson(wsi, r, 200, {{"senders", list}});
  }
  const bool atom = rest.size() > 5 && rest.compare(rest.size() - 5, 5, ".atom") == 0;
  if (atom) rest.resize(rest.size() - 5);
  const auto it = s.state.petitions.byCode.find(rest);
  if (it == s.state.petitions.byCode.end())
    return respondError(wsi, r, 404, "not_found",
                        "Không có kiến nghị mã " + rest.substr(0, 40) +
                            "; hãy kiểm tra lại mã / no petition with this code");
  if (atom) return petitionFeed(s, wsi, r, it->second);
  return respondJson(wsi, r, 200, {{"petition", publicJson(s.state, it->second, today())}});
}

int petitionsBody(ServerImpl& s, lws* wsi, HttpRequest& r) {
  if (r.body_kind == HttpRequest::Body::Import) return import(s, wsi, r);
  return submit(s, wsi, r);
}

}  // namespace chamber::net
