#pragma once
// Starts the real chamber-server binary on a free port of 127.0.0.1, with a data folder
// of the test's, and stops it (politely, or with kill -9).
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace chamber::test {

class ServerProcess {
 public:
  ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs = {},
                int fixedPort = 0)
      : data_(std::move(dataDir)), extra_(std::move(extraArgs)), fixedPort_(fixedPort) {
    start();
  }
  ~ServerProcess() { stop(); }

  void start() {
    const auto portFile = data_ / "port";
    std::filesystem::create_directories(data_);
    std::filesystem::remove(portFile);
    std::vector<std::string> args = {CHAMBER_SERVER_BIN, "--port",       std::to_string(fixedPort_),
                                     "--data",           data_.string(), "--port-file",
                                     portFile.string(),  "--log-level",  "warn"};
    args.insert(args.end(), extra_.begin(), extra_.end());
    pid_ = fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that crashed
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    // Wait (bounded) for the port file.
    for (int i = 0; i < 500; ++i) {
      std::ifstream f(portFile);
      if (f >> port_ && port_ > 0) return;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("chamber-server exited at start");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("chamber-server did not start within 5 s");
  }

  /// SIGTERM and wait (bounded); SIGKILL if it does not stop.
  int stop() {
    if (pid_ <= 0) return 0;
    ::kill(pid_, SIGTERM);
    return reap(5000);
  }

  /// kill -9: no chance to flush or close anything.
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    reap(5000);
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  int reap(int ms) {
    int status = 0;
    for (int i = 0; i < ms / 10; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  std::filesystem::path data_;
  std::vector<std::string> extra_;
  int fixedPort_ = 0;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace chamber::test
