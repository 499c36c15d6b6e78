#include "store/Crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace chamber::store {

namespace {

std::string toHex(const unsigned char* p, std::size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string s(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    s[2 * i] = kDigits[p[i] >> 4];
    s[2 * i + 1] = kDigits[p[i] & 15];
  }
  return s;
}

std::string fromHex(std::string_view h) {
  std::string out;
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i + 1 < h.size(); i += 2) {
    const int a = val(h[i]), b = val(h[i + 1]);
    if (a < 0 || b < 0) return {};
    out.push_back(static_cast<char>(a * 16 + b));
  }
  return out;
}

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
}
Sha256::~Sha256() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_));
}
void Sha256::update(const void* data, std::size_t size) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), data, size);
}
std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), md, &n);
  return toHex(md, n);
}

std::string sha256Hex(std::string_view data) {
  Sha256 h;
  h.update(data.data(), data.size());
  return h.hex();
}

std::string randomBytes(int bytes) {
  std::string out(static_cast<std::size_t>(bytes), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), bytes) != 1)
    throw std::runtime_error("RAND_bytes failed");
  return out;
}

std::string randomHex(int bytes) {
  const auto raw = randomBytes(bytes);
  return toHex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

namespace {
std::string pbkdf2(std::string_view secret, const std::string& salt, int iterations) {
  unsigned char out[32];
  if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(), sizeof out,
                        out) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return toHex(out, sizeof out);
}
}  // namespace

std::string hashSecret(std::string_view secret, int iterations) {
  const auto salt = randomBytes(16);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" +
         toHex(reinterpret_cast<const unsigned char*>(salt.data()), salt.size()) + "$" +
         pbkdf2(secret, salt, iterations);
}

bool verifySecret(std::string_view secret, const std::string& stored) {
  // pbkdf2-sha256$iter$salt$hash
  const auto a = stored.find('$');
  const auto b = stored.find('$', a + 1);
  const auto c = stored.find('$', b + 1);
  if (a == std::string::npos || b == std::string::npos || c == std::string::npos) return false;
  if (stored.substr(0, a) != "pbkdf2-sha256") return false;
  int iterations = 0;
  try {
    iterations = std::stoi(stored.substr(a + 1, b - a - 1));
  } catch (...) {
    return false;
  }
  if (iterations < 1 || iterations > 10'000'000) return false;
  const auto salt = fromHex(std::string_view(stored).substr(b + 1, c - b - 1));
  const auto expected = stored.substr(c + 1);
  const auto got = pbkdf2(secret, salt, iterations);
  return got.size() == expected.size() &&
         CRYPTO_memcmp(got.data(), expected.data(), got.size()) == 0;
}

}  // namespace chamber::store
