#pragma once
/// One logger per subsystem — "server", "store", "media", "archive", "app" — all on standard
/// error in one format, so an operator reads one kind of line whichever process wrote it:
///   2026-11-30 10:00:00.123 [media] warn: server unreachable, reconnecting (attempt 1)
/// journald adds its own time stamp; the format stays the same for a terminal and a file.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace chamber::log {

inline constexpr const char* kPattern = "%Y-%m-%d %H:%M:%S.%e [%n] %l: %v";

/// The subsystem's logger (made on first use, then shared; thread-safe).
inline std::shared_ptr<spdlog::logger> get(const std::string& subsystem) {
  if (auto l = spdlog::get(subsystem)) return l;
  try {
    auto l = spdlog::stderr_color_mt(subsystem);
    l->set_pattern(kPattern);
    return l;
  } catch (const spdlog::spdlog_ex&) {
    return spdlog::get(subsystem);  // made by another thread meanwhile
  }
}

}  // namespace chamber::log
