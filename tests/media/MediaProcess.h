#pragma once
// chamber-media as its own process for tests: started with a chamber description, a data
// folder and (optionally) the server to follow; stopped with SIGTERM.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace chamber::test {

inline pid_t startMedia(const std::filesystem::path& toml, const std::filesystem::path& data,
                        const std::string& serverUrl = "") {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  if (serverUrl.empty())
    execl(CHAMBER_MEDIA_BIN, CHAMBER_MEDIA_BIN, "--hardware", toml.c_str(), "--data", data.c_str(),
          static_cast<char*>(nullptr));
  else
    execl(CHAMBER_MEDIA_BIN, CHAMBER_MEDIA_BIN, "--hardware", toml.c_str(), "--data", data.c_str(), "--server",
          serverUrl.c_str(), "--user", "media", "--password", "secret", static_cast<char*>(nullptr));
  _exit(127);
}

/// SIGTERM to a test's child process and wait; the exit status as waitpid gives it.
inline int stopProcess(pid_t pid) {
  ::kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

}  // namespace chamber::test
