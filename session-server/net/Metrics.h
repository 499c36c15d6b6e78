#pragma once
/// The server's own figures for the council's IT officer, in the Prometheus text format
/// (GET /metrics, staff only): connections, commands by name and outcome, how long commits
/// take, the log's head, the media state, the free space where the data lives, and what the
/// media process last told of its recording (bytes, the recording disk's space and time left).
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "protocol/Client.h"

namespace chamber::net {

class ServerImpl;

class Metrics {
 public:
  void command(const std::string& name, const std::string& outcome) {
    ++commands_[{name, outcome}];
  }
  void commit(std::chrono::steady_clock::duration took);
  /// The media process's last figures (its "stats" message).
  void media(const protocol::MediaStats& m) {
    media_ = m;
    mediaAt_ = std::chrono::steady_clock::now();
  }
  /// The exposition text.
  std::string render(const ServerImpl& s) const;

 private:
  std::map<std::pair<std::string, std::string>, std::uint64_t> commands_;
  /// Commit time: upper bounds in seconds; the last bucket is +Inf.
  static constexpr std::array<double, 10> kBounds{0.0005, 0.001, 0.002, 0.005, 0.01,
                                                  0.02,   0.05,  0.1,   0.25,  1.0};
  std::array<std::uint64_t, kBounds.size() + 1> buckets_{};
  double sum_ = 0;
  std::uint64_t count_ = 0;
  std::optional<protocol::MediaStats> media_;
  std::chrono::steady_clock::time_point mediaAt_;
};

}  // namespace chamber::net
