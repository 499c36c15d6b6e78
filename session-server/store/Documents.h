#pragma once
/// Documents stored once under their SHA-256 (content-addressed files in one folder),
/// with their metadata in SQLite. Uploads stream to a temporary file while they are
/// hashed, then are renamed into place: a crash never leaves a half file under a hash.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/Crypto.h"
#include "store/Database.h"

namespace chamber::store {

struct DocumentMeta {
  std::string sha256;
  std::string title;
  std::string filename;
  std::string mime = "application/pdf";
  std::int64_t size = 0;
  bool classified = false;
  std::int64_t created_ms = 0;
  /// Its digital signatures as checked when it arrived (papers::toJson): "{}" when unsigned.
  std::string signatures = "{}";
};

bool isSha256Hex(const std::string& s);

class Documents {
 public:
  Documents(Database& db, std::filesystem::path dir);

  /// One upload in progress.
  class Upload {
   public:
    ~Upload();
    /// False once more than `limit` bytes arrived (the upload is then refused).
    bool write(const void* data, std::size_t size);
    std::int64_t size() const { return size_; }
    bool overLimit() const { return over_; }

   private:
    friend class Documents;
    Upload(std::filesystem::path tmp, std::int64_t limit);
    std::filesystem::path tmp_;
    std::FILE* file_ = nullptr;
    Sha256 hash_;
    std::int64_t size_ = 0;
    std::int64_t limit_;
    bool over_ = false;
    std::string head_;        // the first bytes, to check the file type
    bool signedPdf_ = false;  // a signature's /ByteRange was seen
    std::string tail_;        // the last bytes of the previous write (a key split across two)
  };

  std::unique_ptr<Upload> begin(std::int64_t limitBytes);
  /// Finishes an upload: checks it is a PDF, stores it under its hash, records the
  /// metadata (the first title wins for an identical file). Throws std::runtime_error.
  DocumentMeta finish(std::unique_ptr<Upload> up, const std::string& title,
                      const std::string& filename, bool classified, std::int64_t now_ms);
  /// Adds a file from disk (chamberctl).
  DocumentMeta addFile(const std::filesystem::path& file, const std::string& title, bool classified,
                       std::int64_t now_ms);

  std::optional<DocumentMeta> find(const std::string& sha256);
  std::vector<DocumentMeta> list();
  std::filesystem::path pathOf(const std::string& sha256) const { return dir_ / sha256; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  Database& db_;
  std::filesystem::path dir_;
};

}  // namespace chamber::store
