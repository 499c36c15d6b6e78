#include "store/Documents.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "papers/Signatures.h"

namespace chamber::store {

namespace fs = std::filesystem;

bool isSha256Hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

Documents::Documents(Database& db, fs::path dir) : db_(db), dir_(std::move(dir)) {
  fs::create_directories(dir_);
}

Documents::Upload::Upload(fs::path tmp, std::int64_t limit) : tmp_(std::move(tmp)), limit_(limit) {
  file_ = std::fopen(tmp_.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot write " + tmp_.string());
}

Documents::Upload::~Upload() {
  if (file_) std::fclose(file_);
  std::error_code ec;
  fs::remove(tmp_, ec);  // a no-op once finish() renamed it
}

bool Documents::Upload::write(const void* data, std::size_t n) {
  if (over_) return false;
  size_ += static_cast<std::int64_t>(n);
  if (size_ > limit_) {
    over_ = true;
    return false;
  }
  if (head_.size() < 8) head_.append(static_cast<const char*>(data), std::min<std::size_t>(n, 8));
  hash_.update(data, n);
  if (!signedPdf_) {
    static const std::string key = "/ByteRange";
    const char* c = static_cast<const char*>(data);
    const std::string edge = tail_ + std::string(c, std::min<std::size_t>(n, key.size()));
    signedPdf_ = edge.find(key) != std::string::npos ||
                 std::search(c, c + n, key.begin(), key.end()) != c + n;
    tail_.assign(n >= key.size() ? c + n - (key.size() - 1) : c, std::min(n, key.size() - 1));
  }
  if (std::fwrite(data, 1, n, file_) != n) throw std::runtime_error("disk write failed");
  return true;
}

std::unique_ptr<Documents::Upload> Documents::begin(std::int64_t limitBytes) {
  return std::unique_ptr<Upload>(new Upload(dir_ / (".upload-" + randomHex(8)), limitBytes));
}

DocumentMeta Documents::finish(std::unique_ptr<Upload> up, const std::string& title,
                               const std::string& filename, bool classified, std::int64_t now_ms) {
  if (up->over_) throw std::runtime_error("the file is larger than allowed");
  if (up->head_.rfind("%PDF-", 0) != 0) throw std::runtime_error("not a PDF file");
  if (std::fflush(up->file_) != 0 || ::fsync(fileno(up->file_)) != 0)
    throw std::runtime_error("disk write failed");
  std::fclose(up->file_);
  up->file_ = nullptr;
  DocumentMeta m;
  m.sha256 = up->hash_.hex();
  m.title = title;
  m.filename = filename;
  m.size = up->size_;
  m.classified = classified;
  m.created_ms = now_ms;
  const fs::path target = pathOf(m.sha256);
  if (!fs::exists(target)) fs::rename(up->tmp_, target);
  // A signed paper: its signatures are checked as it arrives, and shown with it.
  if (up->signedPdf_) m.signatures = papers::toJson(papers::verifyPdfIsolated(target.string()));
  auto s = db_.prepare(
      "INSERT INTO documents(sha256, title, filename, mime, size, classified, created_ms, "
      "signatures) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(sha256) DO UPDATE SET "
      // The same bytes uploaded again as classified become classified; never the reverse.
      "classified = MAX(documents.classified, excluded.classified)");
  s.bind(1, m.sha256).bind(2, m.title).bind(3, m.filename).bind(4, m.mime).bind(5, m.size);
  s.bind(6, m.classified ? 1 : 0).bind(7, m.created_ms).bind(8, m.signatures);
  s.run();
  return *find(m.sha256);
}

DocumentMeta Documents::addFile(const fs::path& file, const std::string& title, bool classified,
                                std::int64_t now_ms) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  auto up = begin(INT64_MAX);
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    if (in.gcount() > 0) up->write(buf, static_cast<std::size_t>(in.gcount()));
  }
  return finish(std::move(up), title, file.filename().string(), classified, now_ms);
}

std::optional<DocumentMeta> Documents::find(const std::string& sha) {
  if (!isSha256Hex(sha)) return std::nullopt;
  auto s = db_.prepare(
      "SELECT sha256, title, filename, mime, size, classified, created_ms, signatures FROM "
      "documents WHERE sha256 = ?");
  s.bind(1, sha);
  if (!s.step()) return std::nullopt;
  return DocumentMeta{s.text(0),    s.text(1),         s.text(2),    s.text(3),
                      s.integer(4), s.integer(5) != 0, s.integer(6), s.text(7)};
}

std::vector<DocumentMeta> Documents::list() {
  std::vector<DocumentMeta> out;
  auto s = db_.prepare(
      "SELECT sha256, title, filename, mime, size, classified, created_ms, signatures FROM "
      "documents ORDER BY created_ms");
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4), s.integer(5) != 0,
                   s.integer(6), s.text(7)});
  return out;
}

}  // namespace chamber::store
