#include "core/Director.h"

#include <algorithm>

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

std::string lowerThirdText(const Shot& shot) {
  const std::string item = escapeMarkup(shot.item);
  return shot.speaker.empty() ? item : item + "\n" + escapeMarkup(shot.speaker);
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
      s.speaker = p->second.name + (p->second.title.empty() ? "" : " — " + p->second.title);
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
