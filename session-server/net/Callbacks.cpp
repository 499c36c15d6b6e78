// The lws context: protocols ("http" first, then chamber.v1), mounts, TLS, and the
// WebSocket callback. No exception crosses back into C.
#include "net/Callbacks.h"

#include <cstring>
#include <stdexcept>

#include "net/Http.h"
#include "net/ServerImpl.h"
#include "protocol/Codec.h"

namespace chamber::net {

namespace {

ServerImpl& serverOf(lws* wsi) {
  return *static_cast<ServerImpl*>(lws_context_user(lws_get_context(wsi)));
}

int wsCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
  auto** slot = static_cast<Connection**>(user);
  try {
    switch (reason) {
      case LWS_CALLBACK_ESTABLISHED:
        *slot = serverOf(wsi).added(wsi);
        return 0;
      case LWS_CALLBACK_CLOSED:
        if (*slot) serverOf(wsi).removed(wsi);
        *slot = nullptr;
        return 0;
      case LWS_CALLBACK_RECEIVE: {
        Connection* c = *slot;
        if (!c || c->closing) return 0;
        ServerImpl& s = serverOf(wsi);
        if (c->rx.size() + len > s.cfg.maxFrameBytes) {
          s.log->warn("connection {} ({}) sent a message over {} bytes: closed", c->id, c->peer,
                      s.cfg.maxFrameBytes);
          static const char kWhy[] = "message too large";
          lws_close_reason(wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE,
                           reinterpret_cast<unsigned char*>(const_cast<char*>(kWhy)), sizeof kWhy - 1);
          return -1;
        }
        c->rx.append(static_cast<const char*>(in), len);
        if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi) > 0) return 0;
        std::string msg;
        msg.swap(c->rx);
        if (lws_frame_is_binary(wsi)) {
          s.defer(*c, protocol::json{{"type", "error"}, {"code", "bad_message"},
                                     {"message", "text frames only (JSON)"}}.dump());
          return 0;
        }
        s.onMessage(*c, msg);
        return 0;
      }
      case LWS_CALLBACK_SERVER_WRITEABLE:
        return *slot ? serverOf(wsi).onWritable(**slot) : 0;
      default:
        return 0;
    }
  } catch (const std::exception& e) {
    serverOf(wsi).log->error("WebSocket callback failed: {}", e.what());
    return -1;
  }
}

const lws_protocol_vhost_options kMime[] = {
    {&kMime[1], nullptr, ".m3u8", "application/vnd.apple.mpegurl"},
    {&kMime[2], nullptr, ".ts", "video/mp2t"},
    {&kMime[3], nullptr, ".m4s", "video/iso.segment"},
    {&kMime[4], nullptr, ".mp4", "video/mp4"},
    {&kMime[5], nullptr, ".pdf", "application/pdf"},
    {&kMime[6], nullptr, ".json", "application/json"},
    {&kMime[7], nullptr, ".csv", "text/csv; charset=utf-8"},
    {&kMime[8], nullptr, ".vtt", "text/vtt"},
    {&kMime[9], nullptr, ".woff2", "font/woff2"},
    {&kMime[10], nullptr, ".webp", "image/webp"},
    {&kMime[11], nullptr, ".svg", "image/svg+xml"},
    {nullptr, nullptr, ".mjs", "text/javascript"},
};

lws_protocols kProtocols[] = {
    {"http", httpCallback, sizeof(void*), 0, 0, nullptr, 0},
    {protocol::kSubprotocol, wsCallback, sizeof(Connection*), 16 * 1024, 0, nullptr, 0},
    {nullptr, nullptr, 0, 0, 0, nullptr, 0},
};

lws_http_mount makeMount(const char* point, const char* origin, unsigned char proto,
                         const lws_http_mount* next) {
  lws_http_mount m{};
  m.mount_next = next;
  m.mountpoint = point;
  m.mountpoint_len = static_cast<unsigned char>(std::strlen(point));
  m.origin = origin;
  m.origin_protocol = proto;
  if (proto == LWSMPRO_CALLBACK) m.protocol = "http";
  if (proto == LWSMPRO_FILE) {
    m.def = "index.html";
    m.extra_mimetypes = kMime;
  }
  return m;
}

}  // namespace

void createContext(ServerImpl& s) {
  lws_set_log_level(LLL_ERR, nullptr);
  auto& mounts = s.mounts;  // lws keeps pointers into these for the vhost's life
  mounts.clear();
  mounts.reserve(8);
  const lws_http_mount* next = nullptr;
  s.portalOrigin = s.cfg.portalDir.empty() ? "" : std::filesystem::absolute(s.cfg.portalDir).string();
  s.hlsOrigin = s.cfg.hlsDir.empty() ? "" : std::filesystem::absolute(s.cfg.hlsDir).string();
  if (!s.portalOrigin.empty()) {
    mounts.push_back(makeMount("/", s.portalOrigin.c_str(), LWSMPRO_FILE, next));
    next = &mounts.back();
  }
  if (!s.hlsOrigin.empty()) {
    mounts.push_back(makeMount("/live", s.hlsOrigin.c_str(), LWSMPRO_FILE, next));
    mounts.back().cache_max_age = 1;
    next = &mounts.back();
  }
  if (!s.cfg.archiveDir.empty()) {
    // Our own handler, not a file mount: the archive's video needs Range to seek.
    mounts.push_back(makeMount("/archive", nullptr, LWSMPRO_CALLBACK, next));
    next = &mounts.back();
  }
  mounts.push_back(makeMount("/api", nullptr, LWSMPRO_CALLBACK, next));
  next = &mounts.back();
  mounts.push_back(makeMount("/health", nullptr, LWSMPRO_CALLBACK, next));
  next = &mounts.back();

  lws_context_creation_info info{};
  info.port = s.cfg.port;
  info.iface = s.cfg.host.empty() ? nullptr : s.cfg.host.c_str();
  info.protocols = kProtocols;
  info.mounts = next;
  info.user = &s;
  info.options = 0;
  info.timeout_secs = 30;
  info.ka_time = 60;  // TCP keepalive: find tablets that vanished from the Wi-Fi
  info.ka_probes = 3;
  info.ka_interval = 10;
  if (!s.cfg.tlsCert.empty() && !s.cfg.tlsKey.empty()) {
    info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    info.ssl_cert_filepath = s.cfg.tlsCert.c_str();
    info.ssl_private_key_filepath = s.cfg.tlsKey.c_str();
  }
  s.ctx = lws_create_context(&info);
  if (!s.ctx) throw std::runtime_error("cannot start the server on " + s.cfg.host + ":" + std::to_string(s.cfg.port));
  s.vhost = lws_get_vhost_by_name(s.ctx, "default");
  if (!s.vhost) throw std::runtime_error("no default vhost");
}

}  // namespace chamber::net
