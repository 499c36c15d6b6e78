#pragma once
// Internal to net/: opening a served file so that nothing outside its folder can be reached.
#include <sys/stat.h>

#include <filesystem>
#include <string_view>

namespace chamber::net {

/// Opens `rel` ("a/b/c.ts", no leading slash) for reading beneath `root`, one component at
/// a time with O_NOFOLLOW: a symbolic link anywhere on the way (the root itself excepted)
/// is refused, as is anything but a regular file, and a file with more than one name (a
/// hard link could give the database another name inside a served folder, and merely
/// opening the database here would drop SQLite's locks on it). Returns the descriptor and
/// fills `sb`, or -1. The file is never opened when it is refused.
int openBeneath(const std::filesystem::path& root, std::string_view rel, struct stat& sb);

}  // namespace chamber::net
