#pragma once
/// The minutes (biên bản kỳ họp) drafted from a sitting's events, as structured text the
/// secretary can correct in any editor, and read back for rendering (Decree 30/2020 layout).
///
/// The text: "Key: value" header lines up to the first blank line (Cơ quan, Số, Địa danh,
/// Ngày, Tên loại, Trích yếu, Chủ tọa, Thư ký — a signer as "Name | title"), then the body:
/// "# " a section heading, "## " an item's heading, "- " a list item, other lines paragraphs.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Events.h"

namespace chamber::core {

/// The longest minutes text a secretary may save (minutes.save).
inline constexpr std::size_t kMaxMinutesBytes = 2 * 1024 * 1024;

/// An event of a sitting as the log has it: when, and what.
struct TimedEvent {
  std::int64_t ts_ms = 0;
  EventData event;
};

/// Calendar date and time in Vietnam (UTC+7 all year).
struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
};
LocalTime vietnamTime(std::int64_t ms);
int yearInVietnam(std::int64_t ms);
/// "2026-12-10": the date in Vietnam.
std::string vietnamDate(std::int64_t ms);
/// Whether `s` is a calendar date written as vietnamDate writes it: yyyy-mm-dd, month 1–12,
/// day 1–31 (a petition's due date, a publication's issue and effect).
bool isIsoDate(std::string_view s);
/// "12/NQ-HĐND" (individual), "21/2024/NQ-HĐND" (normative).
std::string resolutionNumber(ResolutionKind kind, int year, int seq);

/// The draft of a closed sitting's minutes: `s` its state at the close, `events` its events
/// in order, `resolutions` those numbered (any sitting's; this one's are picked).
std::string draftMinutes(const Sitting& s, const std::vector<TimedEvent>& events,
                         const std::vector<Resolution>& resolutions);

/// The text read back.
struct MinutesText {
  std::vector<std::pair<std::string, std::string>> header;  ///< in order
  struct Block {
    enum Kind { Section, Item, Bullet, Paragraph } kind;
    std::string text;
  };
  std::vector<Block> body;
  /// A header value ("" when absent).
  std::string get(const std::string& key) const;
};
MinutesText parseMinutes(const std::string& text);

}  // namespace chamber::core
