// chamber-petitions-bench: citizens' petitions and search, measured.
//  1. How many petitions a second the real chamber-server takes from the portal's form (each a
//     proof of work solved beforehand, as browsers do, then a POST committed before its code
//     is answered), and a delegate tablet's ping round trip meanwhile — p99 unchanged is the
//     goal.
//  2. Full-text search latency over an index of N documents (store/Search.h, the tokenizer
//     that folds Vietnamese diacritics).
//   chamber-petitions-bench --petitions 20000 --pow-bits 8 --senders 8 --documents 10000
//   chamber-petitions-bench --petitions 3000 --pow-bits 8 --rate 100 --documents 0
// (The proof of work costs the browser, not the server: one hash to check whatever its bits;
// fewer bits only make the benchmark's own preparation shorter.)
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "Percentile.h"
#include "WsClient.h"
#include "net/PetitionGuard.h"
#include "protocol/Client.h"
#include "store/Store.h"
#include "support/Http.h"

using namespace chamber;
using bench::percentile;
using client::monotonicMs;
using nlohmann::json;

namespace {

std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void printRtt(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::printf("%-34s n=%zu p50=%.2f ms p99=%.2f ms max=%.2f ms\n", what, v.size(),
              percentile(v, 50), percentile(v, 99), v.empty() ? 0.0 : v.back());
}

const char* kWords[] = {"ngân sách",  "đường liên thôn", "nước sạch", "trường mầm non",
                        "đất đai",    "chiếu sáng",      "thủy lợi",  "kênh mương",
                        "y tế",       "bảo hiểm",        "hộ nghèo",  "chuyển đổi số",
                        "giao thông", "môi trường",      "rác thải",  "cầu tràn",
                        "điện",       "sạt lở",          "an ninh",   "văn hóa"};

}  // namespace

int main(int argc, char** argv) {
  int petitions = 2000, senders = 8, documents = 10000, powBits = 16;
  double rate = 0;
  std::string dataDir = "/tmp/chamber-petitions-bench";
  CLI::App app{"chamber-petitions-bench — petitions per second and search latency"};
  app.add_option("--petitions", petitions, "petitions sent")->capture_default_str();
  app.add_option("--senders", senders, "connections sending at once")->capture_default_str();
  app.add_option("--documents", documents, "documents in the search index")->capture_default_str();
  app.add_option("--pow-bits", powBits, "the form's proof of work")->capture_default_str();
  app.add_option("--rate", rate, "petitions a second, paced (0: as fast as they go)")
      ->capture_default_str();
  app.add_option("--data", dataDir, "scratch data folder (wiped)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  std::signal(SIGPIPE, SIG_IGN);

  std::filesystem::remove_all(dataDir);
  std::string token;
  {
    store::Store st(dataDir);
    for (int i = 1; i <= 25; ++i)
      st.council.putDelegate({"d" + std::to_string(i), i, "Đại biểu " + std::to_string(i), "",
                              i == 1 ? core::Role::Chair : core::Role::Delegate, true},
                             std::to_string(100000 + i), 1000);
    st.council.putAccount("r1", "Chủ tịch UBND xã", "", core::Role::Responder, "x-long-pass", 1000);
    std::int64_t head = 0;
    auto s = st.load(head);
    const core::Actor op{core::Role::Operator, "op"};
    st.run(s, op, core::ConfigurePetitions{{{{"giao-thong", "Giao thông", "r1"}}, {}, 30}},
           wallMs());
    core::CreateSitting cs;
    cs.number = 1;
    cs.title = "Kỳ họp";
    cs.agenda = {{"1", "", "Khai mạc", "", {}}};
    st.run(s, core::Actor{core::Role::Chair, "d1"}, cs, wallMs());
    st.run(s, core::Actor{core::Role::Chair, "d1"}, core::OpenSitting{}, wallMs());
    token = st.council.issueToken({core::Role::Delegate, "d3", "Đại biểu 3"}, "bench", wallMs(),
                                  86400 * 1000);
  }
  const std::string portFile = dataDir + "/port";
  const pid_t server = fork();
  if (server == 0) {
    execl(CHAMBER_SERVER_BIN, CHAMBER_SERVER_BIN, "--port", "0", "--data", dataDir.c_str(),
          "--port-file", portFile.c_str(), "--log-level", "error", "--petition-pow-bits",
          std::to_string(powBits).c_str(), "--petitions-per-source", "100000000",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::ifstream f(portFile);
    if (!(f >> port)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!port) return std::fprintf(stderr, "the server did not start\n"), 1;

  // The work browsers do first: challenges fetched and solved (not timed against the server).
  std::vector<std::string> bodies(static_cast<std::size_t>(petitions));
  {
    const double t0 = monotonicMs();
    std::atomic<int> next{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < 2; ++w)
      workers.emplace_back([&] {
        for (int i; (i = next++) < petitions;) {
          const auto ch = json::parse(test::http(port, "GET", "/api/petitions/challenge").body);
          const std::string c = ch["challenge"];
          bodies[static_cast<std::size_t>(i)] = json{
              {"text", "Kiến nghị số " + std::to_string(i) + ": đề nghị sửa " + kWords[i % 20] +
                           " ở thôn " + std::to_string(i % 9 + 1) + "."},
              {"topic", "giao-thong"},
              {"challenge", c},
              {"nonce",
               net::solvePow(c, ch["bits"])}}.dump();
        }
      });
    for (auto& t : workers) t.join();
    std::printf("proof of work, %d bits: %.1f ms a petition on one core of this machine\n", powBits,
                (monotonicMs() - t0) * 2 / petitions);
  }

  client::ClientLoop loop;
  client::Client& tablet = loop.connect("127.0.0.1", port);
  bool signedIn = false, waiting = false;
  double sentAt = 0;
  int n = 0;
  std::vector<double> rtt;
  tablet.onOpen = [&] {
    tablet.send(protocol::hello("petitions-bench").dump());
    tablet.send(protocol::authToken("a", token).dump());
  };
  tablet.onMessage = [&](const std::string& m) {
    if (m.find("\"id\":\"a\"") != std::string::npos) signedIn = true;
    const auto type = json::parse(m, nullptr, false).value("type", "");
    if (waiting && (type == "pong" || type == "error")) {
      if (type == "error") std::fprintf(stderr, "tablet: %s\n", m.c_str());
      rtt.push_back(monotonicMs() - sentAt);
      waiting = false;
    }
  };
  loop.runUntil([&] { return signedIn; }, 5000);
  auto pingFor = [&](const std::function<bool()>& done) {
    rtt.clear();
    loop.runUntil(
        [&] {
          const double now = monotonicMs();
          if (!waiting && now - sentAt >= 100) {  // 10 a second: under the server's rate limit
            sentAt = now;
            waiting = true;
            tablet.send(protocol::ping("p" + std::to_string(++n)).dump());
          }
          return done();
        },
        600000);
    return rtt;
  };
  const double q0 = monotonicMs();
  printRtt("tablet ping, quiet", pingFor([&] { return monotonicMs() - q0 > 3000; }));

  std::atomic<int> next{0}, created{0}, failed{0};
  std::atomic<bool> finished{false};
  std::vector<double> postMs;
  std::mutex m;
  const double t0 = monotonicMs();
  std::vector<std::thread> threads;
  for (int w = 0; w < senders; ++w)
    threads.emplace_back([&] {
      std::vector<double> mine;
      for (int i; (i = next++) < petitions;) {
        if (rate > 0) {
          const double at = t0 + i * 1000.0 / rate;
          while (monotonicMs() < at) std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        const double a = monotonicMs();
        const auto r =
            test::http(port, "POST", "/api/petitions", {{"Content-Type", "application/json"}},
                       bodies[static_cast<std::size_t>(i)]);
        mine.push_back(monotonicMs() - a);
        (r.status == 201 ? created : failed)++;
      }
      std::lock_guard<std::mutex> l(m);
      postMs.insert(postMs.end(), mine.begin(), mine.end());
    });
  std::thread joiner([&] {
    for (auto& t : threads) t.join();
    finished = true;
  });
  const int pingsBefore = n;
  const auto during = pingFor([&] { return finished.load(); });
  joiner.join();
  std::printf("(pings sent while they arrived: %d)\n", n - pingsBefore);
  const double secs = (monotonicMs() - t0) / 1000;
  std::printf("petitions: %d taken, %d refused, in %.2f s = %.0f a second (%d senders)\n",
              created.load(), failed.load(), secs, created / secs, senders);
  printRtt("POST /api/petitions", postMs);
  printRtt("tablet ping, while they arrive", during);
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  // Search over N documents of two pages each.
  if (documents > 0) {
    const std::string searchDir = dataDir + "-search";
    std::filesystem::remove_all(searchDir);
    store::Store st(searchDir);
    std::mt19937 rng(42);
    const double b0 = monotonicMs();
    {
      store::Transaction t(st.db);
      for (int d = 0; d < documents; ++d) {
        std::vector<std::string> pages;
        for (int p = 0; p < 2; ++p) {
          std::string text;
          for (int w = 0; w < 120; ++w)
            text += std::string(kWords[rng() % 20]) + " năm " + std::to_string(2000 + rng() % 27) +
                    ", ";
          pages.push_back(text);
        }
        st.search.put("document", "doc" + std::to_string(d),
                      "Văn bản số " + std::to_string(d) + " về " + kWords[d % 20], pages);
      }
      t.commit();
    }
    std::printf("search index: %d documents (%d pages) built in %.1f s\n", documents, documents * 2,
                (monotonicMs() - b0) / 1000);
    const char* queries[] = {
        "ngan sach", "duong lien thon nam 2019", "\"nuoc sach\"", "truong mam non",
        "sat lo",    "chuyen doi so 2026",       "cau tran",      "khong co tu nay"};
    for (const char* q : queries) {
      std::vector<double> ms;
      std::size_t hits = 0;
      for (int i = 0; i < 30; ++i) {
        const double a = monotonicMs();
        hits = st.search.query(q, 20, [](const store::Search::Hit&) { return true; }).size();
        ms.push_back(monotonicMs() - a);
      }
      std::sort(ms.begin(), ms.end());
      std::printf("search %-28s %2zu hits  p50=%.2f ms p99=%.2f ms\n", q, hits, percentile(ms, 50),
                  percentile(ms, 99));
    }
    std::filesystem::remove_all(searchDir);
  }
  std::filesystem::remove_all(dataDir);
  return 0;
}
