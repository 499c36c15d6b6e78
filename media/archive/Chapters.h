#pragma once
/// What the archive of a sitting is made of, read from its event log: the recordings the
/// media process reported (segment pattern + wall-clock start), and a chapter mark for every
/// agenda item activated, every turn on the floor (and its end: back to the item, or to the
/// speaker who still holds the floor), every vote opened and every result, titled in
/// Vietnamese. Pure: no files,
/// no libav; Archive.h turns it into an MP4.
#include <cstdint>
#include <string>
#include <vector>

#include "protocol/Client.h"

namespace chamber::media {

/// One event as the server sends it and `chamberctl export events` writes it
/// (`{"seq","ts","sitting","kind","data"}`), read strictly by protocol/Client.h.
using LogEvent = protocol::EventEnvelope;

/// A recording: segments named by `pattern` ("recording-<ms>-%05d.ts"); running time 0 of
/// the recording is the wall-clock `started_ms`.
struct Recording {
  std::string pattern;
  std::int64_t started_ms = 0;
  /// The media process said it stopped (media.state idle) before the next recording began:
  /// the chair's pause or the sitting's end. False: it died (kill -9, a crash, a power cut)
  /// or failed — a gap after it is a loss, not a pause.
  bool stoppedCleanly = false;
};

struct ChapterMark {
  std::int64_t at_ms = 0;  ///< wall clock
  std::string kind;        ///< "item", "speaker", "vote" (opened) or "result"
  std::string item;        ///< the agenda item it belongs to
  std::string person;      ///< for a speaker turn
  std::string title;       ///< Vietnamese
  bool resumed = false;    ///< "(tiếp)": what was on before a turn goes on after it
};

struct SittingLog {
  int sitting = 0;
  std::string title;
  std::vector<Recording> recordings;  ///< in order of starting
  std::vector<ChapterMark> marks;     ///< in time order
  bool closed = false;
};

/// Reads one sitting out of the whole log (events of other sittings are skipped).
SittingLog readSitting(const std::vector<LogEvent>& events, int sitting);

struct ArchiveChapter {
  std::int64_t start_ms = 0, end_ms = 0;  ///< position in the archive
  std::string kind;                       ///< sitting, item, speaker, vote, result, gap
  std::string item, person, title;
  std::string thumbnail;  ///< file name in thumbs/, empty for gaps
  bool resumed = false;
};

/// A resumption ("… (tiếp)") shorter than this is no chapter: the next thing began at once
/// (a turn ended and the chair moved to the next item) or the recording ended.
inline constexpr std::int64_t kShortestResumption_ms = 1000;

struct ArchiveGap {
  std::int64_t start_ms = 0, end_ms = 0;
  std::string reason;  ///< "lost": a segment missing or damaged; "paused": recording stopped
};

/// Places the sitting's marks on the archive's time line (pure): marks before the start are
/// folded to 0, marks inside a gap move to its end, and each gap gets a chapter of its own
/// followed by the chapter that was running, "(tiếp)".
std::vector<ArchiveChapter> placeChapters(const SittingLog& log, std::int64_t started_ms,
                                          std::int64_t duration_ms,
                                          const std::vector<ArchiveGap>& gaps);

/// A result's chapter title: "Kết quả: <vote> — thông qua, 16/25 đại biểu tán thành
/// (64,00%)"; for an election, who was elected.
std::string resultTitle(const std::string& title, core::VoteKind kind, const core::Tally& t);

/// "phát biểu", "chất vấn", … for a floor kind.
std::string floorKindLabel(const std::string& kind);

}  // namespace chamber::media
