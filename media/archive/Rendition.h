#pragma once
/// After the archive: what a commune can keep and what a phone can watch.
/// - verifyArchive: the MP4 opens, has its video and sound, and is as long as the report
///   says — only then may the recording segments go.
/// - makeRendition: a small copy for phones (360 lines, ~500 kbps H.264, the sound and the
///   chapters as they are), made after the sitting on a thread at the lowest priority.
/// - sweepRecordings: the retention rule — the segments of an archive that was verified are
///   removed once it is `keepDays` old (0: at once; negative: never).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace chamber::media {

/// "" if `mp4` is a whole archive of about `expected_ms`; else what is wrong.
std::string verifyArchive(const std::filesystem::path& mp4, std::int64_t expected_ms);

struct RenditionResult {
  std::string error;  ///< empty: made
  std::uintmax_t bytes = 0;
  int width = 0, height = 0;
};

/// Writes `out` (through `out`.part) from the archive `in`, `height` lines high (an original
/// no taller gets no copy: an error says so).
RenditionResult makeRendition(const std::filesystem::path& in, const std::filesystem::path& out,
                              int height = 360, int videoKbps = 500);

/// For every out/sitting-N/archive.json that says "verified" and lists its "recordings":
/// removes those segment files from `recordingsDir` once the archive is `keepDays` old, and
/// records it ("recordings_removed"). Returns how many files it removed.
int sweepRecordings(const std::filesystem::path& outRoot,
                    const std::filesystem::path& recordingsDir, int keepDays,
                    std::chrono::system_clock::time_point now);

}  // namespace chamber::media
