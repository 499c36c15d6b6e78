#pragma once
// Running a command as a user at a terminal would, bounded: what it printed (stdout and
// stderr) and its exit code.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace chamber::test {

struct Output {
  int code = 0;
  std::string out;
};

/// `cmd` through the shell, under `timeout` (seconds).
inline Output shell(const std::string& cmd, int timeoutSeconds = 120) {
  Output r;
  FILE* p = popen(("timeout " + std::to_string(timeoutSeconds) + " " + cmd + " 2>&1").c_str(), "r");
  std::array<char, 4096> buf{};
  while (fgets(buf.data(), buf.size(), p)) r.out += buf.data();
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace chamber::test
