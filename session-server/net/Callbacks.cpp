// The lws context: protocols ("http" first, then chamber.v1), mounts, TLS, and the
// WebSocket callback. No exception crosses back into C.
#include "net/Callbacks.h"

#include <openssl/ssl.h>

#include <cstring>
#include <stdexcept>

#include "net/Http.h"
#include "net/ServerImpl.h"
#include "net/StaticFiles.h"
#include "protocol/Codec.h"
#include "protocol/Messages.h"

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
                           reinterpret_cast<unsigned char*>(const_cast<char*>(kWhy)),
                           sizeof kWhy - 1);
          return -1;
        }
        c->rx.append(static_cast<const char*>(in), len);
        if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi) > 0) return 0;
        std::string msg;
        msg.swap(c->rx);
        if (lws_frame_is_binary(wsi)) {
          s.defer(*c, protocol::errorReply("", "bad_message", "text frames only (JSON)").dump());
          return 0;
        }
        s.onMessage(*c, msg);
        return 0;
      }
      case LWS_CALLBACK_SERVER_WRITEABLE:
        return *slot ? serverOf(wsi).onWritable(**slot) : 0;
      case LWS_CALLBACK_EVENT_WAIT_CANCELLED:  // a worker finished a sign-in check
        serverOf(wsi).finishSignIns();
        return 0;
      default:
        return 0;
    }
  } catch (const std::exception& e) {
    serverOf(wsi).log->error("WebSocket callback failed: {}", e.what());
    return -1;
  }
}

lws_protocols kProtocols[] = {
    {"http", httpCallback, sizeof(void*), 0, 0, nullptr, 0},
    {protocol::kSubprotocol, wsCallback, sizeof(Connection*), 16 * 1024, 0, nullptr, 0},
    {nullptr, nullptr, 0, 0, 0, nullptr, 0},
};

/// Every path is ours to answer (net/Http.cpp): files too, so that they leave by sendfile
/// with proper caching headers.
lws_http_mount makeMount(const char* point, const lws_http_mount* next) {
  lws_http_mount m{};
  m.mount_next = next;
  m.mountpoint = point;
  m.mountpoint_len = static_cast<unsigned char>(std::strlen(point));
  m.origin_protocol = LWSMPRO_CALLBACK;
  m.protocol = "http";
  return m;
}

}  // namespace

void createContext(ServerImpl& s) {
  lws_set_log_level(LLL_ERR, nullptr);
  auto& mounts = s.mounts;  // lws keeps pointers into these for the vhost's life
  mounts.clear();
  mounts.reserve(8);
  const lws_http_mount* next = nullptr;
  if (!s.cfg.portalDir.empty()) {
    // An absolute signalling URL: its origin ("http://host:port") may be connected to.
    std::string origin;
    if (const auto scheme = s.cfg.webrtcUrl.find("://"); scheme != std::string::npos)
      origin = s.cfg.webrtcUrl.substr(0, s.cfg.webrtcUrl.find('/', scheme + 3));
    s.portalFiles = std::make_unique<StaticFiles>(std::filesystem::absolute(s.cfg.portalDir),
                                                  "no-cache", true, origin);
  }
  if (!s.cfg.hlsDir.empty())
    s.liveFiles =
        std::make_unique<StaticFiles>(std::filesystem::absolute(s.cfg.hlsDir), "no-cache");
  for (const char* point : {"/", "/live", "/archive", "/api", "/health"}) {
    mounts.push_back(makeMount(point, next));
    next = &mounts.back();
  }

  lws_context_creation_info info{};
  info.port = s.cfg.port;
  info.iface = s.cfg.host.empty() ? nullptr : s.cfg.host.c_str();
  info.protocols = kProtocols;
  info.mounts = next;
  info.user = &s;
  info.options = 0;
  info.timeout_secs = 30;
  // lws serves the portal's and the live HLS files in chunks of this buffer (default 4 KiB):
  // larger chunks, far fewer system calls per segment. One buffer per service thread.
  info.pt_serv_buf_size = 128 * 1024;
  info.ka_time = 60;  // TCP keepalive: find tablets that vanished from the Wi-Fi
  info.ka_probes = 3;
  info.ka_interval = 10;
  if (s.cfg.tlsCert.empty() != s.cfg.tlsKey.empty())
    throw std::runtime_error(
        "--tls-cert and --tls-key go together: one without the other would serve plain HTTP");
  if (!s.cfg.tlsCert.empty()) {
    info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    info.ssl_cert_filepath = s.cfg.tlsCert.c_str();
    info.ssl_private_key_filepath = s.cfg.tlsKey.c_str();
    // TLS 1.2 with forward-secret AEAD suites only (ECDHE + GCM/ChaCha20), and TLS 1.3.
    info.ssl_cipher_list =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
    info.tls1_3_plus_cipher_list =
        "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
    info.ssl_options_set = SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                           SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE;
  }
  s.ctx = lws_create_context(&info);
  if (!s.ctx)
    throw std::runtime_error("cannot start the server on " + s.cfg.host + ":" +
                             std::to_string(s.cfg.port));
  s.vhost = lws_get_vhost_by_name(s.ctx, "default");
  if (!s.vhost) throw std::runtime_error("no default vhost");
}

}  // namespace chamber::net
