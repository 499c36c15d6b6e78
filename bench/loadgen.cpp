// chamber-loadgen: N simulated tablets on loopback against the real chamber-server
// (started here, durable commits as in production). Measures, and prints:
//   cast -> acknowledgement (p50/p99/max), votes per second,
//   close -> final tally on every client, last cast -> final tally on every client,
//   a reconnect storm (all N reconnect and resume), the server's memory per connection.
//   chamber-loadgen --tablets 2000
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
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

struct Tablet {
  client::Client* c = nullptr;
  std::string token;
  std::int64_t lastSeq = 0;
  double castAt = 0, ackAt = 0, tallyAt = 0;
  bool resumed = false, welcomed = false, authed = false, checkedIn = false;
  int seat = 0;
};

long rssKiB(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void raiseFileLimit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int n = 500;
  double spreadMs = 0;
  std::string dataDir = "/tmp/chamber-loadgen";
  CLI::App app{"chamber-loadgen — N simulated tablets"};
  app.add_option("--tablets", n, "number of tablets")->capture_default_str();
  app.add_option("--data", dataDir, "scratch data folder (wiped)")->capture_default_str();
  app.add_option("--spread-ms", spreadMs,
                 "cast over this many ms, evenly (0: all in one burst, the worst case)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  raiseFileLimit();
  std::signal(SIGPIPE, SIG_IGN);

  // 1. A council of N delegates (+ the chair at seat 1), each tablet with a device token.
  std::filesystem::remove_all(dataDir);
  std::vector<Tablet> tablets(static_cast<std::size_t>(n));
  std::string chairToken;
  {
    store::Store st(dataDir);
    store::Transaction t(st.db);
    for (int i = 0; i <= n; ++i) {
      core::Delegate d{"d" + std::to_string(i),
                       i + 1,
                       "Đại biểu " + std::to_string(i),
                       "",
                       i == 0 ? core::Role::Chair : core::Role::Delegate,
                       true};
      st.council.putDelegate(d, "", 1);
      const auto tok = st.council.issueToken({d.role, d.id, d.name}, "loadgen", 0, INT64_MAX / 2);
      if (i == 0)
        chairToken = tok;
      else
        tablets[static_cast<std::size_t>(i - 1)].token = tok;
    }
    t.commit();
    std::int64_t head = 0;
    core::State s = st.load(head);
    core::CreateSitting c;
    c.number = 1;
    c.title = "Kỳ họp đo tải";
    c.agenda = {{"1", "", "Biểu quyết", "", {}}};
    st.run(s, {core::Role::Operator, "loadgen"}, c, 0);
    st.run(s, {core::Role::Chair, "d0"}, core::OpenSitting{}, 0);
  }

  // 2. The server, as a separate process.
  const std::string portFile = dataDir + "/port";
  const pid_t server = fork();
  if (server == 0) {
    execl(CHAMBER_SERVER_BIN, CHAMBER_SERVER_BIN, "--port", "0", "--data", dataDir.c_str(),
          "--port-file", portFile.c_str(), "--log-level", "warn", static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::ifstream(portFile) >> port;
    if (!port) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!port) {
    std::fprintf(stderr, "server did not start\n");
    return 1;
  }
  const long rssIdle = rssKiB(server);
  if (spreadMs > 0)
    std::printf("tablets: %d, casts spread over %.0f ms, server pid %d on port %d\n", n, spreadMs,
                server, port);
  else
    std::printf("tablets: %d, casts in one burst, server pid %d on port %d\n", n, server, port);

  client::ClientLoop loop;
  std::string vote;
  int tallies = 0;
  double closeSentAt = 0;
  std::int64_t chairLast = 0;

  auto wire = [&](Tablet& t) {
    t.c->onMessage = [&t, &tallies](const std::string& text) {
      const json m = json::parse(text);
      const std::string type = m["type"];
      if (type == "event") {
        t.lastSeq = m["seq"];
        if (m["kind"] == core::VoteClosed::kKind && t.tallyAt == 0) {
          t.tallyAt = monotonicMs();
          ++tallies;
        }
      } else if (type == "welcome") {
        t.welcomed = true;
        // A tablet new to the sitting starts from the head (it would fetch state.get once);
        // one that comes back resumes from the last event it saw.
        if (t.lastSeq == 0) t.lastSeq = m["head"];
        t.c->send(protocol::resume("resume", t.lastSeq).dump());
      } else if (type == "ok") {
        const std::string id = m["id"];
        if (id == "auth")
          t.authed = true;
        else if (id == "resume")
          t.resumed = true;
        else if (id == "checkin")
          t.checkedIn = true;
        else if (id == "cast")
          t.ackAt = monotonicMs();
      } else if (type == "error") {
        static int shown = 0;
        if (shown++ < 5) std::fprintf(stderr, "tablet error: %s\n", text.c_str());
      }
    };
  };
  auto login = [&](Tablet& t) {
    t.c = &loop.connect("127.0.0.1", port);
    wire(t);
    t.c->send(protocol::hello("chamber-loadgen").dump());
    t.c->send(protocol::authToken("auth", t.token).dump());
  };

  // 3. All tablets connect, authenticate, subscribe and check in.
  double t0 = monotonicMs();
  for (auto& t : tablets) login(t);
  loop.runUntil(
      [&] {
        static double next = 0;
        if (getenv("LOADGEN_TRACE") && monotonicMs() > next) {
          next = monotonicMs() + 500;
          int open = 0, w = 0, a = 0, r = 0;
          for (auto& t : tablets) {
            open += t.c->isOpen();
            w += t.welcomed;
            a += t.authed;
            r += t.resumed;
          }
          std::fprintf(stderr, "%.0f ms: open %d welcomed %d authed %d resumed %d\n",
                       monotonicMs() - t0, open, w, a, r);
        }
        return std::all_of(tablets.begin(), tablets.end(),
                           [](const Tablet& t) { return t.resumed; });
      },
      60000);
  const double connectMs = monotonicMs() - t0;
  const long rssConnected = rssKiB(server);
  for (auto& t : tablets) t.c->send(protocol::command("checkin", core::CheckIn{}).dump());
  loop.runUntil(
      [&] {
        return std::all_of(tablets.begin(), tablets.end(),
                           [](const Tablet& t) { return t.checkedIn; });
      },
      60000);

  if (getenv("LOADGEN_TRACE")) std::fprintf(stderr, "checked in: %.0f ms\n", monotonicMs() - t0);
  // 4. The chair creates and opens a vote.
  Tablet chair;
  chair.token = chairToken;
  login(chair);
  loop.runUntil([&] { return chair.resumed; }, 10000);
  bool opened = false;
  chair.c->onMessage = [&](const std::string& text) {
    const json m = json::parse(text);
    if (m["type"] == "ok" && m["id"] == "create") vote = m["result"]["events"][0]["data"]["vote"];
    if (m["type"] == "ok" && m["id"] == "open") {
      opened = true;
      chairLast = m["result"]["seq"];
    }
    if (m["type"] == "error") std::fprintf(stderr, "chair: %s\n", text.c_str());
  };
  chair.c->send(protocol::command("checkin", core::CheckIn{}).dump());
  chair.c->send(protocol::command("create", core::CreateVote{"1", "Thông qua nghị quyết"}).dump());
  loop.runUntil([&] { return !vote.empty(); }, 10000);
  chair.c->send(protocol::command("open", core::OpenVote{vote}).dump());
  loop.runUntil(
      [&] {
        return opened && std::all_of(tablets.begin(), tablets.end(),
                                     [&](const Tablet& t) { return t.lastSeq >= chairLast; });
      },
      120000);

  if (getenv("LOADGEN_TRACE"))
    std::fprintf(stderr, "vote open on all: %.0f ms\n", monotonicMs() - t0);
  // 5. Everyone votes: at once, or evenly over --spread-ms as people press their buttons.
  const double castStart = monotonicMs();
  for (std::size_t i = 0; i < tablets.size();) {
    const double due =
        castStart + spreadMs * static_cast<double>(i) / static_cast<double>(tablets.size());
    if (monotonicMs() < due) {
      loop.service(1);
      continue;
    }
    auto& t = tablets[i];
    t.castAt = monotonicMs();
    t.c->send(
        protocol::command("cast", core::CastBallot{vote, {i % 3 == 0 ? "no" : "yes"}, ""}).dump());
    ++i;
  }
  const double lastCastAt = monotonicMs();
  loop.runUntil(
      [&] {
        return std::all_of(tablets.begin(), tablets.end(),
                           [](const Tablet& t) { return t.ackAt > 0; });
      },
      60000);
  const double allAcked = monotonicMs();
  std::vector<double> lat;
  for (const auto& t : tablets)
    if (t.ackAt > 0) lat.push_back(t.ackAt - t.castAt);

  // 6. The chair closes; the tally reaches every tablet.
  closeSentAt = monotonicMs();
  chair.c->send(protocol::command("close", core::CloseVote{vote}).dump());
  loop.runUntil([&] { return tallies == n; }, 60000);
  double lastTally = 0;
  for (const auto& t : tablets) lastTally = std::max(lastTally, t.tallyAt);

  // 7. Reconnect storm: every tablet drops and comes back, resuming from its last event.
  for (auto& t : tablets) {
    t.c->close();
    t.resumed = t.authed = false;
  }
  loop.runUntil(
      [&] {
        return std::all_of(tablets.begin(), tablets.end(),
                           [](const Tablet& t) { return t.c->isClosed(); });
      },
      30000);
  const double stormStart = monotonicMs();
  for (auto& t : tablets) login(t);
  const bool stormDone = loop.runUntil(
      [&] {
        return std::all_of(tablets.begin(), tablets.end(),
                           [](const Tablet& t) { return t.resumed; });
      },
      60000);
  const double stormMs = monotonicMs() - stormStart;

  const double p50 = percentile(lat, 50), p99 = percentile(lat, 99), mx = percentile(lat, 100);
  std::printf("connect+auth+resume of %d tablets: %.0f ms\n", n, connectMs);
  std::printf("cast -> ack: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu acks)\n", p50, p99, mx,
              lat.size());
  std::printf("votes per second: %.0f (%d votes in %.0f ms)\n",
              n / ((allAcked - castStart) / 1000.0), n, allAcked - castStart);
  std::printf("close -> tally on all %d: %.1f ms\n", tallies, lastTally - closeSentAt);
  std::printf("last cast -> tally on all (chair closes when all acked): %.1f ms\n",
              lastTally - lastCastAt);
  std::printf("reconnect storm (%d reconnect + resume): %.0f ms%s\n", n, stormMs,
              stormDone ? "" : " (INCOMPLETE)");
  std::printf("server memory: %ld KiB idle, %ld KiB with %d tablets: %.1f KiB per connection\n",
              rssIdle, rssConnected, n, static_cast<double>(rssConnected - rssIdle) / n);

  kill(server, SIGTERM);
  int status = 0;
  waitpid(server, &status, 0);
  std::filesystem::remove_all(dataDir);
  return (lat.size() == static_cast<std::size_t>(n) && tallies == n && stormDone) ? 0 : 1;
}
