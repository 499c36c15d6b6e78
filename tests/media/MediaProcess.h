#pragma once
// chamber-media as its own process for tests: started with a chamber description, a data
// folder and (optionally) the server to follow; stopped with SIGTERM.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace chamber::test {

inline pid_t startMedia(const std::filesystem::path& toml, const std::filesystem::path& data,
                        const std::string& serverUrl = "", std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {CHAMBER_MEDIA_BIN, "--hardware", toml.string(), "--data",
                                   data.string()};
  if (!serverUrl.empty()) {
    args.insert(args.end(), {"--server", serverUrl, "--user", "media"});
    ::setenv("CHAMBER_MEDIA_PASSWORD", "secret", 1);  // never on the command line
  }
  args.insert(args.end(), extra.begin(), extra.end());
  const pid_t pid = fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that crashed
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
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
