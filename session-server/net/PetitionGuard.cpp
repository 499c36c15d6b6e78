#include "net/PetitionGuard.h"

#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "store/Crypto.h"

namespace chamber::net {

PetitionGuard::PetitionGuard(PetitionLimits limits)
    : limits_(limits), key_(store::randomBytes(32)) {}

std::string PetitionGuard::mac(const std::string& text) const {
  unsigned char out[32];
  unsigned int len = sizeof out;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), out, &len);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < 16; ++i) {  // 128 bits are plenty for a one-use ticket
    s += hex[out[i] >> 4];
    s += hex[out[i] & 15];
  }
  return s;
}

std::string PetitionGuard::challenge(std::int64_t now_ms) {
  const std::string body =
      std::to_string(now_ms + limits_.challengeLifetime_ms) + "." + store::randomHex(12);
  return body + "." + mac(body);
}

int powZeroBits(const std::string& challenge, const std::string& nonce) {
  const std::string text = challenge + ":" + nonce;
  unsigned char d[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), d);
  int bits = 0;
  for (unsigned char byte : d) {
    if (byte == 0) {
      bits += 8;
      continue;
    }
    while (!(byte & 0x80)) {
      ++bits;
      byte = static_cast<unsigned char>(byte << 1);
    }
    break;
  }
  return bits;
}

std::string solvePow(const std::string& challenge, int bits) {
  for (std::uint64_t n = 0;; ++n)
    if (powZeroBits(challenge, std::to_string(n)) >= bits) return std::to_string(n);
}

std::string PetitionGuard::redeem(const std::string& challenge, const std::string& nonce,
                                  std::int64_t now_ms) {
  sweep(now_ms);
  const auto dot = challenge.rfind('.');
  const auto first = challenge.find('.');
  if (dot == std::string::npos || first == dot ||
      mac(challenge.substr(0, dot)) != challenge.substr(dot + 1))
    return "Mã kiểm tra không hợp lệ, hãy tải lại trang / invalid check: reload the page";
  std::int64_t expires = 0;
  try {
    expires = std::stoll(challenge.substr(0, first));
  } catch (...) {
    return "Mã kiểm tra không hợp lệ / invalid check";
  }
  if (expires < now_ms)
    return "Mã kiểm tra đã hết hạn, hãy gửi lại / the check expired: send again";
  if (used_.count(challenge)) return "Mã kiểm tra đã dùng / the check was used";
  if (nonce.empty() || nonce.size() > 32 || powZeroBits(challenge, nonce) < limits_.powBits)
    return "Chưa hoàn tất bước kiểm tra chống gửi tự động / the anti-spam check is not solved";
  used_[challenge] = expires;
  return {};
}

std::int64_t PetitionGuard::takeSource(const std::string& source, std::int64_t now_ms) {
  sweep(now_ms);
  auto& times = sources_[source];
  while (!times.empty() && times.front() <= now_ms - limits_.sourceWindow_ms) times.pop_front();
  if (static_cast<int>(times.size()) >= limits_.perSource)
    return times.front() + limits_.sourceWindow_ms - now_ms;
  times.push_back(now_ms);
  return 0;
}

void PetitionGuard::sweep(std::int64_t now_ms) {
  if (now_ms - lastSweep_ < 60'000) return;
  lastSweep_ = now_ms;
  std::erase_if(used_, [&](const auto& u) { return u.second < now_ms; });
  std::erase_if(sources_, [&](const auto& s) {
    return s.second.empty() || s.second.back() <= now_ms - limits_.sourceWindow_ms;
  });
}

}  // namespace chamber::net
