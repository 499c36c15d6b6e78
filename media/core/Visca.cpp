#include "core/Visca.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace chamber::media {

Bytes viscaPresetRecall(int cameraAddress, int preset) {
  return {static_cast<std::uint8_t>(0x80 | (cameraAddress & 0x07)),
          0x01,
          0x04,
          0x3F,
          0x02,
          static_cast<std::uint8_t>(preset & 0xFF),
          0xFF};
}

Bytes viscaOverIp(std::uint16_t type, std::uint32_t seq, const Bytes& payload) {
  Bytes b = {static_cast<std::uint8_t>(type >> 8),
             static_cast<std::uint8_t>(type),
             static_cast<std::uint8_t>(payload.size() >> 8),
             static_cast<std::uint8_t>(payload.size()),
             static_cast<std::uint8_t>(seq >> 24),
             static_cast<std::uint8_t>(seq >> 16),
             static_cast<std::uint8_t>(seq >> 8),
             static_cast<std::uint8_t>(seq)};
  b.insert(b.end(), payload.begin(), payload.end());
  return b;
}

bool parseViscaOverIp(const Bytes& d, ViscaReply& out) {
  if (d.size() < 8) return false;
  out.payloadType = static_cast<std::uint16_t>(d[0] << 8 | d[1]);
  const std::size_t len = static_cast<std::size_t>(d[2] << 8 | d[3]);
  out.sequence = static_cast<std::uint32_t>(d[4]) << 24 | static_cast<std::uint32_t>(d[5]) << 16 |
                 static_cast<std::uint32_t>(d[6]) << 8 | d[7];
  if (d.size() != 8 + len || len == 0 || d.back() != 0xFF) return false;
  out.payload.assign(d.begin() + 8, d.end());
  return true;
}

ViscaClient::ViscaClient(const std::string& endpoint) : endpoint_(endpoint) {
  const auto colon = endpoint.rfind(':');
  const std::string host = endpoint.substr(0, colon);
  const std::string port = colon == std::string::npos ? "52381" : endpoint.substr(colon + 1);
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_DGRAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0 || !res) return;
  fd_ = ::socket(res->ai_family, res->ai_socktype, 0);
  if (fd_ >= 0 && ::connect(fd_, res->ai_addr, res->ai_addrlen) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
  freeaddrinfo(res);
}

ViscaClient::~ViscaClient() {
  if (fd_ >= 0) ::close(fd_);
}

std::string ViscaClient::recallPreset(int preset, int timeout_ms) {
  if (fd_ < 0) return "VISCA: cannot reach " + endpoint_;
  const std::uint32_t seq = ++sequence_;
  const Bytes msg = viscaOverIp(0x0100, seq, viscaPresetRecall(1, preset));
  if (::send(fd_, msg.data(), msg.size(), 0) != static_cast<ssize_t>(msg.size()))
    return "VISCA: send failed";
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool acked = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          end - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0)
      return acked ? "VISCA: no completion from " + endpoint_
                   : "VISCA: no answer from " + endpoint_;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    Bytes buf(64);
    const auto n = ::recv(fd_, buf.data(), buf.size(), 0);
    if (n <= 0) return "VISCA: " + std::string(std::strerror(errno));
    buf.resize(static_cast<std::size_t>(n));
    ViscaReply r;
    if (!parseViscaOverIp(buf, r) || r.sequence != seq) continue;  // stale or foreign
    if (r.isError()) return "VISCA: the camera refused preset " + std::to_string(preset);
    if (r.isAck()) acked = true;
    if (r.isCompletion()) return "";
  }
}

}  // namespace chamber::media
