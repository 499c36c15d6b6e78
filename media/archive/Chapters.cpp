#include "archive/Chapters.h"

#include <algorithm>
#include <map>

namespace chamber::media {

std::string floorKindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"speech", "phát biểu"},  {"second", "phát biểu lần hai"},
      {"debate", "tranh luận"}, {"point_of_order", "kiến nghị về thủ tục"},
      {"question", "chất vấn"}, {"answer", "trả lời chất vấn"},
      {"chair", "điều hành"}};
  auto it = labels.find(kind);
  return it == labels.end() ? "phát biểu" : it->second;
}

std::string resultTitle(const std::string& title, core::VoteKind kind, const core::Tally& t) {
  std::string out = "Kết quả: " + title + " — ";
  if (kind == core::VoteKind::Election) {
    std::string elected;
    for (const auto& o : t.options)
      if (o.elected) elected += (elected.empty() ? "" : ", ") + o.label;
    return out + (elected.empty() ? "không ai trúng cử" : "trúng cử: " + elected);
  }
  out += t.passed ? "thông qua" : "không thông qua";
  // The first option (in favour, or confidence) as the chair announced it.
  if (!t.options.empty() && !t.options.front().line.empty()) out += ", " + t.options.front().line;
  return out;
}

SittingLog readSitting(const std::vector<LogEvent>& events, int sitting) {
  SittingLog out;
  out.sitting = sitting;
  std::map<std::string, std::string> itemTitle;
  std::map<std::string, std::string> personLabel;  // "Nguyễn Văn Hùng (Chủ tịch HĐND xã)"
  std::string activeItem;
  std::vector<std::string> floor;  // who holds the floor, in order of grant (the last speaks)
  struct VoteInfo {
    std::string title;
    core::VoteKind kind = core::VoteKind::Motion;
  };
  std::map<std::string, VoteInfo> votes;
  const auto speakerTitle = [&](const std::string& person, const std::string& kind) {
    const auto it = personLabel.find(person);
    return (it == personLabel.end() ? person : it->second) + " " +
           floorKindLabel(kind.empty() ? "speech" : kind);
  };
  std::map<std::string, std::string> turnTitle;  // person -> their turn's chapter title
  const auto itemTitleOf = [&](const std::string& item) {
    const auto it = itemTitle.find(item);
    return "Mục " + item + ". " + (it == itemTitle.end() ? "" : it->second);
  };
  for (const auto& e : events) {
    if (e.sitting != sitting) continue;
    const auto typed = e.typed();  // nullopt: a kind newer than this build, not ours
    if (!typed) continue;
    if (const auto* c = std::get_if<core::SittingCreated>(&*typed)) {
      out.title = c->title;
      for (const auto& i : c->agenda) itemTitle[i.id] = i.title;
      for (const auto& p : c->roster)
        personLabel[p.id] = p.name + (p.title.empty() ? "" : " (" + p.title + ")");
      for (const auto& p : c->responders)
        personLabel[p.id] = p.name + (p.title.empty() ? "" : " (" + p.title + ")");
    } else if (const auto* a = std::get_if<core::ItemActivated>(&*typed)) {
      activeItem = a->item;
      out.marks.push_back({e.ts_ms, "item", activeItem, "", itemTitleOf(activeItem)});
    } else if (const auto* g = std::get_if<core::FloorGranted>(&*typed)) {
      std::erase(floor, g->person);
      floor.push_back(g->person);
      turnTitle[g->person] = speakerTitle(g->person, g->kind);
      out.marks.push_back({e.ts_ms, "speaker", activeItem, g->person, turnTitle[g->person]});
    } else if (const auto* f = std::get_if<core::FloorEnded>(&*typed)) {
      // The turn's chapter ends with it: back to whoever still holds the floor, or the item.
      const bool wasSpeaking = !floor.empty() && floor.back() == f->person;
      std::erase(floor, f->person);
      if (wasSpeaking && !floor.empty())
        out.marks.push_back({e.ts_ms, "speaker", activeItem, floor.back(),
                             turnTitle[floor.back()] + " (tiếp)", true});
      else if (wasSpeaking && !activeItem.empty())
        out.marks.push_back(
            {e.ts_ms, "item", activeItem, "", itemTitleOf(activeItem) + " (tiếp)", true});
    } else if (const auto* created = std::get_if<core::VoteCreated>(&*typed)) {
      votes[created->vote] = {created->title, created->kind};
    } else if (const auto* o = std::get_if<core::VoteOpened>(&*typed)) {
      const VoteInfo& v = votes[o->vote];
      out.marks.push_back(
          {e.ts_ms, "vote", activeItem, "",
           (v.kind == core::VoteKind::Election ? "Bầu cử: " : "Biểu quyết: ") + v.title});
    } else if (const auto* closed = std::get_if<core::VoteClosed>(&*typed)) {
      const VoteInfo& v = votes[closed->vote];
      out.marks.push_back(
          {e.ts_ms, "result", activeItem, "", resultTitle(v.title, v.kind, closed->tally)});
    } else if (const auto* m = std::get_if<core::MediaStateChanged>(&*typed)) {
      if (m->state == "live" && !m->recording.empty() && m->recordingStarted_ms > 0 &&
          std::none_of(out.recordings.begin(), out.recordings.end(),
                       [&](const Recording& r) { return r.pattern == m->recording; }))
        out.recordings.push_back({m->recording, m->recordingStarted_ms, false});
      if (m->state == "idle" && m->detail != core::MediaStateChanged::kProcessStarted &&
          !out.recordings.empty())
        out.recordings.back().stoppedCleanly = true;
    } else if (std::holds_alternative<core::SittingClosed>(*typed)) {
      out.closed = true;
    }
  }
  return out;
}

std::vector<ArchiveChapter> placeChapters(const SittingLog& log, std::int64_t started_ms,
                                          std::int64_t duration_ms,
                                          const std::vector<ArchiveGap>& gaps) {
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
    add({t, 0, m.kind, m.item, m.person, m.title, "", m.resumed});
  }
  gapsBefore(duration_ms);
  const auto setEnds = [&] {
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i].end_ms = i + 1 < out.size() ? out[i + 1].start_ms : duration_ms;
  };
  setEnds();
  std::erase_if(out, [](const ArchiveChapter& c) {
    return c.end_ms <= c.start_ms || (c.resumed && c.end_ms - c.start_ms < kShortestResumption_ms);
  });
  setEnds();  // what a dropped resumption followed runs on to the next chapter
  return out;
}

}  // namespace chamber::media
