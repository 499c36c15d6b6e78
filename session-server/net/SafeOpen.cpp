#include "net/SafeOpen.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

namespace chamber::net {

int openBeneath(const std::filesystem::path& root, std::string_view rel, struct stat& sb) {
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  if (rel.empty()) return -1;
  int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return -1;
  for (;;) {
    const auto slash = rel.find('/');
    const std::string part(rel.substr(0, slash));
    if (part.empty() || part == "." || part == "..") break;
    if (slash == std::string_view::npos) {
      // Look before opening: a refused file is never opened.
      int fd = -1;
      if (::fstatat(dir, part.c_str(), &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode) &&
          sb.st_nlink == 1) {
        fd = ::openat(dir, part.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        struct stat opened {};
        // Swapped between the look and the open: refuse.
        if (fd >= 0 && (::fstat(fd, &opened) != 0 || opened.st_ino != sb.st_ino ||
                        opened.st_dev != sb.st_dev)) {
          ::close(fd);
          fd = -1;
        }
      }
      ::close(dir);
      return fd;
    }
    const int next = ::openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    ::close(dir);
    if (next < 0) return -1;
    dir = next;
    rel.remove_prefix(slash + 1);
  }
  ::close(dir);
  return -1;
}

}  // namespace chamber::net
