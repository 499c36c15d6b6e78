#include "net/Metrics.h"

#include <sys/statvfs.h>

#include <sstream>

#include "net/ServerImpl.h"

namespace chamber::net {

void Metrics::commit(std::chrono::steady_clock::duration took) {
  const double s = std::chrono::duration<double>(took).count();
  std::size_t i = 0;
  while (i < kBounds.size() && s > kBounds[i]) ++i;
  ++buckets_[i];
  sum_ += s;
  ++count_;
}

namespace {

/// A label value escaped as the format asks (backslash, quote, newline).
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string Metrics::render(const ServerImpl& s) const {
  std::ostringstream o;
  o << "# HELP chamber_connections Open connections (WebSocket and HTTP).\n"
       "# TYPE chamber_connections gauge\n"
    << "chamber_connections " << s.conns.size() << "\n";
  o << "# HELP chamber_commands_total Commands decided since the start, by name and outcome "
       "(ok, or the error code).\n# TYPE chamber_commands_total counter\n";
  for (const auto& [key, n] : commands_)
    o << "chamber_commands_total{command=\"" << label(key.first) << "\",outcome=\""
      << label(key.second) << "\"} " << n << "\n";
  o << "# HELP chamber_commit_seconds Time to commit a turn's events to disk.\n"
       "# TYPE chamber_commit_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    cumulative += buckets_[i];
    o << "chamber_commit_seconds_bucket{le=\"";
    if (i < kBounds.size())
      o << kBounds[i];
    else
      o << "+Inf";
    o << "\"} " << cumulative << "\n";
  }
  o << "chamber_commit_seconds_sum " << sum_ << "\nchamber_commit_seconds_count " << count_ << "\n";
  o << "# HELP chamber_event_log_head The last event written to the log.\n"
       "# TYPE chamber_event_log_head gauge\nchamber_event_log_head "
    << s.head << "\n";
  o << "# HELP chamber_sittings Sittings on record.\n# TYPE chamber_sittings gauge\n"
    << "chamber_sittings " << s.state.sittings.size() << "\n";
  o << "# HELP chamber_media_state The media process's state as it last reported it (1: this "
       "one).\n# TYPE chamber_media_state gauge\n";
  for (const char* st : {"idle", "starting", "live", "reconnecting", "failed"})
    o << "chamber_media_state{state=\"" << st << "\"} " << (s.state.media.state == st ? 1 : 0)
      << "\n";
  o << "# HELP chamber_media_recording_requested Whether the chair asked for the recording.\n"
       "# TYPE chamber_media_recording_requested gauge\nchamber_media_recording_requested "
    << (s.state.media.recordingRequested ? 1 : 0) << "\n";
  if (media_) {
    o << "# HELP chamber_media_recording_bytes Size of the running recording, as the media "
         "process last told it.\n# TYPE chamber_media_recording_bytes gauge\n"
         "chamber_media_recording_bytes "
      << media_->recordingBytes
      << "\n# HELP chamber_media_disk_free_bytes Free space on the media process's recording "
         "disk.\n# TYPE chamber_media_disk_free_bytes gauge\nchamber_media_disk_free_bytes "
      << media_->diskFreeBytes
      << "\n# HELP chamber_media_disk_seconds_left Recording time left on that disk at the "
         "current rate, above its reserve.\n# TYPE chamber_media_disk_seconds_left gauge\n"
         "chamber_media_disk_seconds_left "
      << media_->diskSecondsLeft
      << "\n# HELP chamber_media_stats_age_seconds Seconds since the media process last told "
         "its figures.\n# TYPE chamber_media_stats_age_seconds gauge\n"
         "chamber_media_stats_age_seconds "
      << std::chrono::duration<double>(std::chrono::steady_clock::now() - mediaAt_).count() << "\n";
  }
  struct statvfs fs {};
  if (::statvfs(s.cfg.dataDir.c_str(), &fs) == 0)
    o << "# HELP chamber_disk_free_bytes Free space where the data folder lives.\n"
         "# TYPE chamber_disk_free_bytes gauge\nchamber_disk_free_bytes{path=\""
      << label(s.cfg.dataDir.string()) << "\"} "
      << static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize << "\n";
  return o.str();
}

}  // namespace chamber::net
