// chamber-signin-bench: is the chamber still responsive while visitors guess passwords?
// Starts the real chamber-server (PBKDF2 at its production cost, 60 000 iterations), signs a
// delegate in with a device token, and measures the delegate's ping round trip — first on a
// quiet server, then while N connections guess passwords as fast as the per-connection rate
// limit lets them (20 per second each), then /health once they have gone. Prints the
// figures for docs/benchmarks.md.
//   chamber-signin-bench --attackers 4 --seconds 10
//   chamber-signin-bench --attackers 4 --seconds 10 --source-free-failures 1000000
//     (the worst case: every guess costs a full check, as from many addresses)
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "Percentile.h"
#include "WsClient.h"
#include "protocol/Client.h"
#include "store/Store.h"

using namespace chamber;
using bench::percentile;
using client::monotonicMs;
using nlohmann::json;

namespace {

double cpuSeconds(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(f)), {});
  const auto close = s.rfind(')');
  std::istringstream in(s.substr(close + 2));
  std::string skip;
  for (int i = 0; i < 11; ++i) in >> skip;
  double utime = 0, stime = 0;
  in >> utime >> stime;
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

/// The delegate's pings: one every `every_ms`, each waiting for its pong.
struct Pinger {
  client::Client* c;
  std::vector<double> rtt;
  double sentAt = 0;
  int n = 0;
  bool waiting = false;
  void tick(double now, double every_ms) {
    if (!waiting && now - sentAt >= every_ms) {
      sentAt = now;
      waiting = true;
      c->send(protocol::ping("p" + std::to_string(++n)).dump());
    }
  }
  void got(const std::string& text) {
    if (json::parse(text, nullptr, false).value("type", "") == "pong" && waiting) {
      rtt.push_back(monotonicMs() - sentAt);
      waiting = false;
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  int attackers = 4;
  double seconds = 10;
  long sourceFree = 20;
  std::string dataDir = "/tmp/chamber-signin-bench";
  CLI::App app{"chamber-signin-bench — the chamber's responsiveness under password guessing"};
  app.add_option("--attackers", attackers, "connections guessing passwords")->capture_default_str();
  app.add_option("--seconds", seconds, "how long they guess")->capture_default_str();
  app.add_option("--source-free-failures", sourceFree, "the server's per-address free failures")
      ->capture_default_str();
  app.add_option("--data", dataDir, "scratch data folder (wiped)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  std::signal(SIGPIPE, SIG_IGN);

  std::filesystem::remove_all(dataDir);
  std::string token;
  {
    store::Store st(dataDir);
    for (int i = 1; i <= 25; ++i) {
      core::Delegate d{"d" + std::to_string(i),
                       i,
                       "Đại biểu " + std::to_string(i),
                       "",
                       i == 1 ? core::Role::Chair : core::Role::Delegate,
                       true};
      st.council.putDelegate(d, std::to_string(100000 + i), 60000);
    }
    st.council.putAccount("operator", "Kỹ thuật viên", "", core::Role::Operator,
                          "a long operator password", 60000);
    for (const char* id : {"media", "display", "r1"})  // not guessed during the attack
      st.council.putAccount(id, id, "", core::Role::Display, "another long password", 60000);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    token = st.council.issueToken({core::Role::Delegate, "d3", "Đại biểu 3"}, "bench", now,
                                  86400 * 1000);
  }
  const std::string portFile = dataDir + "/port";
  const pid_t server = fork();
  if (server == 0) {
    execl(CHAMBER_SERVER_BIN, CHAMBER_SERVER_BIN, "--port", "0", "--data", dataDir.c_str(),
          "--port-file", portFile.c_str(), "--log-level", "error", "--source-free-failures",
          std::to_string(sourceFree).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::ifstream f(portFile);
    if (!(f >> port)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!port) {
    std::fprintf(stderr, "the server did not start\n");
    return 1;
  }

  client::ClientLoop loop;
  Pinger delegate{&loop.connect("127.0.0.1", port)};
  bool signedIn = false;
  delegate.c->onOpen = [&] {
    delegate.c->send(protocol::hello("chamber-signin-bench").dump());
    delegate.c->send(protocol::authToken("a", token).dump());
  };
  delegate.c->onMessage = [&](const std::string& m) {
    if (m.find("\"id\":\"a\"") != std::string::npos)
      signedIn = m.find("\"ok\"") != std::string::npos;
    delegate.got(m);
  };
  loop.runUntil([&] { return signedIn; }, 5000);
  if (!signedIn) {
    std::fprintf(stderr, "the delegate could not sign in\n");
    return 1;
  }

  auto measure = [&](double ms) {
    delegate.rtt.clear();
    const double end = monotonicMs() + ms;
    loop.runUntil(
        [&] {
          delegate.tick(monotonicMs(), 50);
          return monotonicMs() >= end;
        },
        static_cast<int>(ms) + 1000);
    return delegate.rtt;
  };
  const auto quiet = measure(3000);

  // The guessers: each sends a password guess for a name (known or not) as soon as its last
  // one was answered, never faster than 20 a second (the per-connection limit).
  struct Guesser {
    client::Client* c;
    double sentAt = 0;
    bool waiting = false, ready = false;
    int n = 0;
  };
  std::vector<Guesser> guessers(static_cast<std::size_t>(attackers));
  std::map<std::string, int> answers;
  std::mt19937 rng(7);
  for (auto& g : guessers) {
    g.c = &loop.connect("127.0.0.1", port);
    Guesser* gp = &g;
    g.c->onOpen = [gp] {
      gp->c->send(protocol::hello("chamber-signin-bench").dump());
      gp->ready = true;
    };
    g.c->onMessage = [gp, &answers](const std::string& m) {
      const json j = json::parse(m, nullptr, false);
      if (j.value("type", "") == "welcome") return;
      ++answers[j.value("type", "") == "ok" ? "ok" : j.value("code", "?")];
      gp->waiting = false;
    };
  }
  const double cpu0 = cpuSeconds(server);
  const double attackStart = monotonicMs();
  delegate.rtt.clear();
  loop.runUntil(
      [&] {
        const double now = monotonicMs();
        delegate.tick(now, 50);
        for (auto& g : guessers) {
          if (!g.ready || g.waiting || now - g.sentAt < 50) continue;
          g.sentAt = now;
          g.waiting = true;
          const std::string user =
              (rng() % 2) ? "operator" : "user" + std::to_string(rng() % 100000);
          g.c->send(protocol::authPassword("g" + std::to_string(++g.n), user,
                                           "guess" + std::to_string(rng()))
                        .dump());
        }
        return now - attackStart >= seconds * 1000;
      },
      static_cast<int>(seconds * 1000) + 1000);
  const auto attacked = delegate.rtt;
  const double cpu = cpuSeconds(server) - cpu0;
  for (auto& g : guessers) g.c->close();
  loop.runUntil([] { return false; }, 200);

  const double h0 = monotonicMs();
  bool healthy = false;
  auto& h = loop.connect("127.0.0.1", port);
  h.onOpen = [&] { h.send(protocol::hello("chamber-signin-bench").dump()); };
  h.onMessage = [&](const std::string&) { healthy = true; };
  loop.runUntil([&] { return healthy; }, 20000);
  const double after = monotonicMs() - h0;

  // Known and unknown names, one guess at a time on a fresh connection each: how long the
  // answer takes (the same, or an unknown name would be told apart by its speed).
  auto answerTime = [&](const std::string& user) {
    bool done = false;
    auto& c = loop.connect("127.0.0.1", port);
    double sent = 0;
    c.onOpen = [&] {
      c.send(protocol::hello("chamber-signin-bench").dump());
      sent = monotonicMs();
      c.send(protocol::authPassword("t", user, "wrong").dump());
    };
    double took = 0;
    c.onMessage = [&](const std::string& m) {
      if (m.find("\"id\":\"t\"") != std::string::npos) {
        took = monotonicMs() - sent;
        done = true;
      }
    };
    loop.runUntil([&] { return done; }, 10000);
    c.close();
    return took;
  };
  std::vector<double> known, unknown;
  for (int i = 0; i < 9; ++i) {
    known.push_back(answerTime(i % 3 == 0 ? "media" : i % 3 == 1 ? "display" : "r1"));
    unknown.push_back(answerTime("nobody" + std::to_string(i)));
  }

  int total = 0;
  for (const auto& [k, v] : answers) total += v;
  std::printf(
      "chamber-signin-bench: %d guessing connections for %.0f s, per-address free failures %ld\n",
      attackers, seconds, sourceFree);
  std::printf("  quiet:     delegate ping p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%zu pings)\n",
              percentile(quiet, 50), percentile(quiet, 99), percentile(quiet, 100), quiet.size());
  std::printf("  guessing:  delegate ping p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%zu pings)\n",
              percentile(attacked, 50), percentile(attacked, 99), percentile(attacked, 100),
              attacked.size());
  std::printf("  guesses answered: %d (", total);
  for (const auto& [k, v] : answers) std::printf(" %s %d", k.c_str(), v);
  std::printf(" ), server CPU %.2f s over %.0f s\n", cpu, seconds);
  std::printf("  a new connection's welcome right after: %.2f ms\n", after);
  std::printf(
      "  a wrong password, median answer: known name %.1f ms, unknown name %.1f ms%s\n",
      percentile(known, 50), percentile(unknown, 50),
      sourceFree < 1000 ? " (throttled from this address by now: both answered at once)" : "");
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);
  std::filesystem::remove_all(dataDir);
  return percentile(attacked, 99) <= 50 ? 0 : 3;
}
