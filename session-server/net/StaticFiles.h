#pragma once
// Internal to net/: a folder served over HTTP — the portal at /, the live HLS at /live/.
// Small files are kept in memory (checked against the file's inode, size and mtime on
// every request, so a new playlist is seen at once) and leave with their headers in one
// send(2); large ones go by sendfile(2). ETag/If-None-Match, Range, HEAD. Only plain
// names are served: no "..", no hidden files, no symbolic links, nothing outside the folder
// (net/SafeOpen.h).
#include <libwebsockets.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chamber::net {

struct HttpRequest;

class StaticFiles {
 public:
  /// `revalidate`: Cache-Control for most files; `.ts`/`.m4s` segments get a short max-age.
  /// `pagesOnly`: serve only what web pages need (see pageFile), not the rest of the folder.
  /// `connectOrigin`: one more origin the pages may connect to (the WebRTC signalling).
  StaticFiles(std::filesystem::path root, std::string revalidate, bool pagesOnly = false,
              std::string connectOrigin = {});

  /// Answers a GET or HEAD for `rel` ("/assets/app.js", "/" → "/index.html").
  int serve(lws* wsi, HttpRequest& r, std::string_view rel);

  /// Whether `rel` is a name this class would ever serve (tested on its own).
  static bool plainPath(std::string_view rel);
  /// Whether `rel` is part of the web pages: a top-level .html, or under /assets/ or /vendor/.
  static bool pageFile(std::string_view rel);

 private:
  struct Entry {
    std::uint64_t ino = 0, size = 0;
    std::int64_t mtime_ns = 0;
    std::string etag, body;
  };
  std::filesystem::path root_;
  std::string revalidate_;
  bool pagesOnly_ = false;
  std::string policy_;  ///< the pages' Content-Security-Policy
  std::unordered_map<std::string, Entry> cache_;
  std::size_t cachedBytes_ = 0;
};

/// The content type for a file name's extension.
const char* mimeTypeOf(std::string_view name);

}  // namespace chamber::net
