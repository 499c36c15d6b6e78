#pragma once
/// The live HLS playlist (live/index.m3u8), kept by chamber-media itself across its runs: a
/// recording stopped and started again, the next sitting and a restarted process all carry
/// the same playlist on — its media sequence goes on counting, a `#EXT-X-DISCONTINUITY`
/// marks where the stream restarts, and `#EXT-X-ENDLIST` is written only when the sitting
/// closes (a player that reads ENDLIST stops for good). hlssink2 started every run at
/// sequence 0 and ended every run with ENDLIST. Each segment carries its wall-clock time
/// (`#EXT-X-PROGRAM-DATE-TIME`), from which players and the benchmarks tell the delay.
/// Pure (files only, no GStreamer): the pipeline tells it each segment it closed.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>

namespace chamber::media {

struct LiveSegment {
  std::string uri;             ///< file name inside the live folder
  double duration_s = 0;       ///< its length
  std::int64_t start_ms = 0;   ///< wall-clock time of its first frame (0: not known)
  bool discontinuity = false;  ///< the stream restarted before it
};

class LivePlaylist {
 public:
  /// Reads the playlist the folder already holds (from an earlier run or process).
  LivePlaylist(std::filesystem::path dir, int targetDuration_s, int windowLength);

  /// A new run of the pipeline begins: its first segment follows a restart. Removes the
  /// segment files of earlier runs that are no longer in the playlist.
  void beginRun();
  /// A segment was closed: it enters the playlist (written at once, atomically); the oldest
  /// leaves the window, and its file is removed once a whole window later.
  void add(const LiveSegment& s);
  /// The sitting closed: `#EXT-X-ENDLIST`. A later segment takes it away again.
  void end();

  std::string text() const;
  std::uint64_t mediaSequence() const { return mediaSequence_; }
  std::uint64_t discontinuitySequence() const { return discontinuitySequence_; }
  const std::deque<LiveSegment>& segments() const { return window_; }
  bool ended() const { return ended_; }
  std::filesystem::path path() const { return dir_ / "index.m3u8"; }

 private:
  void load();
  void write() const;
  std::filesystem::path dir_;
  int targetDuration_s_;
  std::size_t windowLength_;
  std::deque<LiveSegment> window_;
  std::deque<std::string> leaving_;  ///< left the window; removed a window later
  std::uint64_t mediaSequence_ = 0, discontinuitySequence_ = 0;
  bool nextIsDiscontinuity_ = false, ended_ = false;
};

/// "2026-11-30T13:20:01.123Z" and back (0 if it does not parse).
std::string isoUtcMs(std::int64_t ms);
std::int64_t parseIsoUtcMs(const std::string& s);

}  // namespace chamber::media
