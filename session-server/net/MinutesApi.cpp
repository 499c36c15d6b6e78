// The minutes (biên bản) over HTTP, for those who keep them: the secretary's editor reads the
// latest text with what changed since the generated draft, and saves a corrected text of any
// length up to core::kMaxMinutesBytes (a long sitting's minutes do not fit the WebSocket's
// frame limit). Saving is the minutes.save command, decided and logged exactly as over the
// WebSocket: the same roles, the same `stale` refusal when someone saved in between, and the
// same answer to a retry under the same command id. Drafting and finalising stay commands.
//
//   GET  /api/minutes/<sitting>                    the versions, the latest text, the diff
//   POST /api/minutes/<sitting>?base=<sha256>&id=<command id>   text/plain: save a version
#include "net/MinutesApi.h"

#include "core/Authorization.h"
#include "core/Minutes.h"
#include "core/TextDiff.h"
#include "net/HttpResponse.h"
#include "net/ServerImpl.h"
#include "protocol/Codec.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"

namespace chamber::net {

namespace {

/// The sitting a path names ("12"), or nullptr.
const core::Sitting* sittingOf(const ServerImpl& s, const std::string& rest) {
  if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string::npos)
    return nullptr;
  return s.state.sitting(std::stoi(rest));
}

/// Who asks, if they keep the minutes (the staff: chair, vice-chair, secretary, operator).
std::optional<store::Principal> keeper(ServerImpl& s, lws* wsi, HttpRequest& r, int& answered) {
  const auto who = bearerOf(s, wsi);
  if (!who) {
    answered =
        respondError(wsi, r, 401, "not_authenticated", "Cần đăng nhập / authentication required");
    return std::nullopt;
  }
  if (!core::roleIn(who->role, core::Audience::Staff)) {
    answered = respondError(wsi, r, 403, "forbidden",
                            "Chỉ thường trực, thư ký kỳ họp được xem biên bản / only the "
                            "chair, the secretary and the operator keep the minutes");
    return std::nullopt;
  }
  return who;
}

int minutesOf(lws* wsi, HttpRequest& r, const core::Sitting& st) {
  const core::Minutes& m = st.minutes;
  json versions = json::array();
  for (const auto& v : m.versions)
    versions.push_back({{"version", v.version}, {"sha256", v.sha256}, {"at_ms", v.at_ms}});
  json pdfs = json::array();  // the final text rendered, unsigned (signed copies begin with it)
  for (const auto& p : m.pdfs)
    pdfs.push_back({{"version", p.version}, {"sha256", p.sha256}, {"size", p.size}});
  json out{{"sitting", st.id},
           {"status", core::name(st.status)},
           {"versions", versions},
           {"final", m.finalVersion},
           {"pdfs", pdfs},
           {"latest", nullptr},
           {"diff", ""}};
  if (const auto* last = m.latest()) {
    out["latest"] = {{"version", last->version}, {"sha256", last->sha256}, {"text", last->text}};
    out["diff"] = core::unifiedDiff(m.versions.front().text, last->text, "du-thao (v0)",
                                    "v" + std::to_string(last->version));
  }
  return respondJson(wsi, r, 200, out);
}

/// The HTTP status of a refusal the command gave.
int statusOf(const std::string& code) {
  if (code == "forbidden") return 403;
  if (code == "not_found") return 404;
  if (code == "stale" || code == "wrong_state" || code == "unchanged") return 409;
  if (code == "storage_failure") return 503;
  return 400;
}

}  // namespace

std::optional<int> minutesApi(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri,
                              bool post) {
  static const std::string kPrefix = "/api/minutes/";
  if (uri.rfind(kPrefix, 0) != 0) return std::nullopt;
  r.headers.emplace_back("cache-control:", "private, no-store");
  int answered = 0;
  const auto who = keeper(s, wsi, r, answered);
  if (!who) {
    r.closeAfter = post;  // a refused body is not read
    return answered;
  }
  const core::Sitting* st = sittingOf(s, uri.substr(kPrefix.size()));
  if (!st) {
    r.closeAfter = post;
    return respondError(wsi, r, 404, "not_found", "Không có kỳ họp này / no such sitting");
  }
  if (!post) return minutesOf(wsi, r, *st);
  if (!core::roleMaySend(who->role, core::SaveMinutes::kName)) {
    r.closeAfter = true;
    return respondError(wsi, r, 403, "forbidden",
                        "Chỉ chủ tọa, thư ký được sửa biên bản / only the chair and the "
                        "secretary edit the minutes");
  }
  r.uploader = who;
  r.sitting = st->id;
  r.base = urlArg(wsi, "base=");
  r.commandId = urlArg(wsi, "id=");
  if (r.commandId.empty() || r.commandId.size() > 128 || !protocol::validUtf8(r.commandId)) {
    r.closeAfter = true;
    return respondError(wsi, r, 400, "bad_args",
                        "Cần mã lệnh (id) để lưu đúng một lần / a command id is required");
  }
  return readBody(wsi, r, HttpRequest::Body::Minutes, core::kMaxMinutesBytes);
}

int minutesBody(ServerImpl& s, lws* wsi, HttpRequest& r) {
  if (!protocol::validUtf8(r.body_in))
    return respondError(wsi, r, 400, "bad_args", "Văn bản không phải UTF-8 / not UTF-8 text");
  const core::Actor actor{r.uploader->role, r.uploader->id};
  const json reply = json::parse(
      s.execute(actor, r.commandId, core::SaveMinutes{r.sitting, std::move(r.body_in), r.base, ""}),
      nullptr, false);
  s.flush();  // committed, and sent to every editor, before we answer
  if (reply.value("type", "") != protocol::kServerTypes[1]) {
    const std::string code = reply.value("code", "storage_failure");
    return respondError(wsi, r, statusOf(code), code, reply.value("message", ""));
  }
  // What this command saved (a retry under its id gets the same, whatever came after).
  const json& result = reply["result"];
  const json saved = result["events"].empty() ? json::object() : result["events"][0]["data"];
  s.log->info("minutes of sitting {}: version {} saved by {}", r.sitting, saved.value("version", 0),
              r.uploader->id);
  return respondJson(wsi, r, 200,
                     {{"version", saved.value("version", 0)},
                      {"sha256", saved.value("sha256", "")},
                      {"seq", result.value("seq", 0)}});
}

}  // namespace chamber::net
