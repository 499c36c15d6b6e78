// chamber-server: the composition root. Parses flags, builds the server, runs its loop.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <csignal>

#include "cli/ConfigFile.h"
#include "log/ChamberLog.h"
#include "net/Server.h"

namespace {
chamber::net::Server* gServer = nullptr;
void onSignal(int) {
  if (gServer) gServer->stop();
}

// Every tablet is a socket: lift the soft limit on open files to the hard one.
void raiseFileLimit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}
}  // namespace

int main(int argc, char** argv) {
  chamber::net::ServerConfig cfg;
  std::string portFile, logLevel = "info";
  CLI::App app{"chamber-server — máy chủ phiên họp / the sitting's session server"};
  app.add_option("--host", cfg.host, "address to listen on")->capture_default_str();
  app.add_option("--port", cfg.port, "port (0: any free port)")->capture_default_str();
  app.add_option("--data", cfg.dataDir, "data folder (chamber.db, documents/)")
      ->capture_default_str();
  app.add_option("--portal", cfg.portalDir, "static portal folder served at /");
  app.add_option("--hls", cfg.hlsDir, "live HLS folder served at /live/");
  app.add_option(
      "--webrtc", cfg.webrtcUrl,
      "the live view's WebRTC signalling: /janus (behind nginx) or http://host:port/janus");
  app.add_option("--archive", cfg.archiveDir,
                 "chamber-archive's output folder served at /archive/");
  app.add_option("--tls-cert", cfg.tlsCert, "PEM certificate: serve HTTPS/WSS");
  app.add_option("--tls-key", cfg.tlsKey, "PEM private key");
  app.add_option("--max-frame", cfg.maxFrameBytes, "largest WebSocket message (bytes)")
      ->capture_default_str();
  app.add_option("--rate", cfg.messagesPerSecond, "messages per second per connection")
      ->capture_default_str();
  app.add_option("--burst", cfg.messageBurst, "message burst per connection")
      ->capture_default_str();
  app.add_option("--max-upload", cfg.maxUploadBytes, "largest document upload (bytes)")
      ->capture_default_str();
  int tokenDays = 30;
  app.add_option("--token-days", tokenDays, "device tokens expire after this many days")
      ->capture_default_str()
      ->check(CLI::Range(1, 3650));
  app.add_option("--sign-in-threads", cfg.signInThreads,
                 "threads checking PINs and passwords (PBKDF2)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  app.add_option("--source-free-failures", cfg.sourceThrottle.freeFailures,
                 "wrong sign-ins from one address before its checks slow down")
      ->capture_default_str();
  app.add_option("--petition-pow-bits", cfg.petitions.powBits,
                 "proof of work asked of the petition form (leading zero bits)")
      ->capture_default_str();
  app.add_option("--petitions-per-source", cfg.petitions.perSource,
                 "petitions per address per hour from the portal")
      ->capture_default_str();
  app.add_option("--petitions-per-contact", cfg.petitions.perContact,
                 "petitions per phone or e-mail per 24 hours")
      ->capture_default_str();
  app.add_flag("--trust-proxy", cfg.trustProxy,
               "behind the shipped nginx site: take the sender's address from X-Real-IP on "
               "requests from 127.0.0.1");
  app.add_option("--council", cfg.council,
                 "the council's name on the portal, feeds and reports: \"Hội đồng nhân dân xã …\" "
                 "(default: the current sitting's issuer)");
  app.add_option("--council-en", cfg.councilEn,
                 "its name in English: \"… Commune People's Council\" (default: --council)");
  app.add_option("--port-file", portFile, "write the port listened on to this file");
  app.add_option("--log-level", logLevel, "trace, debug, info, warn, error")->capture_default_str();
  chamber::cli::addConfigFile(app);
  CLI11_PARSE(app, argc, argv);

  cfg.tokenLifetime_ms = tokenDays * 86400000LL;
  spdlog::set_level(spdlog::level::from_str(logLevel));
  raiseFileLimit();
  std::signal(SIGPIPE, SIG_IGN);
  try {
    chamber::net::Server server(cfg);
    gServer = &server;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    chamber::log::get("server")->info("chamber-server listening on {}:{}", cfg.host, server.port());
    if (!portFile.empty()) {
      // Written to a temporary name, then renamed: a reader never sees half a number.
      const std::string tmp = portFile + ".tmp";
      if (FILE* f = std::fopen(tmp.c_str(), "w")) {
        std::fprintf(f, "%d\n", server.port());
        std::fclose(f);
        std::rename(tmp.c_str(), portFile.c_str());
      }
    }
    server.run();
    gServer = nullptr;
    chamber::log::get("server")->info("chamber-server stopped");
  } catch (const std::exception& e) {
    chamber::log::get("server")->critical("chamber-server: {}", e.what());
    return 1;
  }
  return 0;
}
