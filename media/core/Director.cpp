#include "core/Director.h"

#include <algorithm>
#include <sstream>

namespace chamber::media {

namespace {
std::string escapeMarkup(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}
}  // namespace

namespace {
/// Code points in UTF-8 text.
std::size_t length(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// The first `n` code points of `s`.
std::string prefix(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i)
    if ((s[i] & 0xC0) != 0x80 && seen++ == n) break;
  return s.substr(0, i);
}
}  // namespace

std::vector<std::string> wrapLines(const std::string& text, int perLine, int maxLines) {
  const std::size_t width = static_cast<std::size_t>(std::max(8, perLine));
  std::vector<std::string> words, lines;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  std::size_t next = 0;
  while (next < words.size() && lines.size() < static_cast<std::size_t>(std::max(1, maxLines))) {
    std::string line = words[next];
    if (length(line) > width) line = prefix(line, width);  // one word longer than a line
    ++next;
    while (next < words.size() && length(line) + 1 + length(words[next]) <= width)
      line += " " + words[next++];
    lines.push_back(line);
  }
  if (next < words.size() && !lines.empty()) {
    // Text is left over: the last line says so, within its width.
    std::string& last = lines.back();
    while (length(last) + 2 > width && last.find(' ') != std::string::npos)
      last.erase(last.rfind(' '));
    if (length(last) + 2 > width) last = prefix(last, width - 2);
    last += " …";
  }
  return lines;
}

std::string lowerThirdText(const Shot& shot, int charsPerLine) {
  std::string out;
  if (!shot.speaker.empty()) {
    // The name at 1.44× (about 1.9 lines' width per character less): its own budget.
    const int nameWidth = std::max(8, charsPerLine * 2 / 3);
    const std::string name = wrapLines(shot.speaker, nameWidth, 1).front();
    out = "<span size=\"x-large\" weight=\"bold\">" + escapeMarkup(name) + "</span>";
    const int left = charsPerLine - static_cast<int>(length(name) * 3 / 2) - 2;
    if (!shot.speakerTitle.empty() && left >= 8)
      out += "  " + escapeMarkup(wrapLines(shot.speakerTitle, left, 1).front());
  }
  for (const auto& line : wrapLines(shot.item, charsPerLine, 2))
    out += (out.empty() ? "" : "\n") + escapeMarkup(line);
  return out;
}

Director::Director(const Hardware& hw) : hw_(hw) {
  recompute();
}

bool Director::onEvent(const core::EventData& e) {
  const Shot before = shot_;
  if (const auto* c = std::get_if<core::SittingCreated>(&e)) {
    people_.clear();
    items_.clear();
    speakers_.clear();
    activeItem_.clear();
    for (const auto& p : c->roster) people_[p.id] = {p.name, p.title, p.seat};
    for (const auto& p : c->responders) people_[p.id] = {p.name, p.title, 0};
    for (const auto& i : c->agenda) items_[i.id] = i.title;
  } else if (const auto* a = std::get_if<core::ItemActivated>(&e)) {
    activeItem_ = a->item;
  } else if (const auto* g = std::get_if<core::FloorGranted>(&e)) {
    std::erase(speakers_, g->person);
    speakers_.push_back(g->person);
  } else if (const auto* f = std::get_if<core::FloorEnded>(&e)) {
    std::erase(speakers_, f->person);
  } else if (std::holds_alternative<core::SittingClosed>(e)) {
    speakers_.clear();
  } else {
    return false;
  }
  recompute();
  return !(shot_ == before);
}

void Director::recompute() {
  Shot s;
  const Camera* overview = hw_.overview();
  s.camera = overview ? overview->id : "";
  if (!activeItem_.empty()) {
    auto it = items_.find(activeItem_);
    s.item = activeItem_ + ". " + (it == items_.end() ? "" : it->second);
  }
  if (!speakers_.empty()) {
    const std::string& who = speakers_.back();
    auto p = people_.find(who);
    if (p != people_.end()) {
      s.speaker = p->second.name;
      s.speakerTitle = p->second.title;
      if (const SeatView* v = hw_.seat(p->second.seat)) {
        s.camera = v->camera;
        s.preset = v->preset;
      }
    } else {
      s.speaker = who;
    }
  }
  shot_ = s;
}

}  // namespace chamber::media
