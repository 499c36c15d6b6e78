// chamber-media: films, records and streams the sitting. Follows the session server's
// events as the media role (the camera follows the speaker, the lower third says who and
// what), records from the sitting's opening to its closing, and reports its state
// (idle, starting, live, reconnecting, failed + error) for the chair's console.
// Without --server it just records (tests, a chamber without a server).
#include <signal.h>
#include <sys/statvfs.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "ClientSession.h"
#include "cli/ConfigFile.h"
#include "core/Director.h"
#include "core/DiskGuard.h"
#include "core/Hardware.h"
#include "core/MediaController.h"
#include "core/Visca.h"
#include "log/ChamberLog.h"
#include "pipeline/Pipeline.h"

using namespace chamber::media;
namespace core = chamber::core;

namespace {
std::atomic<bool> gStop{false};
void onSignal(int) {
  gStop = true;
}

void log(const std::string& s) {
  chamber::log::get("media")->info(s);
}

/// The size of the running recording, counted as it grows: a closed segment never changes,
/// so each look stats only the segment being written and any closed since the last look
/// (never the whole folder, which keeps weeks of recordings).
class RecordingSize {
 public:
  explicit RecordingSize(std::string pattern = "") : pattern_(std::move(pattern)) {}
  /// `pattern`: the recording's file path with %05d for the segment number; "" when idle.
  std::uint64_t bytes(const std::filesystem::path& dir, const std::string& pattern) {
    if (pattern != pattern_) *this = RecordingSize{pattern};
    if (pattern_.empty()) return 0;
    std::error_code ec;
    // Segment n is closed once n + 1 exists.
    while (std::filesystem::exists(dir / segment(next_ + 1), ec)) {
      closed_ += std::filesystem::file_size(dir / segment(next_), ec) * !ec;
      ++next_;
    }
    const auto open = std::filesystem::file_size(dir / segment(next_), ec);
    return closed_ + (ec ? 0 : open);
  }

 private:
  std::string segment(int n) const {
    char name[256];
    std::snprintf(name, sizeof name, std::filesystem::path(pattern_).filename().c_str(), n);
    return name;
  }
  std::string pattern_;
  int next_ = 0;
  std::uint64_t closed_ = 0;
};

/// Free space on the disk the recordings are written to (the folder is made by the first
/// recording: until then, the disk it will be on).
std::uint64_t freeBytesFor(std::filesystem::path dir) {
  std::error_code ec;
  while (!std::filesystem::exists(dir, ec) && dir.has_parent_path() && dir != dir.parent_path())
    dir = dir.parent_path();
  struct statvfs fs {};
  return ::statvfs(dir.c_str(), &fs) == 0 ? static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize
                                          : 0;
}
}  // namespace

int main(int argc, char** argv) {
  std::string hardwarePath = "hardware/con-minh.toml", dataDir = "media-data", server,
              user = "media", password, passwordFile, caFile;
  double duration_s = 0, sittingHours = 4;
  std::uint64_t reserveMb = 512;
  CLI::App app{"chamber-media — ghi hình và phát trực tiếp / recording and livestream"};
  app.add_option("--hardware", hardwarePath, "chamber description (TOML)")->capture_default_str();
  app.add_option("--data", dataDir, "folder for recordings/ and live/ (HLS)")
      ->capture_default_str();
  app.add_option("--server", server, "ws://host:port of the session server (omit: record at once)");
  app.add_option("--user", user, "account with the media role")->capture_default_str();
  app.add_option("--password-file", passwordFile,
                 "a file (mode 0600) holding its password; else CHAMBER_MEDIA_PASSWORD");
  app.add_option("--ca-file", caFile,
                 "PEM certificates trusted for wss:// (default: the system's)");
  app.add_option("--duration", duration_s, "stop after this many seconds (0: until SIGTERM)");
  app.add_option("--sitting-hours", sittingHours,
                 "a sitting's expected length: the chair is warned when the recording disk "
                 "will not last that long")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 48.0));
  app.add_option("--disk-reserve-mb", reserveMb,
                 "space left free on the recording disk: the recording stops cleanly before "
                 "it would write into it")
      ->capture_default_str();
  chamber::cli::addConfigFile(app);
  CLI11_PARSE(app, argc, argv);
  {
    std::string h;
    int p = 0;
    if (!server.empty() && !chamber::client::parseWsUrl(server, h, p)) {
      log("--server must look like ws://host:port or wss://host:port");
      return 2;
    }
    if (!server.empty()) {
      if (auto why = chamber::client::loadSecret(passwordFile, "CHAMBER_MEDIA_PASSWORD", password);
          !why.empty()) {
        log(why);
        return 2;
      }
    }
  }
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  std::signal(SIGPIPE, SIG_IGN);

  Hardware hw;
  try {
    hw = loadHardware(hardwarePath);
  } catch (const std::exception& e) {
    log(e.what());
    return 2;
  }
  Pipeline pipeline(hw, std::filesystem::path(dataDir) / "recordings",
                    std::filesystem::path(dataDir) / "live");
  Director director(hw);
  std::unique_ptr<chamber::client::ClientLoop> loop;
  std::unique_ptr<chamber::client::ClientSession> session;
  // The recording disk: the chair is warned before it fills, the recording stops before.
  DiskGuard disk({.reserveBytes = reserveMb << 20,
                  .sittingSeconds = sittingHours * 3600,
                  .configuredBytesPerSecond =
                      (hw.output.videoBitrate_kbps + hw.output.audioBitrate_kbps) * 1000.0 / 8,
                  .stopSeconds = std::max(20.0, 2.0 * hw.output.segment_s)});
  DiskGuard::Advice diskAdvice;
  auto report = [&](MediaState s, std::string error, std::string detail) {
    // A disk warning stays on every report until the disk has room again.
    if (error.empty() && !diskAdvice.error.empty()) {
      error = diskAdvice.error;
      detail = diskAdvice.detail;
    }
    log(std::string("state ") + stateName(s) +
        (error.empty() ? "" : " (" + error + ": " + detail + ")"));
    if (session)
      session->send(core::ReportMediaState{
          stateName(s), error, detail, s == MediaState::Live ? pipeline.recordingFile() : "",
          s == MediaState::Live ? pipeline.recordingStarted_ms() : 0});
  };
  pipeline.onState = report;

  // A camera that did not move: told to the chair from the main loop (media.report "camera").
  // Declared before the recalls: a recall still running at exit finishes before these go.
  std::mutex cameraLock;
  std::vector<std::string> cameraErrors;
  std::map<std::string, std::unique_ptr<ViscaClient>> visca;
  std::vector<std::future<void>> ptz;  // preset recalls run beside the loop
  auto showShot = [&] {
    const Shot& s = director.shot();
    pipeline.show(s);
    const Camera* cam = hw.camera(s.camera);
    if (cam && !cam->visca.empty() && s.preset) {
      auto& client = visca[cam->id];
      if (!client) client = std::make_unique<ViscaClient>(cam->visca);
      ViscaClient* c = client.get();
      const int preset = *s.preset;
      std::erase_if(ptz, [](auto& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
      });
      ptz.push_back(
          std::async(std::launch::async, [&cameraLock, &cameraErrors, c, preset, id = cam->id] {
            if (auto err = c->recallPreset(preset); !err.empty()) {
              std::lock_guard<std::mutex> guard(cameraLock);
              cameraErrors.push_back(id + ": " + err);
            }
          }));
    }
  };

  MediaController controller(server.empty());  // when to record, and whether in public
  bool recording = false;
  auto onEvent = [&](const chamber::protocol::EventEnvelope& env) {
    std::optional<core::EventData> typed;
    try {
      typed = env.typed();
    } catch (const std::exception& e) {
      log("event " + std::to_string(env.seq) + " (" + env.kind + ") is malformed: " + e.what());
      return;
    }
    if (!typed) return;  // a kind newer than this build: not one the media acts on
    controller.onEvent(env.sitting, *typed);
    // While the log replays, the director only folds (no camera moves for old turns).
    if (director.onEvent(*typed) && (!session || session->caughtUp())) showShot();
  };
  if (!server.empty()) {
    loop = std::make_unique<chamber::client::ClientLoop>(caFile);
    auto o =
        chamber::client::SessionOptions::withPassword(server, "chamber-media/0.1", user, password);
    session = std::make_unique<chamber::client::ClientSession>(*loop, o);
    session->onEvent = onEvent;
    session->onConnected = [&, first = true]() mutable {
      // The first report of this process says so: an idle from a process that just started
      // is not the stop of an earlier recording (the archive tells a crash from a pause).
      report(pipeline.state(), pipeline.error(),
             first && pipeline.state() == MediaState::Idle
                 ? core::MediaStateChanged::kProcessStarted
                 : "");
      first = false;
    };
    session->onCaughtUp = [&] { showShot(); };  // who holds the floor now, whenever we joined
    session->onLog = [](const std::string& s) { log(s); };
    session->onRefused = [&](const std::string& code, const std::string& message) {
      log("sign-in refused (" + code + "): " + message + " — recording goes on without the server");
    };
    session->onReply = [&](const chamber::protocol::ServerMessage& m) {
      // ("unchanged": the same state told twice, as on a reconnection — nothing to say)
      if (m.type == chamber::protocol::ServerType::Error && m.code != "unchanged")
        log("the server refused a report: " + m.code + " " + m.message);
    };
  }

  const auto started = std::chrono::steady_clock::now();
  auto nextDiskCheck = started;
  RecordingSize recordingSize;
  const auto recordings = std::filesystem::path(dataDir) / "recordings";
  bool diskFullLogged = false;
  int statsSent = 0;
  while (!gStop) {
    if (duration_s > 0 &&
        std::chrono::steady_clock::now() - started > std::chrono::duration<double>(duration_s))
      break;
    if (loop) {
      loop->service(5);
      session->poll();  // the server went away: it reconnects and resumes; the recording goes on
    }
    // Act only on the present: while a (re)connection replays the log up to the server's
    // head, old openings and closings are folded, never carried out.
    const bool present = !session || session->caughtUp();
    // Every two seconds: the space left, the recording's size; a warning or a clean stop.
    if (const auto now = std::chrono::steady_clock::now(); now >= nextDiskCheck) {
      nextDiskCheck = now + std::chrono::seconds(2);
      const std::uint64_t freeBytes = freeBytesFor(recordings);
      const std::uint64_t recorded =
          recordingSize.bytes(recordings, recording ? pipeline.recordingFile() : "");
      diskAdvice = disk.check(freeBytes, recorded, recording ? pipeline.recordingSeconds() : 0,
                              std::chrono::duration<double>(now - started).count(), recording);
      if (diskAdvice.changed) {
        if (diskAdvice.verdict == DiskGuard::Verdict::Full && recording) {
          recording = false;
          pipeline.stop();  // the last segment closed while there is room to close it
        }
        if (diskAdvice.verdict != DiskGuard::Verdict::Full) diskFullLogged = false;
        report(pipeline.state(), diskAdvice.error, diskAdvice.detail);
      }
      if (session && session->caughtUp())  // figures for /metrics, not for the record
        session->sendRaw(chamber::protocol::mediaStats(
            "stats-" + std::to_string(++statsSent),
            {static_cast<std::int64_t>(recorded), static_cast<std::int64_t>(freeBytes),
             static_cast<std::int64_t>(diskAdvice.secondsLeft)}));
    }
    auto action = present ? controller.next(recording) : MediaController::Action::None;
    if (action == MediaController::Action::Start &&
        diskAdvice.verdict == DiskGuard::Verdict::Full) {
      if (!diskFullLogged) log("the recording disk is full: not recording until it has room");
      diskFullLogged = true;
      action = MediaController::Action::None;
    }
    switch (action) {
      case MediaController::Action::Start: {
        recording = true;
        const bool open = controller.publicOutputs();
        if (!open) log("a closed sitting: recording for the archive only, no HLS, no stream");
        if (auto err = pipeline.start(open); !err.empty())
          log("cannot start: " + err);
        else
          showShot();
        break;
      }
      case MediaController::Action::Stop:
        recording = false;
        pipeline.stop();
        if (!controller.sittingRuns()) pipeline.endLive();  // closed, not paused
        break;
      case MediaController::Action::None:
        break;
    }
    {
      std::vector<std::string> errors;
      {
        std::lock_guard<std::mutex> guard(cameraLock);
        errors.swap(cameraErrors);
      }
      for (const auto& e : errors)
        report(pipeline.state(), "camera",
               "camera không chuyển được vị trí / PTZ preset failed: " + e);
    }
    pipeline.pollBus(loop ? 5 : 20);
  }
  if (recording) pipeline.stop();
  if (loop) loop->service(50);  // let the last report leave
  return pipeline.state() == MediaState::Failed ? 1 : 0;
}
