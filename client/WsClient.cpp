#include "WsClient.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace chamber::client {

double monotonicMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string loadSecret(const std::string& file, const char* env, std::string& secret) {
  if (file.empty()) {
    const char* v = std::getenv(env);
    if (!v || !*v) return std::string("no secret: set ") + env + " or give a password file";
    secret = v;
    return "";
  }
  struct stat sb {};
  if (::stat(file.c_str(), &sb) != 0) return "cannot read " + file;
  if (sb.st_mode & (S_IRWXG | S_IRWXO)) return file + " may be read by others: chmod 600 it";
  std::ifstream f(file);
  if (!std::getline(f, secret) || secret.empty()) return file + " holds no secret";
  return "";
}

bool parseWsUrl(const std::string& url, std::string& host, int& port, bool* tls) {
  const auto slashes = url.find("://");
  const auto colon = url.rfind(':');
  if (slashes == std::string::npos || colon == std::string::npos || colon <= slashes + 3)
    return false;
  const std::string scheme = url.substr(0, slashes);
  if (scheme != "ws" && scheme != "wss") return false;
  host = url.substr(slashes + 3, colon - slashes - 3);
  const std::string digits = url.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return false;
  port = std::stoi(digits);
  if (tls) *tls = scheme == "wss";
  return !host.empty() && port > 0 && port < 65536;
}

int clientCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
  auto* c = static_cast<Client*>(user);
  switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
      if (!c) return 0;
      c->open_ = true;
      if (c->onOpen) c->onOpen();
      if (!c->outbox_.empty()) lws_callback_on_writable(wsi);
      return 0;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
    case LWS_CALLBACK_CLIENT_CLOSED:
      if (!c) return 0;
      if (reason == LWS_CALLBACK_CLIENT_CONNECTION_ERROR) {
        c->failed_ = true;
        c->error_ = in ? std::string(static_cast<const char*>(in), len) : "connection error";
      }
      c->closed_ = true;
      c->open_ = false;
      c->wsi_ = nullptr;
      if (c->onClose) c->onClose();
      return 0;
    case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
      if (c && in && len >= 2) {
        const auto* b = static_cast<const unsigned char*>(in);
        c->closeCode_ = (b[0] << 8) | b[1];
      }
      return 0;
    case LWS_CALLBACK_CLIENT_RECEIVE: {
      if (!c) return 0;
      c->rx_.append(static_cast<const char*>(in), len);
      if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi) > 0) return 0;
      std::string msg;
      msg.swap(c->rx_);
      if (c->onMessage)
        c->onMessage(msg);
      else
        c->inbox.push_back(std::move(msg));
      return 0;
    }
    case LWS_CALLBACK_CLIENT_WRITEABLE: {
      if (!c) return 0;
      if (c->outbox_.empty()) return c->closing_ ? -1 : 0;
      std::string& f = c->outbox_.front();
      const auto n = f.size() - LWS_PRE;
      if (lws_write(wsi, reinterpret_cast<unsigned char*>(f.data()) + LWS_PRE, n, LWS_WRITE_TEXT) <
          static_cast<int>(n))
        return -1;
      c->outbox_.pop_front();
      if (!c->outbox_.empty() || c->closing_) lws_callback_on_writable(wsi);
      return 0;
    }
    default:
      return 0;
  }
}

namespace {
lws_protocols kProtocols[] = {
    {"chamber.v1", clientCallback, 0, 64 * 1024, 0, nullptr, 0},
    {nullptr, nullptr, 0, 0, 0, nullptr, 0},
};

void tick(lws_sorted_usec_list_t*) {}
}  // namespace

ClientLoop::ClientLoop(const std::string& caFile) : caFile_(caFile) {
  lws_set_log_level(LLL_ERR, nullptr);
  lws_context_creation_info info{};
  info.port = CONTEXT_PORT_NO_LISTEN;
  info.protocols = kProtocols;
  info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
  if (!caFile_.empty()) info.client_ssl_ca_filepath = caFile_.c_str();
  info.timeout_secs = 20;
  info.connect_timeout_secs = 10;
  ctx_ = lws_create_context(&info);
  if (!ctx_) throw std::runtime_error("lws client context failed");
}

ClientLoop::~ClientLoop() {
  lws_context_destroy(ctx_);  // closes every connection; callbacks see clients still alive
  clients_.clear();
}

void Client::send(std::string text) {
  std::string f(LWS_PRE + text.size(), '\0');
  std::memcpy(f.data() + LWS_PRE, text.data(), text.size());
  outbox_.push_back(std::move(f));
  if (wsi_ && open_ && outbox_.size() == 1) lws_callback_on_writable(wsi_);
}

void Client::close() {
  closing_ = true;
  if (wsi_) lws_callback_on_writable(wsi_);
}

Client& ClientLoop::connect(const std::string& host, int port, bool tls, const std::string& path,
                            const std::string& subprotocol) {
  clients_.push_back(std::make_unique<Client>());
  Client& c = *clients_.back();
  c.loop_ = this;
  c.host_ = host;
  lws_client_connect_info i{};
  i.context = ctx_;
  i.address = c.host_.c_str();
  i.port = port;
  i.path = path.c_str();
  i.host = i.address;
  i.origin = i.address;
  i.protocol = subprotocol.c_str();
  i.ssl_connection = tls ? LCCSCF_USE_SSL : 0;  // the chain and the host name are verified
  i.userdata = &c;
  i.pwsi = &c.wsi_;
  if (!lws_client_connect_via_info(&i)) {
    c.failed_ = true;
    c.closed_ = true;
    c.error_ = "connect failed at once";
    c.wsi_ = nullptr;
  }
  return c;
}

void ClientLoop::release(Client& c) {
  if (!c.closed_) return;
  std::erase_if(clients_, [&](const auto& p) { return p.get() == &c; });
}

void ClientLoop::service(int max_ms) {
  // lws_service ignores its timeout: a timer bounds the wait instead.
  lws_sul_schedule(ctx_, 0, &tick_, tick, static_cast<lws_usec_t>(max_ms) * 1000);
  lws_service(ctx_, 0);
}

bool ClientLoop::runUntil(const std::function<bool()>& done, int timeout_ms) {
  const double end = monotonicMs() + timeout_ms;
  while (!done()) {
    const double left = end - monotonicMs();
    if (left <= 0) return false;
    service(static_cast<int>(std::min(left, 20.0)) + 1);
  }
  return true;
}

}  // namespace chamber::client
