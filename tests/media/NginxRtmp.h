#pragma once
// nginx with libnginx-mod-rtmp in a folder of the test's, as an RTMP server that records
// what it receives; and a free port to put it on.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace chamber::test {

namespace fs = std::filesystem;

inline int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

class NginxRtmp {
 public:
  NginxRtmp(const fs::path& dir, int port) : dir_(dir) {
    fs::create_directories(dir / "rec");
    fs::create_directories(dir / "logs");
    std::ofstream(dir / "nginx.conf")
        << "daemon off;\nmaster_process off;\n"
           "load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;\n"
           "error_log "
        << (dir / "logs/error.log").string() << ";\npid " << (dir / "nginx.pid").string()
        << ";\n"
           "events {}\nrtmp { server { listen 127.0.0.1:"
        << port
        << "; application live { live on; record all; "
           "record_unique on; record_path "
        << (dir / "rec").string() << "; } } }\n";
  }
  ~NginxRtmp() { kill9(); }
  void start() {
    pid_ = fork();
    if (pid_ == 0) {
      execl("/usr/sbin/nginx", "nginx", "-p", dir_.c_str(), "-c", (dir_ / "nginx.conf").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  /// Recorded FLV files and their sizes.
  std::map<std::string, std::uintmax_t> files() const {
    std::map<std::string, std::uintmax_t> out;
    for (const auto& e : fs::directory_iterator(dir_ / "rec"))
      out[e.path().filename()] = e.file_size();
    return out;
  }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
};

}  // namespace chamber::test
