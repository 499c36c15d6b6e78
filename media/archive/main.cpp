// chamber-archive: builds the chaptered archive of a sitting from its recording segments and
// the session server's event log. Its own process (a crash here never touches the live
// recording). Two ways to run:
//   --sitting N   build sitting N now, then exit (0: built; 1: failed)
//   --follow      stay connected; build each sitting when it closes and its recording has
//                 stopped, and on start any closed sitting that has no archive yet
//   --events F    with --sitting: read the log from F (chamberctl export events) instead
//                 of the server — an archive rebuilt anywhere from an exported log
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "ClientSession.h"
#include "archive/Archive.h"
#include "archive/Rendition.h"
#include "cli/ConfigFile.h"
#include "log/ChamberLog.h"

using namespace chamber::media;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
volatile std::sig_atomic_t gStop = 0;
void onSignal(int) {
  gStop = 1;
}

void log(const std::string& s) {
  chamber::log::get("archive")->info(s);
}

/// Writes archive.json beside the archive, atomically: the portal never reads half of it.
void writeReport(const fs::path& dir, const json& j) {
  const fs::path tmp = dir / "archive.json.part";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << j.dump(2) << "\n";
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, dir / "archive.json");
}

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// Builds one sitting's archive into out/sitting-N/ and writes archive.json last: the portal
/// only ever sees a finished archive. Then verifies it (only a verified archive lets the
/// recording go, under the retention rule), makes the 360p copy for phones at the lowest
/// priority, and applies the retention rule.
bool build(const std::vector<LogEvent>& events, int sitting, const fs::path& recordings,
           const fs::path& out, int keepDays, int phoneHeight) {
  const SittingLog sl = readSitting(events, sitting);
  const std::string name = "sitting-" + std::to_string(sitting), base = "/archive/" + name;
  const fs::path dir = out / name;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const ArchiveReport r = buildArchive(sl, recordings, dir);
    json j = toJson(r, base);
    const std::string wrong = verifyArchive(dir / "archive.mp4", r.duration_ms);
    if (!wrong.empty()) log("sitting " + std::to_string(sitting) + ": not verified: " + wrong);
    j["verified"] = wrong.empty();
    j["built_ms"] = nowMs();
    j["recordings"] = r.recordingFiles;
    j["files"] = json::array({{{"label", "MP4 (bản gốc / original)"},
                               {"url", base + "/archive.mp4"},
                               {"bytes", fs::file_size(dir / "archive.mp4")}}});
    writeReport(dir, j);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    log("sitting " + std::to_string(sitting) + ": " + std::to_string(r.chapters.size()) +
        " chapters, " + std::to_string(r.duration_ms / 1000.0) + " s, " +
        std::to_string(r.gaps.size()) + " gaps (" + std::to_string(r.missing) +
        " segments missing, " + std::to_string(r.damaged) + " damaged) in " + std::to_string(secs) +
        " s");
    // The copy for phones, on a thread of the lowest priority: the media machine films the
    // next sitting first.
    RenditionResult small;
    std::thread([&] {
      setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
      small = makeRendition(dir / "archive.mp4", dir / "archive-small.mp4", phoneHeight);
    }).join();
    if (small.error.empty()) {
      j["files"].push_back(
          {{"label", "MP4 " + std::to_string(small.height) + "p (điện thoại / phones)"},
           {"url", base + "/archive-small.mp4"},
           {"height", small.height},
           {"bytes", small.bytes}});
      writeReport(dir, j);
    } else {
      log("sitting " + std::to_string(sitting) + ": no copy for phones: " + small.error);
    }
    if (const int n = sweepRecordings(out, recordings, keepDays, std::chrono::system_clock::now()))
      log("retention: " + std::to_string(n) + " recording segments removed (archives verified)");
    return true;
  } catch (const std::exception& e) {
    log("sitting " + std::to_string(sitting) + ": no archive: " + e.what());
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string server, user = "media", password, passwordFile, caFile,
                      recordings = "media-data/recordings", out = "archive";
  int sitting = 0;
  bool follow = false;
  int keepDays = 30, phoneHeight = 360;
  double settle_s = 20;
  CLI::App app{
      "chamber-archive — lưu trữ video phiên họp theo chương / the sitting's chaptered archive"};
  std::string eventsFile;
  auto* serverOpt = app.add_option("--server", server, "ws://host:port of the session server");
  app.add_option("--events", eventsFile,
                 "the event log as JSON (chamberctl export events) instead of --server")
      ->excludes(serverOpt)
      ->check(CLI::ExistingFile);
  app.add_option("--user", user, "account with the media role")->capture_default_str();
  app.add_option("--password-file", passwordFile,
                 "a file (mode 0600) holding its password; else CHAMBER_MEDIA_PASSWORD");
  app.add_option("--ca-file", caFile,
                 "PEM certificates trusted for wss:// (default: the system's)");
  app.add_option("--recordings", recordings, "the media process's recordings/ folder")
      ->capture_default_str();
  app.add_option("--out", out, "archive folder (served by the server with --archive)")
      ->capture_default_str();
  auto* one = app.add_option("--sitting", sitting, "build this sitting and exit");
  app.add_flag("--follow", follow, "build each sitting when it closes")->excludes(one);
  app.add_option("--keep-recordings-days", keepDays,
                 "retention: remove a sitting's recording segments this many days after its "
                 "archive was built and verified (0: at once; -1: never)")
      ->capture_default_str();
  app.add_option("--phone-height", phoneHeight,
                 "lines of the small copy for phones, made at the lowest priority")
      ->capture_default_str();
  app.add_option("--settle", settle_s,
                 "seconds to wait for the recording to stop after a sitting closes")
      ->capture_default_str();
  chamber::cli::addConfigFile(app);
  CLI11_PARSE(app, argc, argv);
  if (!follow && sitting <= 0) {
    std::fprintf(stderr, "give --sitting N or --follow\n");
    return 2;
  }
  if (!eventsFile.empty()) {
    if (follow) {
      std::fprintf(stderr, "--events goes with --sitting, not --follow\n");
      return 2;
    }
    std::ifstream f(eventsFile);
    const json all = json::parse(f, nullptr, false);
    if (!all.is_array()) {
      std::fprintf(stderr, "%s: not a JSON array of events\n", eventsFile.c_str());
      return 2;
    }
    std::vector<LogEvent> events;
    try {
      for (const auto& e : all) events.push_back(chamber::protocol::parseEventEnvelope(e));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", eventsFile.c_str(), e.what());
      return 2;
    }
    return build(events, sitting, recordings, out, keepDays, phoneHeight) ? 0 : 1;
  }
  if (server.empty()) {
    std::fprintf(stderr, "give --server ws://host:port (or --events FILE)\n");
    return 2;
  }
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);

  std::string host;
  int port = 0;
  if (!chamber::client::parseWsUrl(server, host, port)) {
    std::fprintf(stderr, "--server must look like ws://host:port or wss://host:port\n");
    return 2;
  }
  if (auto why = chamber::client::loadSecret(passwordFile, "CHAMBER_MEDIA_PASSWORD", password);
      !why.empty()) {
    std::fprintf(stderr, "%s\n", why.c_str());
    return 2;
  }

  std::vector<LogEvent> events;
  std::map<int, std::chrono::steady_clock::time_point>
      pending;  // closed sittings waiting to settle
  std::set<int> closedSittings, built;
  std::string mediaState;
  bool refused = false;

  chamber::client::ClientLoop loop(caFile);
  auto o =
      chamber::client::SessionOptions::withPassword(server, "chamber-archive/0.1", user, password);
  // --sitting gives up after a few tries; --follow waits for the server as long as it takes.
  if (!follow) o.reconnect.maxTries = 5;
  chamber::client::ClientSession session(loop, o);
  session.onLog = [](const std::string& s) { log(s); };
  session.onRefused = [&](const std::string& code, const std::string& message) {
    log(code == "unreachable" ? "cannot reach the server at " + server
                              : "sign-in refused (" + code + "): " + message);
    refused = true;
  };
  session.onEvent = [&](const LogEvent& e) {
    std::optional<chamber::core::EventData> typed;
    try {
      typed = e.typed();
    } catch (const std::exception& ex) {
      log("event " + std::to_string(e.seq) + " (" + e.kind + ") is malformed: " + ex.what());
    }
    if (typed && std::holds_alternative<chamber::core::SittingClosed>(*typed)) {
      closedSittings.insert(e.sitting);
      if (session.caughtUp()) pending[e.sitting] = std::chrono::steady_clock::now();
    }
    if (typed)
      if (const auto* m = std::get_if<chamber::core::MediaStateChanged>(&*typed))
        mediaState = m->state;
    events.push_back(e);
  };

  while (!gStop && !refused) {
    loop.service(50);
    session.poll();
    if (!session.caughtUp()) continue;
    if (!follow) return build(events, sitting, recordings, out, keepDays, phoneHeight) ? 0 : 1;
    // On start: closed sittings that have no archive yet.
    for (int s : closedSittings)
      if (!built.count(s) && !pending.count(s) &&
          !fs::exists(fs::path(out) / ("sitting-" + std::to_string(s)) / "archive.json")) {
        build(events, s, recordings, out, keepDays, phoneHeight);
        built.insert(s);
      }
    for (auto it = pending.begin(); it != pending.end();) {
      const bool stopped = mediaState != "live" && mediaState != "starting";
      if (stopped ||
          std::chrono::steady_clock::now() - it->second > std::chrono::duration<double>(settle_s)) {
        build(events, it->first, recordings, out, keepDays, phoneHeight);
        built.insert(it->first);
        it = pending.erase(it);
      } else {
        ++it;
      }
    }
  }
  return refused ? 1 : 0;
}
