#include "net/Http.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <optional>

#include "net/ServerImpl.h"
#include "protocol/Messages.h"
#include "protocol/StateView.h"

namespace chamber::net {

namespace {

/// One HTTP transaction (a keep-alive connection has several, one after another).
struct HttpRequest {
  // response
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool headOnly = false;
  bool closeAfter = false;
  int fd = -1;  ///< a file being sent
  std::int64_t remaining = 0;
  // upload
  std::unique_ptr<store::Documents::Upload> upload;
  std::optional<store::Principal> uploader;
  std::string title, item, filename;
  bool classified = false;

  ~HttpRequest() {
    if (fd >= 0) ::close(fd);
  }
};

ServerImpl& serverOf(lws* wsi) {
  return *static_cast<ServerImpl*>(lws_context_user(lws_get_context(wsi)));
}

std::string header(lws* wsi, lws_token_indexes h) {
  const int n = lws_hdr_total_length(wsi, h);
  if (n <= 0 || n > 8192) return {};
  std::string s(static_cast<std::size_t>(n) + 1, '\0');
  lws_hdr_copy(wsi, s.data(), n + 1, h);
  s.resize(static_cast<std::size_t>(n));
  return s;
}

std::string urlArg(lws* wsi, const char* name) {
  char buf[512];
  const char* v = lws_get_urlarg_by_name(wsi, name, buf, sizeof buf);
  return v ? std::string(v) : std::string();
}

/// Sends the status line and headers now; the body follows on HTTP_WRITEABLE.
int respond(lws* wsi, HttpRequest& r) {
  unsigned char buf[LWS_PRE + 2048];
  unsigned char* start = buf + LWS_PRE;
  unsigned char* p = start;
  unsigned char* end = buf + sizeof buf - 1;
  const auto length = r.fd >= 0 ? static_cast<lws_filepos_t>(r.remaining)
                                 : static_cast<lws_filepos_t>(r.body.size());
  if (lws_add_http_common_headers(wsi, static_cast<unsigned>(r.status), r.contentType.c_str(),
                                  length, &p, end))
    return 1;
  r.headers.emplace_back("cache-control:", r.headers.empty() ? "no-store" : "");
  for (const auto& [name, value] : r.headers) {
    if (value.empty()) continue;
    if (lws_add_http_header_by_name(wsi, reinterpret_cast<const unsigned char*>(name.c_str()),
                                    reinterpret_cast<const unsigned char*>(value.data()),
                                    static_cast<int>(value.size()), &p, end))
      return 1;
  }
  if (r.closeAfter &&
      lws_add_http_header_by_name(wsi, reinterpret_cast<const unsigned char*>("connection:"),
                                  reinterpret_cast<const unsigned char*>("close"), 5, &p, end))
    return 1;
  if (lws_finalize_write_http_header(wsi, start, &p, end)) return 1;
  if (r.headOnly || (r.body.empty() && r.fd < 0)) {
    if (r.closeAfter) return -1;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
  }
  lws_callback_on_writable(wsi);
  return 0;
}

int respondJson(lws* wsi, HttpRequest& r, int status, const json& j) {
  r.status = status;
  r.contentType = "application/json; charset=utf-8";
  r.body = j.dump();
  return respond(wsi, r);
}

int respondError(lws* wsi, HttpRequest& r, int status, const std::string& code,
                 const std::string& message) {
  return respondJson(wsi, r, status, {{"error", code}, {"message", message}});
}

int writeBody(lws* wsi, HttpRequest& r) {
  static constexpr std::size_t kChunk = 64 * 1024;
  std::string chunk(LWS_PRE + kChunk, '\0');
  std::size_t n = 0;
  bool last = false;
  if (r.fd >= 0) {
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(r.remaining, kChunk));
    const auto got = ::read(r.fd, chunk.data() + LWS_PRE, want);
    if (got <= 0) return -1;
    n = static_cast<std::size_t>(got);
    r.remaining -= got;
    last = r.remaining <= 0;
  } else {
    n = std::min(r.body.size(), kChunk);
    std::memcpy(chunk.data() + LWS_PRE, r.body.data(), n);
    r.body.erase(0, n);
    last = r.body.empty();
  }
  if (lws_write(wsi, reinterpret_cast<unsigned char*>(chunk.data()) + LWS_PRE, n,
                last ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) != static_cast<int>(n))
    return -1;
  if (!last) {
    lws_callback_on_writable(wsi);
    return 0;
  }
  if (r.closeAfter) return -1;
  return lws_http_transaction_completed(wsi) ? -1 : 0;
}

std::optional<store::Principal> bearer(ServerImpl& s, lws* wsi) {
  const std::string auth = header(wsi, WSI_TOKEN_HTTP_AUTHORIZATION);
  if (auth.rfind("Bearer ", 0) != 0) return std::nullopt;
  return s.principalFromToken(auth.substr(7));
}

/// Is a non-classified document on the agenda of a public sitting?
bool publiclyAttached(const core::State& st, const std::string& sha) {
  for (const auto& [id, sitting] : st.sittings) {
    if (!sitting.isPublic) continue;
    for (const auto& item : sitting.agenda)
      for (const auto& d : item.documents)
        if (d.sha256 == sha && !d.classified) return true;
  }
  return false;
}

bool mayRead(const core::State& st, const store::DocumentMeta& m,
             const std::optional<store::Principal>& p) {
  if (m.classified) return p && core::roleIn(p->role, core::Audience::Cleared);
  if (p && p->role != core::Role::Public) return true;
  return publiclyAttached(st, m.sha256);
}

/// Parses a single "bytes=a-b" range against `size`. nullopt: no usable Range header
/// (send everything); {-1,-1}: unsatisfiable.
std::optional<std::pair<std::int64_t, std::int64_t>> parseRange(const std::string& h, std::int64_t size) {
  if (h.rfind("bytes=", 0) != 0 || h.find(',') != std::string::npos) return std::nullopt;
  const auto spec = h.substr(6);
  const auto dash = spec.find('-');
  if (dash == std::string::npos) return std::nullopt;
  try {
    const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
    std::int64_t first, last;
    if (a.empty()) {  // the last N bytes
      if (b.empty()) return std::nullopt;
      const auto n = std::stoll(b);
      if (n <= 0) return std::make_pair(-1LL, -1LL);
      first = std::max<std::int64_t>(0, size - n);
      last = size - 1;
    } else {
      first = std::stoll(a);
      last = b.empty() ? size - 1 : std::min<std::int64_t>(std::stoll(b), size - 1);
    }
    if (first < 0 || first >= size || last < first) return std::make_pair(-1LL, -1LL);
    return std::make_pair(first, last);
  } catch (...) {
    return std::nullopt;
  }
}

int serveDocument(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& sha) {
  auto meta = s.store.documents.find(sha);
  if (!meta) return respondError(wsi, r, 404, "not_found", "Không có tài liệu / no such document");
  const auto who = bearer(s, wsi);
  if (!mayRead(s.state, *meta, who)) {
    if (!who) return respondError(wsi, r, 401, "not_authenticated", "Cần đăng nhập / authentication required");
    return respondError(wsi, r, 403, "forbidden", "Không được xem tài liệu này / not allowed");
  }
  const std::string etag = "\"" + meta->sha256 + "\"";
  r.headers = {{"etag:", etag}, {"accept-ranges:", "bytes"},
               {"cache-control:", meta->classified ? "private, max-age=0, must-revalidate"
                                                   : "public, max-age=31536000, immutable"},
               {"x-content-type-options:", "nosniff"}};
  if (header(wsi, WSI_TOKEN_HTTP_IF_NONE_MATCH) == etag) {
    r.status = 304;
    r.headOnly = true;
    return respond(wsi, r);
  }
  const std::int64_t size = meta->size;
  std::int64_t first = 0, last = size - 1;
  r.status = 200;
  const std::string range = header(wsi, WSI_TOKEN_HTTP_RANGE);
  const std::string ifRange = header(wsi, WSI_TOKEN_HTTP_IF_RANGE);
  if (!range.empty() && (ifRange.empty() || ifRange == etag)) {
    if (auto rg = parseRange(range, size)) {
      if (rg->first < 0) {
        r.headers.emplace_back("content-range:", "bytes */" + std::to_string(size));
        return respondError(wsi, r, 416, "bad_range", "Khoảng byte không hợp lệ / range not satisfiable");
      }
      first = rg->first;
      last = rg->second;
      r.status = 206;
      r.headers.emplace_back("content-range:", "bytes " + std::to_string(first) + "-" +
                                                   std::to_string(last) + "/" + std::to_string(size));
    }
  }
  r.fd = ::open(s.store.documents.pathOf(meta->sha256).c_str(), O_RDONLY | O_CLOEXEC);
  if (r.fd < 0) return respondError(wsi, r, 500, "storage_failure", "Không đọc được tệp / cannot read the file");
  ::lseek(r.fd, first, SEEK_SET);
  r.remaining = last - first + 1;
  r.contentType = meta->mime;
  if (r.remaining == 0) {
    ::close(r.fd);
    r.fd = -1;
  }
  return respond(wsi, r);
}

json documentJson(const store::DocumentMeta& m) {
  return {{"sha256", m.sha256}, {"title", m.title},         {"filename", m.filename},
          {"mime", m.mime},     {"size", m.size},           {"classified", m.classified},
          {"created_ms", m.created_ms}, {"url", "/api/documents/" + m.sha256}};
}

int onRequest(ServerImpl& s, lws* wsi, HttpRequest& r) {
  std::string uri = header(wsi, WSI_TOKEN_GET_URI);
  const bool post = uri.empty() && lws_hdr_total_length(wsi, WSI_TOKEN_POST_URI) > 0;
  if (post) uri = header(wsi, WSI_TOKEN_POST_URI);
  if (uri.empty()) {
    uri = header(wsi, WSI_TOKEN_HEAD_URI);
    r.headOnly = !uri.empty();
  }
  if (const auto q = uri.find('?'); q != std::string::npos) uri.resize(q);

  if (uri == "/health" && !post) {
    return respondJson(wsi, r, 200,
                       {{"status", "ok"}, {"head", s.head}, {"connections", s.conns.size()},
                        {"sittings", s.state.sittings.size()}, {"media", s.state.media.state}});
  }
  if (uri == "/api/state" && !post) {
    const auto who = bearer(s, wsi);
    const auto role = who ? who->role : core::Role::Public;
    return respondJson(wsi, r, 200,
                       {{"head", s.head}, {"state", protocol::stateView(s.state, role, who ? who->id : "")}});
  }
  if (uri == "/api/documents" && !post) {
    const auto who = bearer(s, wsi);
    json list = json::array();
    for (const auto& m : s.store.documents.list())
      if (mayRead(s.state, m, who)) list.push_back(documentJson(m));
    return respondJson(wsi, r, 200, {{"documents", list}});
  }
  if (uri.rfind("/api/documents/", 0) == 0 && !post)
    return serveDocument(s, wsi, r, uri.substr(std::strlen("/api/documents/")));
  if (uri == "/api/documents" && post) {
    r.uploader = bearer(s, wsi);
    if (!r.uploader) {
      r.closeAfter = true;
      return respondError(wsi, r, 401, "not_authenticated", "Cần đăng nhập / authentication required");
    }
    const auto role = r.uploader->role;
    if (role != core::Role::Operator && role != core::Role::Secretary && role != core::Role::Chair) {
      r.closeAfter = true;
      return respondError(wsi, r, 403, "forbidden", "Không được tải tài liệu lên / may not upload");
    }
    const std::string len = header(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH);
    std::int64_t declared = -1;
    try {
      declared = len.empty() ? -1 : std::stoll(len);
    } catch (...) {
    }
    if (declared < 0) {
      r.closeAfter = true;
      return respondError(wsi, r, 411, "length_required", "Cần Content-Length / Content-Length required");
    }
    if (declared > s.cfg.maxUploadBytes) {
      r.closeAfter = true;
      return respondError(wsi, r, 413, "too_large",
                          "Tệp quá lớn, tối đa " + std::to_string(s.cfg.maxUploadBytes >> 20) +
                              " MiB / file too large");
    }
    r.title = urlArg(wsi, "title=");
    r.item = urlArg(wsi, "item=");
    r.filename = urlArg(wsi, "filename=");
    r.classified = urlArg(wsi, "classified=") == "1";
    if (r.title.empty() || !protocol::validUtf8(r.title) || !protocol::validUtf8(r.filename)) {
      r.closeAfter = true;
      return respondError(wsi, r, 400, "bad_args", "Cần tiêu đề (title) / a title is required");
    }
    r.upload = s.store.documents.begin(s.cfg.maxUploadBytes);
    return 0;  // the body follows
  }
  return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
}

int onBodyComplete(ServerImpl& s, lws* wsi, HttpRequest& r) {
  if (!r.upload) return respondError(wsi, r, 400, "bad_message", "unexpected body");
  store::DocumentMeta meta;
  try {
    meta = s.store.documents.finish(std::move(r.upload), r.title,
                                    r.filename.empty() ? r.title + ".pdf" : r.filename,
                                    r.classified, nowMs());
  } catch (const std::exception& e) {
    return respondError(wsi, r, 415, "bad_document", e.what());
  }
  json out{{"document", documentJson(meta)}};
  if (!r.item.empty()) {
    // Attaching is a command like any other: logged, idempotent, broadcast.
    core::AttachDocument cmd{r.item, {meta.sha256, meta.title, meta.classified}};
    const core::Actor actor{r.uploader->role, r.uploader->id};
    out["attach"] = json::parse(s.execute(actor, "attach-" + meta.sha256 + "-" + r.item, cmd));
    s.flush();  // committed before we answer
  }
  s.log->info("document {} ({} bytes) uploaded by {}", meta.sha256, meta.size, r.uploader->id);
  return respondJson(wsi, r, 201, out);
}

}  // namespace

int httpCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
  auto** slot = static_cast<HttpRequest**>(user);
  try {
    switch (reason) {
      case LWS_CALLBACK_ESTABLISHED: {
        // A WebSocket without the chamber.v1 subprotocol lands here: refuse it clearly.
        static const char kWhy[] = "use the WebSocket subprotocol chamber.v1";
        lws_close_reason(wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR,
                         reinterpret_cast<unsigned char*>(const_cast<char*>(kWhy)), sizeof kWhy - 1);
        return -1;
      }
      case LWS_CALLBACK_HTTP: {
        delete *slot;
        *slot = new HttpRequest();
        return onRequest(serverOf(wsi), wsi, **slot);
      }
      case LWS_CALLBACK_HTTP_BODY:
        if (*slot && (*slot)->upload) {
          if (!(*slot)->upload->write(in, len)) return -1;  // over the limit despite its header
        }
        return 0;
      case LWS_CALLBACK_HTTP_BODY_COMPLETION:
        if (!*slot) return -1;
        return onBodyComplete(serverOf(wsi), wsi, **slot);
      case LWS_CALLBACK_HTTP_WRITEABLE:
        if (!*slot) return 0;
        return writeBody(wsi, **slot);
      case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
      case LWS_CALLBACK_CLOSED_HTTP:
        delete *slot;
        *slot = nullptr;
        return 0;
      default:
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    }
  } catch (const std::exception& e) {
    serverOf(wsi).log->error("HTTP callback failed: {}", e.what());
    return -1;
  }
}

}  // namespace chamber::net
