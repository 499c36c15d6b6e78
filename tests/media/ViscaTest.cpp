// The VISCA-over-IP client against a small VISCA responder on loopback: the bytes on the
// wire, the ACK and completion, a refused preset, a camera that does not answer.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "core/Visca.h"

using namespace chamber::media;

namespace {

/// Answers VISCA-over-IP commands like a Sony camera: ACK then completion, or an error
/// for presets it does not have, or silence.
class FakeCamera {
 public:
  enum class Mode { Normal, Refuse, Silent };
  explicit FakeCamera(Mode mode) : mode_(mode) {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    timeval tv{0, 100000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeCamera() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }
  Bytes lastRequest;

 private:
  void serve() {
    while (!stop_) {
      Bytes buf(64);
      sockaddr_in from{};
      socklen_t len = sizeof from;
      const auto n =
          ::recvfrom(fd_, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
      if (n <= 0) continue;
      buf.resize(static_cast<std::size_t>(n));
      lastRequest = buf;
      ViscaReply req;
      if (!parseViscaOverIp(buf, req) || mode_ == Mode::Silent) continue;
      auto reply = [&](Bytes payload) {
        const Bytes b = viscaOverIp(0x0111, req.sequence, payload);
        ::sendto(fd_, b.data(), b.size(), 0, reinterpret_cast<sockaddr*>(&from), len);
      };
      if (mode_ == Mode::Refuse) {
        reply({0x90, 0x61, 0x41, 0xFF});  // command not executable
      } else {
        reply({0x90, 0x41, 0xFF});  // ACK, socket 1
        reply({0x90, 0x51, 0xFF});  // completion
      }
    }
  }
  Mode mode_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

TEST(Visca, PresetRecallBytesOnTheWire) {
  EXPECT_EQ(viscaPresetRecall(1, 5), (Bytes{0x81, 0x01, 0x04, 0x3F, 0x02, 0x05, 0xFF}));
  EXPECT_EQ(viscaOverIp(0x0100, 0x01020304, {0x81, 0x01, 0x04, 0x3F, 0x02, 0x05, 0xFF}),
            (Bytes{0x01, 0x00, 0x00, 0x07, 0x01, 0x02, 0x03, 0x04, 0x81, 0x01, 0x04, 0x3F, 0x02,
                   0x05, 0xFF}));
  ViscaReply r;
  EXPECT_FALSE(parseViscaOverIp({0x01, 0x11, 0x00}, r));
  EXPECT_FALSE(
      parseViscaOverIp({0x01, 0x11, 0x00, 0x09, 0, 0, 0, 1, 0x90, 0x41, 0xFF}, r));  // wrong length
}

TEST(Visca, RecallsAPresetAndWaitsForCompletion) {
  FakeCamera cam(FakeCamera::Mode::Normal);
  ViscaClient client(cam.endpoint());
  EXPECT_EQ(client.recallPreset(3), "");
  ViscaReply sent;
  ASSERT_TRUE(parseViscaOverIp(cam.lastRequest, sent));
  EXPECT_EQ(sent.payloadType, 0x0100);
  EXPECT_EQ(sent.sequence, 1u);
  EXPECT_EQ(sent.payload, viscaPresetRecall(1, 3));
  EXPECT_EQ(client.recallPreset(4), "");
  ASSERT_TRUE(parseViscaOverIp(cam.lastRequest, sent));
  EXPECT_EQ(sent.sequence, 2u);  // each command its own sequence number
}

TEST(Visca, RefusalsAndSilenceAreClearErrors) {
  FakeCamera refusing(FakeCamera::Mode::Refuse);
  EXPECT_NE(ViscaClient(refusing.endpoint()).recallPreset(9).find("refused preset 9"),
            std::string::npos);
  FakeCamera silent(FakeCamera::Mode::Silent);
  EXPECT_NE(ViscaClient(silent.endpoint()).recallPreset(1, 300).find("no answer"),
            std::string::npos);
}
