#include "net/StaticFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "net/HttpResponse.h"
#include "net/SafeOpen.h"

namespace chamber::net {

namespace {

constexpr std::uint64_t kSmallFile = 256 * 1024;  // kept in memory below this
constexpr std::size_t kCacheBudget = 32u << 20;   // all small files together

bool endsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

int notFound(lws* wsi, HttpRequest& r) {
  return respondError(wsi, r, 404, "not_found", "Không tìm thấy / not found");
}

}  // namespace

const char* mimeTypeOf(std::string_view name) {
  static const std::pair<std::string_view, const char*> types[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".m3u8", "application/vnd.apple.mpegurl"},
      {".ts", "video/mp2t"},
      {".m4s", "video/iso.segment"},
      {".mp4", "video/mp4"},
      {".pdf", "application/pdf"},
      {".csv", "text/csv; charset=utf-8"},
      {".vtt", "text/vtt; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : types)
    if (endsWith(name, ext)) return type;
  return "application/octet-stream";
}

bool StaticFiles::plainPath(std::string_view rel) {
  if (rel.empty() || rel.front() != '/' || rel.size() > 512) return false;
  std::size_t i = 1;
  while (i <= rel.size()) {
    const auto slash = rel.find('/', i);
    const auto part = rel.substr(i, (slash == std::string_view::npos ? rel.size() : slash) - i);
    if (slash == std::string_view::npos && part.empty()) break;  // a trailing "/" means index.html
    if (part.empty() || part.front() == '.') return false;       // "//", "..", hidden files
    for (char c : part)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '-' || c == '_'))
        return false;
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  return true;
}

StaticFiles::StaticFiles(std::filesystem::path root, std::string revalidate, bool pagesOnly,
                         std::string connectOrigin)
    : root_(std::move(root)), revalidate_(std::move(revalidate)), pagesOnly_(pagesOnly) {
  // The portal's pages load only their own scripts, styles, media and feed: no inline
  // script, nothing from elsewhere, not framed by other sites. (hls.js runs a worker and
  // feeds the video from blob: URLs; the chapters track is a blob: too.) The live view's
  // signalling may sit at another origin (Janus without nginx in front).
  policy_ =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self' ws: wss:" +
      (connectOrigin.empty() ? std::string() : " " + connectOrigin) +
      "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

bool StaticFiles::pageFile(std::string_view rel) {
  // "/x.html" or beneath "/assets/" or "/vendor/": not package.json, node_modules, sources.
  const auto second = rel.find('/', 1);
  if (second == std::string_view::npos) return endsWith(rel, ".html");
  const auto top = rel.substr(1, second - 1);
  return top == "assets" || top == "vendor";
}

int StaticFiles::serve(lws* wsi, HttpRequest& r, std::string_view relIn) {
  if (!plainPath(relIn)) return notFound(wsi, r);
  std::string rel(relIn);
  if (rel.back() == '/') rel += "index.html";
  if (pagesOnly_ && !pageFile(rel)) return notFound(wsi, r);
  struct stat sb {};
  const int fd = openBeneath(root_, rel, sb);
  if (fd < 0) return notFound(wsi, r);
  const std::int64_t mtime = std::int64_t{sb.st_mtim.tv_sec} * 1000000000 + sb.st_mtim.tv_nsec;
  const std::string etag = "\"" + std::to_string(sb.st_ino) + "-" + std::to_string(sb.st_size) +
                           "-" + std::to_string(mtime) + "\"";
  const bool segment = endsWith(rel, ".ts") || endsWith(rel, ".m4s");
  const std::string cache = segment ? "public, max-age=60" : revalidate_;
  const char* mime = mimeTypeOf(rel);
  if (endsWith(rel, ".html")) {
    // On every answer of a page: 200, 206 and 304 alike.
    r.headers.emplace_back("content-security-policy:", policy_);
    r.headers.emplace_back("referrer-policy:", "same-origin");
  }
  if (static_cast<std::uint64_t>(sb.st_size) >= kSmallFile ||
      !header(wsi, WSI_TOKEN_HTTP_RANGE).empty())
    return serveFile(wsi, r, {fd, {}, sb.st_size, etag, mime, cache});

  Entry& e = cache_[rel];
  if (e.etag != etag) {
    // New or changed: read it once (a playlist being rewritten is read as it is now).
    std::string body(static_cast<std::size_t>(sb.st_size), '\0');
    std::size_t got = 0;
    while (got < body.size()) {
      const auto n = ::read(fd, body.data() + got, body.size() - got);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    body.resize(got);
    cachedBytes_ = cachedBytes_ - e.body.size() + body.size();
    e = {static_cast<std::uint64_t>(sb.st_ino), static_cast<std::uint64_t>(sb.st_size), mtime, etag,
         std::move(body)};
    if (cachedBytes_ > kCacheBudget) {  // start again rather than track ages: rare
      Entry keep = std::move(e);
      cache_.clear();
      cachedBytes_ = keep.body.size();
      cache_[rel] = std::move(keep);
    }
  }
  ::close(fd);
  const Entry& entry = cache_[rel];
  r.headers.emplace_back("etag:", entry.etag);
  r.headers.emplace_back("cache-control:", cache);
  r.headers.emplace_back("x-content-type-options:", "nosniff");
  if (header(wsi, WSI_TOKEN_HTTP_IF_NONE_MATCH) == entry.etag) {
    r.status = 304;
    r.headOnly = true;
    return respond(wsi, r);
  }
  r.status = 200;
  r.contentType = mime;
  r.body = entry.body;
  return respond(wsi, r);
}

}  // namespace chamber::net
