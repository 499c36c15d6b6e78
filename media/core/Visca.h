#pragma once
/// VISCA over IP (Sony's framing on UDP, port 52381 by default): an 8-byte header —
/// payload type (0x0100 command, 0x0111 reply), payload length, sequence number, all
/// big-endian — then the VISCA packet. We send preset recall (CAM_Memory Recall,
/// 8x 01 04 3F 02 pp FF) and wait for the ACK (90 4y FF) and completion (90 5y FF).
#include <cstdint>
#include <string>
#include <vector>

namespace chamber::media {

using Bytes = std::vector<std::uint8_t>;

Bytes viscaPresetRecall(int cameraAddress, int preset);
Bytes viscaOverIp(std::uint16_t payloadType, std::uint32_t sequence, const Bytes& payload);

struct ViscaReply {
  std::uint16_t payloadType = 0;
  std::uint32_t sequence = 0;
  Bytes payload;
  bool isAck() const { return payload.size() == 3 && (payload[1] & 0xF0) == 0x40; }
  bool isCompletion() const { return payload.size() >= 3 && (payload[1] & 0xF0) == 0x50; }
  bool isError() const { return payload.size() == 4 && (payload[1] & 0xF0) == 0x60; }
};
bool parseViscaOverIp(const Bytes& datagram, ViscaReply& out);

/// A small blocking UDP client for one PTZ camera. Not thread-safe; one per camera.
class ViscaClient {
 public:
  /// "host:port"
  explicit ViscaClient(const std::string& endpoint);
  ~ViscaClient();
  ViscaClient(const ViscaClient&) = delete;
  ViscaClient& operator=(const ViscaClient&) = delete;

  /// Recalls a preset; waits up to timeout_ms for the completion. Returns "" or an error.
  std::string recallPreset(int preset, int timeout_ms = 1500);

 private:
  int fd_ = -1;
  std::uint32_t sequence_ = 0;
  std::string endpoint_;
};

}  // namespace chamber::media
