#pragma once
/// The few OpenSSL calls the store needs: SHA-256, random tokens, PIN hashing (PBKDF2).
#include <string>
#include <string_view>

namespace chamber::store {

std::string sha256Hex(std::string_view data);
/// `bytes` random bytes as lowercase hex.
std::string randomHex(int bytes);
std::string randomBytes(int bytes);

/// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>"
std::string hashSecret(std::string_view secret, int iterations = 60000);
/// Constant-time check of a secret against hashSecret's output.
bool verifySecret(std::string_view secret, const std::string& stored);

/// Incremental SHA-256 (uploads are hashed while they stream to disk).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, std::size_t size);
  std::string hex();

 private:
  void* ctx_;
};

}  // namespace chamber::store
