// libFuzzer: the parts of an HTTP request the server decides on by itself — the path (which
// names it would ever serve: plain names, the portal's pages only), the Range header against
// a file's size, and opening the path beneath a served folder that holds symbolic links,
// a hard link and a folder link pointing out of it. Input: "path\nrange\nsize".
// Invariants (a trap, not just "no crash"): a served name has no "..", no hidden part, no
// "//"; a range lies inside the file; an opened file is a regular file inside the folder.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "net/HttpResponse.h"
#include "net/SafeOpen.h"
#include "net/StaticFiles.h"

namespace fs = std::filesystem;
using namespace chamber::net;

namespace {

fs::path makeTree() {
  const fs::path base =
      fs::temp_directory_path() / ("chamber-fuzz-http-" + std::to_string(::getpid()));
  fs::remove_all(base);
  const fs::path root = base / "www", outside = base / "outside";
  fs::create_directories(root / "assets" / "sub");
  fs::create_directories(outside);
  std::ofstream(root / "index.html") << "<!doctype html>";
  std::ofstream(root / "assets" / "app.js") << "1";
  std::ofstream(root / "assets" / "sub" / "a.css") << "a{}";
  std::ofstream(outside / "chamber.db") << "SQLite format 3";
  fs::create_symlink(outside / "chamber.db", root / "db.html");
  fs::create_symlink(outside / "chamber.db", root / "assets" / "db.js");
  fs::create_directory_symlink(outside, root / "assets" / "out");
  fs::create_hard_link(outside / "chamber.db", root / "assets" / "hard.js");
  return root;
}

bool inside(const fs::path& root, int fd) {
  char buf[4096];
  const auto n = ::readlink(("/proc/self/fd/" + std::to_string(fd)).c_str(), buf, sizeof buf - 1);
  if (n <= 0) return false;
  const std::string real(buf, static_cast<std::size_t>(n));
  const std::string prefix = fs::canonical(root).string() + "/";
  return real.rfind(prefix, 0) == 0 && real.find("chamber.db") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path root = makeTree();
  const std::string in(reinterpret_cast<const char*>(data), size);
  const auto nl1 = in.find('\n');
  const std::string path = in.substr(0, nl1);
  const std::string rest = nl1 == std::string::npos ? "" : in.substr(nl1 + 1);
  const auto nl2 = rest.find('\n');
  const std::string range = rest.substr(0, nl2);
  std::int64_t fileSize = 0;
  if (nl2 != std::string::npos)
    for (char c : rest.substr(nl2 + 1, 12))
      if (c >= '0' && c <= '9') fileSize = fileSize * 10 + (c - '0');

  if (StaticFiles::plainPath(path)) {
    if (path.find("/.") != std::string::npos || path.find("//") != std::string::npos)
      __builtin_trap();
    struct stat sb {};
    const std::string rel = path.back() == '/' ? path + "index.html" : path;
    const int fd = openBeneath(root, rel, sb);
    if (fd >= 0) {
      if (!S_ISREG(sb.st_mode) || !inside(root, fd)) __builtin_trap();
      ::close(fd);
    }
    (void)StaticFiles::pageFile(rel);
  }
  // Whatever the path, the opener never leaves the folder (it is also called on names the
  // path check would refuse).
  {
    struct stat sb {};
    const int fd = openBeneath(root, path, sb);
    if (fd >= 0) {
      if (!inside(root, fd)) __builtin_trap();
      ::close(fd);
    }
  }
  if (auto r = parseRange(range, fileSize)) {
    if (r->first != -1 && (r->first < 0 || r->second >= fileSize || r->first > r->second))
      __builtin_trap();
  }
  (void)mimeTypeOf(path);
  return 0;
}
