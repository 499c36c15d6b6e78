#pragma once
/// What keeps the petition form open to every citizen and closed to a flood, without any
/// outside service: a small proof of work per submission (the browser finds a nonce whose
/// SHA-256 with the server's challenge starts with `bits` zero bits: about 2^bits hashes,
/// a second or two on a phone, and each challenge is good once), and limits per source
/// address and per contact. Event-loop thread only.
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

namespace chamber::net {

struct PetitionLimits {
  int powBits = 16;
  std::int64_t challengeLifetime_ms = 30 * 60 * 1000;
  int perSource = 10;                                   ///< submissions per address …
  std::int64_t sourceWindow_ms = 60 * 60 * 1000;        ///< … within this window
  int perContact = 3;                                   ///< per phone or e-mail …
  std::int64_t contactWindow_ms = 24 * 60 * 60 * 1000;  ///< … within this window
  std::size_t maxBodyBytes = 32 * 1024;
  std::size_t maxImportBytes = 4 << 20;
};

class PetitionGuard {
 public:
  explicit PetitionGuard(PetitionLimits limits);
  const PetitionLimits& limits() const { return limits_; }

  /// A new challenge: "<expires_ms>.<random>.<mac>".
  std::string challenge(std::int64_t now_ms);
  /// Empty when the challenge is the server's, unexpired, unused and `nonce` solves it (it
  /// is then used up); otherwise why not, for the citizen.
  std::string redeem(const std::string& challenge, const std::string& nonce, std::int64_t now_ms);
  /// Whether a challenge was solved before (a retry of the same submission).
  bool used(const std::string& challenge) const { return used_.count(challenge) > 0; }

  /// Milliseconds until `source` may send again (0: now), counting this one when 0.
  std::int64_t takeSource(const std::string& source, std::int64_t now_ms);

 private:
  PetitionLimits limits_;
  std::string key_;
  std::unordered_map<std::string, std::int64_t> used_;  ///< challenge -> its expiry
  std::unordered_map<std::string, std::deque<std::int64_t>> sources_;
  std::int64_t lastSweep_ = 0;
  void sweep(std::int64_t now_ms);
  std::string mac(const std::string& text) const;
};

/// Leading zero bits of SHA-256(challenge ":" nonce): the proof of work's measure (also what
/// a client computes; tests and the benchmark solve with it).
int powZeroBits(const std::string& challenge, const std::string& nonce);
std::string solvePow(const std::string& challenge, int bits);

}  // namespace chamber::net
