// chamber-media: films, records and streams the sitting. Follows the session server's
// events as the media role (the camera follows the speaker, the lower third says who and
// what), records from the sitting's opening to its closing, and reports its state
// (idle, starting, live, reconnecting, failed + error) for the chair's console.
// Without --server it just records (tests, a chamber without a server).
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <ctime>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "core/Director.h"
#include "core/Hardware.h"
#include "core/Reconnect.h"
#include "core/Visca.h"
#include "pipeline/Pipeline.h"
#include "wsclient/WsClient.h"

using namespace chamber::media;
using nlohmann::json;

namespace {
std::atomic<bool> gStop{false};
void onSignal(int) { gStop = true; }

void log(const std::string& s) {
  std::fprintf(stderr, "[media] %s\n", s.c_str());
  std::fflush(stderr);
}
}  // namespace

int main(int argc, char** argv) {
  std::string hardwarePath = "hardware/con-minh.toml", dataDir = "media-data", server, user = "media", password,
              passwordFile, caFile;
  double duration_s = 0;
  CLI::App app{"chamber-media — ghi hình và phát trực tiếp / recording and livestream"};
  app.add_option("--hardware", hardwarePath, "chamber description (TOML)")->capture_default_str();
  app.add_option("--data", dataDir, "folder for recordings/ and live/ (HLS)")->capture_default_str();
  app.add_option("--server", server, "ws://host:port of the session server (omit: record at once)");
  app.add_option("--user", user, "account with the media role")->capture_default_str();
  app.add_option("--password-file", passwordFile, "a file (mode 0600) holding its password; else CHAMBER_MEDIA_PASSWORD");
  app.add_option("--ca-file", caFile, "PEM certificates trusted for wss:// (default: the system's)");
  app.add_option("--duration", duration_s, "stop after this many seconds (0: until SIGTERM)");
  CLI11_PARSE(app, argc, argv);
  {
    std::string h;
    int p = 0;
    if (!server.empty() && !chamber::wsclient::parseWsUrl(server, h, p)) {
      log("--server must look like ws://host:port or wss://host:port");
      return 2;
    }
    if (!server.empty()) {
      if (auto why = chamber::wsclient::loadSecret(passwordFile, "CHAMBER_MEDIA_PASSWORD", password); !why.empty()) {
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
  Pipeline pipeline(hw, std::filesystem::path(dataDir) / "recordings", std::filesystem::path(dataDir) / "live");
  Director director(hw);
  std::unique_ptr<chamber::wsclient::ClientLoop> loop;
  chamber::wsclient::Client* ws = nullptr;
  int counter = 0;
  auto report = [&](MediaState s, const std::string& error, const std::string& detail) {
    log(std::string("state ") + stateName(s) + (error.empty() ? "" : " (" + error + ": " + detail + ")"));
    if (ws && ws->isOpen())
      ws->send(json{{"type", "cmd"}, {"id", "media-" + std::to_string(std::time(nullptr)) + "-" + std::to_string(++counter)},
                    {"cmd", "media.report"},
                    {"args", {{"state", stateName(s)}, {"error", error}, {"detail", detail},
                              {"recording", s == MediaState::Live ? pipeline.recordingFile() : ""},
                              {"recordingStarted_ms", s == MediaState::Live ? pipeline.recordingStarted_ms() : 0}}}}
                   .dump());
  };
  pipeline.onState = report;

  std::vector<std::future<void>> ptz;  // preset recalls run beside the loop
  std::map<std::string, std::unique_ptr<ViscaClient>> visca;
  auto showShot = [&] {
    const Shot& s = director.shot();
    pipeline.show(s);
    const Camera* cam = hw.camera(s.camera);
    if (cam && !cam->visca.empty() && s.preset) {
      auto& client = visca[cam->id];
      if (!client) client = std::make_unique<ViscaClient>(cam->visca);
      ViscaClient* c = client.get();
      const int preset = *s.preset;
      std::erase_if(ptz, [](auto& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
      ptz.push_back(std::async(std::launch::async, [c, preset, id = cam->id] {
        if (auto err = c->recallPreset(preset); !err.empty()) log(id + ": " + err);
      }));
    }
  };

  bool wantRecording = server.empty();
  bool recording = false;
  // A closed sitting (họp kín): recorded only if the council's rules say so, and then for the
  // archive alone — no HLS, no RTMP push.
  struct SittingPrivacy {
    bool isPublic = true;
    bool recordIfClosed = true;
  };
  std::map<int, SittingPrivacy> sittings;
  int currentSitting = 0;
  auto currentPublic = [&] {
    auto it = sittings.find(currentSitting);
    return it == sittings.end() || it->second.isPublic;
  };
  auto mayRecord = [&] {
    auto it = sittings.find(currentSitting);
    return it == sittings.end() || it->second.isPublic || it->second.recordIfClosed;
  };
  int attempt = 0;
  std::mt19937 rng(std::random_device{}());
  auto nextConnect = std::chrono::steady_clock::now();
  std::int64_t lastSeq = 0;
  auto connect = [&] {
    if (!loop) loop = std::make_unique<chamber::wsclient::ClientLoop>(caFile);
    std::string host;
    int port = 0;
    bool tls = false;
    chamber::wsclient::parseWsUrl(server, host, port, &tls);  // checked at start
    ws = &loop->connect(host, port, tls);
    ws->onOpen = [&] {
      if (attempt > 0) log("connected to the server again");
      attempt = 0;
      ws->send(json{{"type", "hello"}, {"version", 1}, {"client", "chamber-media/0.1"}}.dump());
      ws->send(json{{"type", "auth"}, {"id", "auth"}, {"method", "password"}, {"user", user}, {"password", password}}.dump());
      ws->send(json{{"type", "resume"}, {"id", "resume"}, {"after", lastSeq}}.dump());
      report(pipeline.state(), pipeline.error(), "");
    };
    ws->onMessage = [&](const std::string& text) {
      const json m = json::parse(text, nullptr, false);
      if (m.is_discarded()) return;
      if (m.value("type", "") == "error" && m.value("id", "") == "auth") log("sign-in refused: " + m.value("message", ""));
      if (m.value("type", "") != "event") return;
      lastSeq = m.value("seq", lastSeq);
      const std::string kind = m.value("kind", "");
      const int sitting = m.value("sitting", 0);
      if (kind == "sitting.created") {
        const json& d = m["data"];
        sittings[sitting] = {d.value("isPublic", true),
                             d.contains("rules") ? d["rules"].value("recordClosedSittings", true) : true};
      }
      if (director.onEvent(kind, m["data"])) showShot();
      if (kind == "sitting.opened" || kind == "sitting.resumed") {
        currentSitting = sitting;
        wantRecording = mayRecord();
      }
      if (kind == "sitting.closed") wantRecording = false;
      if (kind == "media.recording_requested") wantRecording = m["data"].value("on", true) && mayRecord();
    };
  };
  if (!server.empty()) connect();

  const auto started = std::chrono::steady_clock::now();
  while (!gStop) {
    if (duration_s > 0 && std::chrono::steady_clock::now() - started > std::chrono::duration<double>(duration_s)) break;
    if (loop) {
      loop->service(5);
      if (ws && ws->isClosed() && std::chrono::steady_clock::now() >= nextConnect) {
        // The server went away: try again with backoff and jitter; the recording goes on.
        const auto delay = reconnectDelay_ms({500, 2.0, 5000, 0.2, 0}, attempt++, std::uniform_real_distribution<>(0, 1)(rng));
        nextConnect = std::chrono::steady_clock::now() + std::chrono::milliseconds(*delay);
        if (attempt == 1 || attempt % 10 == 0) log("server unreachable, reconnecting (attempt " + std::to_string(attempt) + ")");
        connect();
      }
    }
    if (wantRecording && !recording) {
      recording = true;
      const bool open = currentPublic();
      if (!open) log("a closed sitting: recording for the archive only, no HLS, no stream");
      if (auto err = pipeline.start(open); !err.empty()) log("cannot start: " + err);
      else showShot();
    }
    if (!wantRecording && recording) {
      recording = false;
      pipeline.stop();
    }
    pipeline.pollBus(loop ? 5 : 20);
  }
  if (recording) pipeline.stop();
  if (loop) loop->service(50);  // let the last report leave
  return pipeline.state() == MediaState::Failed ? 1 : 0;
}
