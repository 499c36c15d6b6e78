#pragma once
/// chamber-archive's work: joins a sitting's recording segments (MPEG-TS, as the media
/// process wrote them) into one MP4 with the moov atom first (faststart), with a chapter for
/// every agenda item and speaker turn and a JPEG thumbnail for each. A segment that is
/// missing or damaged (after a crash) leaves a marked gap — a chapter saying so, and an
/// entry in the report — never a failed archive. FFmpeg libav; no GStreamer.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "archive/Chapters.h"

namespace chamber::media {

struct ArchiveReport {
  int sitting = 0;
  std::string title;
  std::int64_t duration_ms = 0;
  std::int64_t started_ms = 0;  ///< wall clock of position 0
  std::vector<ArchiveChapter> chapters;
  std::vector<ArchiveGap> gaps;
  int segments = 0, missing = 0, damaged = 0;
  std::vector<std::string> recordingFiles;  ///< the segment files it was made from (names)
};

/// Builds `outDir/archive.mp4`, `outDir/thumbs/*.jpg` and returns what it made (the caller
/// writes archive.json). Throws std::runtime_error only when there is nothing to archive.
ArchiveReport buildArchive(const SittingLog& log, const std::filesystem::path& recordingsDir,
                           const std::filesystem::path& outDir);

/// archive.json: what the portal reads. `urlBase` is where outDir is served ("/archive/sitting-1").
nlohmann::json toJson(const ArchiveReport& r, const std::string& urlBase);

/// The one-hour offset GStreamer's mpegtsmux adds to running time (PTS of running time 0).
inline constexpr std::int64_t kTsClockBase_ms = 3600 * 1000;

}  // namespace chamber::media
