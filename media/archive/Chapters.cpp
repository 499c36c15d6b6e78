#include "archive/Chapters.h"

#include <algorithm>
#include <map>

namespace chamber::media {

using nlohmann::json;

LogEvent logEventFromJson(const json& j) {
  LogEvent e;
  e.seq = j.value("seq", std::int64_t{0});
  e.ts = j.value("ts", std::int64_t{0});
  e.sitting = j.value("sitting", 0);
  e.kind = j.value("kind", "");
  e.data = j.contains("data") ? j["data"] : json::object();
  return e;
}

std::string floorKindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"speech", "phát biểu"},       {"second", "phát biểu lần hai"},
      {"debate", "tranh luận"},      {"point_of_order", "kiến nghị về thủ tục"},
      {"question", "chất vấn"},      {"answer", "trả lời chất vấn"},
      {"chair", "điều hành"}};
  auto it = labels.find(kind);
  return it == labels.end() ? "phát biểu" : it->second;
}

SittingLog readSitting(const std::vector<LogEvent>& events, int sitting) {
  SittingLog out;
  out.sitting = sitting;
  std::map<std::string, std::string> itemTitle;
  std::map<std::string, std::string> personLabel;  // "Nguyễn Văn Hùng (Chủ tịch HĐND xã)"
  std::string activeItem;
  for (const auto& e : events) {
    if (e.sitting != sitting) continue;
    const json& d = e.data;
    if (e.kind == "sitting.created") {
      out.title = d.value("title", "");
      for (const auto& i : d.value("agenda", json::array()))
        itemTitle[i.value("id", "")] = i.value("title", "");
      for (const auto& list : {d.value("roster", json::array()), d.value("responders", json::array())})
        for (const auto& p : list) {
          const std::string title = p.value("title", "");
          personLabel[p.value("id", "")] = p.value("name", "") + (title.empty() ? "" : " (" + title + ")");
        }
    } else if (e.kind == "agenda.activated") {
      activeItem = d.value("item", "");
      const auto it = itemTitle.find(activeItem);
      out.marks.push_back({e.ts, "item", activeItem, "",
                           "Mục " + activeItem + ". " + (it == itemTitle.end() ? "" : it->second)});
    } else if (e.kind == "floor.granted") {
      const std::string person = d.value("person", "");
      const auto it = personLabel.find(person);
      out.marks.push_back({e.ts, "speaker", activeItem, person,
                           (it == personLabel.end() ? person : it->second) + " " +
                               floorKindLabel(d.value("kind", "speech"))});
    } else if (e.kind == "media.state") {
      const std::string pattern = d.value("recording", "");
      const auto started = d.value("recordingStarted_ms", std::int64_t{0});
      if (d.value("state", "") == "live" && !pattern.empty() && started > 0 &&
          std::none_of(out.recordings.begin(), out.recordings.end(),
                       [&](const Recording& r) { return r.pattern == pattern; }))
        out.recordings.push_back({pattern, started});
    } else if (e.kind == "sitting.closed") {
      out.closed = true;
    }
  }
  return out;
}

std::vector<ArchiveChapter> placeChapters(const SittingLog& log, std::int64_t started_ms,
                                          std::int64_t duration_ms, const std::vector<ArchiveGap>& gaps) {
  std::vector<ArchiveChapter> out;
  const auto add = [&](ArchiveChapter c) {
    c.start_ms = std::clamp<std::int64_t>(c.start_ms, 0, duration_ms);
    // A later chapter at the same moment replaces the earlier one (it is what was on).
    while (!out.empty() && out.back().start_ms >= c.start_ms) out.pop_back();
    out.push_back(std::move(c));
  };
  const auto insideGap = [&](std::int64_t t) -> const ArchiveGap* {
    for (const auto& g : gaps)
      if (t >= g.start_ms && t < g.end_ms) return &g;
    return nullptr;
  };
  add({0, 0, "sitting", "", "", log.title.empty() ? "Phiên họp" : log.title, ""});
  std::size_t nextGap = 0;
  const auto gapsBefore = [&](std::int64_t t) {
    // Gaps that start before t: a chapter of their own, then what was on goes on.
    while (nextGap < gaps.size() && gaps[nextGap].start_ms < t) {
      const ArchiveGap& g = gaps[nextGap++];
      ArchiveChapter running = out.back();
      add({g.start_ms, 0, "gap", running.item, "",
           g.reason == "paused" ? "Tạm dừng ghi hình" : "Gián đoạn ghi hình (mất đoạn)", ""});
      if (running.kind != "gap") {
        running.start_ms = g.end_ms;
        if (!running.title.ends_with(" (tiếp)")) running.title += " (tiếp)";
        add(running);
      }
    }
  };
  for (const auto& m : log.marks) {
    std::int64_t t = m.at_ms - started_ms;
    if (t >= duration_ms) break;
    if (const ArchiveGap* g = insideGap(t)) t = g->end_ms;
    gapsBefore(t + 1);
    add({t, 0, m.kind, m.item, m.person, m.title, ""});
  }
  gapsBefore(duration_ms);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].end_ms = i + 1 < out.size() ? out[i + 1].start_ms : duration_ms;
  std::erase_if(out, [](const ArchiveChapter& c) { return c.end_ms <= c.start_ms; });
  return out;
}

}  // namespace chamber::media
