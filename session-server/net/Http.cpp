#include "net/Http.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <unordered_set>

#include "core/Authorization.h"
#include "net/HttpResponse.h"
#include "net/MinutesApi.h"
#include "net/PetitionsApi.h"
#include "net/PublicApi.h"
#include "net/ServerImpl.h"
#include "net/StaticFiles.h"
#include "papers/Signatures.h"
#include "protocol/Messages.h"
#include "protocol/StateView.h"
#include "store/Publish.h"

namespace chamber::net {

std::optional<store::Principal> bearerOf(ServerImpl& s, lws* wsi) {
  const std::string auth = header(wsi, WSI_TOKEN_HTTP_AUTHORIZATION);
  if (auth.rfind("Bearer ", 0) != 0) return std::nullopt;
  return s.principalFromToken(auth.substr(7));
}

namespace {

ServerImpl& serverOf(lws* wsi) {
  return *static_cast<ServerImpl*>(lws_context_user(lws_get_context(wsi)));
}

/// The document-read rule is the core's (core/Authorization.h); this only looks up the facts.
template <class Published>
bool mayRead(ServerImpl& s, const store::DocumentMeta& m, const std::optional<store::Principal>& p,
             Published&& published) {
  return core::mayReadDocument(s.state, p ? p->role : core::Role::Public, m.sha256, m.classified,
                               [&] { return published(m.sha256); });
}

int serveDocument(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& sha) {
  auto meta = s.store.documents.find(sha);
  if (!meta) return respondError(wsi, r, 404, "not_found", "Không có tài liệu / no such document");
  const auto who = bearerOf(s, wsi);
  if (!mayRead(s, *meta, who, [&](const std::string& doc) {
        return s.store.publications.find(doc).has_value();
      })) {
    if (!who)
      return respondError(wsi, r, 401, "not_authenticated",
                          "Cần đăng nhập / authentication required");
    return respondError(wsi, r, 403, "forbidden", "Không được xem tài liệu này / not allowed");
  }
  return serveFile(wsi, r,
                   {-1, s.store.documents.pathOf(meta->sha256), meta->size,
                    "\"" + meta->sha256 + "\"", meta->mime,
                    meta->classified ? "private, max-age=0, must-revalidate"
                                     : "public, max-age=31536000, immutable"});
}

json documentJson(const store::DocumentMeta& m) {
  return {{"sha256", m.sha256},
          {"title", m.title},
          {"filename", m.filename},
          {"mime", m.mime},
          {"size", m.size},
          {"classified", m.classified},
          {"created_ms", m.created_ms},
          {"url", "/api/documents/" + m.sha256}};
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
                       {{"status", "ok"},
                        {"head", s.head},
                        {"connections", s.conns.size()},
                        {"sittings", s.state.sittings.size()},
                        {"media", s.state.media.state}});
  }
  if (uri == "/metrics" && !post) {  // for the IT officer's monitoring: staff tokens only
    const auto who = bearerOf(s, wsi);
    if (!who)
      return respondError(wsi, r, 401, "not_authenticated",
                          "Cần đăng nhập / authentication required");
    if (!core::roleIn(who->role, core::Audience::Staff))
      return respondError(wsi, r, 403, "forbidden", "Chỉ cán bộ điều hành / staff only");
    r.status = 200;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = s.metrics.render(s);
    return respond(wsi, r);
  }
  if (!post)
    if (auto answered = publicApi(s, wsi, r, uri)) return *answered;
  if (auto answered = petitionsApi(s, wsi, r, uri, post)) return *answered;
  if (auto answered = minutesApi(s, wsi, r, uri, post)) return *answered;
  if (!post && uri.rfind("/live/", 0) == 0) {
    if (!s.liveFiles) return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
    if (!core::livePublic(s.state))
      return respondError(wsi, r, 403, "closed_sitting",
                          "Kỳ họp kín, không phát trực tiếp / a closed sitting is not streamed");
    return s.liveFiles->serve(wsi, r, uri.substr(5));
  }
  if (!post && s.portalFiles && uri.rfind("/api/", 0) != 0 && uri != "/api")
    return s.portalFiles->serve(wsi, r, uri);
  if (uri == "/api/live" && !post) {
    // Where the live page finds the stream: the WebRTC view first (Janus's REST API and
    // mountpoint), HLS as the fallback — neither while the current sitting is closed.
    const bool open = core::livePublic(s.state);
    return respondJson(
        wsi, r, 200,
        {{"hls", open && s.liveFiles ? json("/live/index.m3u8") : json(nullptr)},
         {"webrtc", open && !s.cfg.webrtcUrl.empty() ? json{{"url", s.cfg.webrtcUrl}, {"mount", 1}}
                                                     : json(nullptr)}});
  }
  if (uri == "/api/state" && !post) {
    const auto who = bearerOf(s, wsi);
    const auto role = who ? who->role : core::Role::Public;
    return respondJson(
        wsi, r, 200,
        {{"head", s.head}, {"state", protocol::stateView(s.state, role, who ? who->id : "")}});
  }
  if (uri == "/api/documents" && !post) {
    const auto who = bearerOf(s, wsi);
    json list = json::array();
    std::unordered_set<std::string> published;  // one query for the list, not one per document
    for (const auto& p : s.store.publications.list()) published.insert(p.sha256);
    for (const auto& m : s.store.documents.list())
      if (mayRead(s, m, who, [&](const std::string& sha) { return published.count(sha) > 0; }))
        list.push_back(documentJson(m));
    return respondJson(wsi, r, 200, {{"documents", list}});
  }
  if (uri.rfind("/api/documents/", 0) == 0 && !post)
    return serveDocument(s, wsi, r, uri.substr(std::strlen("/api/documents/")));
  if (uri == "/api/documents" && post) {
    r.uploader = bearerOf(s, wsi);
    if (!r.uploader) {
      r.closeAfter = true;
      return respondError(wsi, r, 401, "not_authenticated",
                          "Cần đăng nhập / authentication required");
    }
    const auto role = r.uploader->role;
    if (!core::roleMaySend(role, core::kUploadDocument)) {
      r.closeAfter = true;
      return respondError(wsi, r, 403, "forbidden", "Không được tải tài liệu lên / may not upload");
    }
    if (const int refused =
            refuseBodyLength(wsi, r, s.cfg.maxUploadBytes,
                             "Tệp quá lớn, tối đa " + std::to_string(s.cfg.maxUploadBytes >> 20) +
                                 " MiB / file too large");
        refused || r.closeAfter)
      return refused;
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
  if (r.body_kind == HttpRequest::Body::Minutes) return minutesBody(s, wsi, r);
  if (r.body_kind != HttpRequest::Body::None) return petitionsBody(s, wsi, r);
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
  try {
    s.store.indexDocument(meta);  // its pages become searchable (as far as the reader may see it)
  } catch (const std::exception& e) {
    s.log->warn("document {} not indexed: {}", meta.sha256, e.what());
  }
  // Signed minutes, with the person's signature and the seal, publish themselves.
  try {
    const auto sigs = papers::fromJson(meta.signatures);  // checked as it arrived
    if (sigs.valid() && sigs.signatures.size() >= 2 && !meta.classified &&
        !s.store.publications.find(meta.sha256))
      if (auto pub =
              store::publicationOf(s.state, s.store.documents.pathOf(meta.sha256).string(), sigs)) {
        pub->sha256 = meta.sha256;
        pub->published_ms = nowMs();
        s.store.publications.put(*pub);
        out["published"] = pub->number;
        s.log->info("{} published by itself, {} signatures", pub->number, sigs.signatures.size());
      }
  } catch (const std::exception& e) {
    s.log->warn("document {} not published: {}", meta.sha256, e.what());
  }
  return respondJson(wsi, r, 201, out);
}

}  // namespace

int httpCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
  auto** slot = static_cast<HttpRequest**>(user);
  // Connections lws serves by itself (the portal's and the live HLS files) may have no
  // per-connection data at all, even when they close.
  if (!slot && reason != LWS_CALLBACK_ESTABLISHED)
    return lws_callback_http_dummy(wsi, reason, user, in, len);
  try {
    switch (reason) {
      case LWS_CALLBACK_ESTABLISHED: {
        // A WebSocket without the chamber.v1 subprotocol lands here: refuse it clearly.
        static const char kWhy[] = "use the WebSocket subprotocol chamber.v1";
        lws_close_reason(wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR,
                         reinterpret_cast<unsigned char*>(const_cast<char*>(kWhy)),
                         sizeof kWhy - 1);
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
        if (*slot && (*slot)->body_kind != HttpRequest::Body::None) {
          auto& r = **slot;
          if (r.body_in.size() + len > r.body_limit) return -1;  // more than it declared
          r.body_in.append(static_cast<const char*>(in), len);
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
