#include "core/Director.h"

#include <algorithm>

namespace chamber::media {

Director::Director(const Hardware& hw) : hw_(hw) { recompute(); }

bool Director::onEvent(const std::string& kind, const nlohmann::json& d) {
  const Shot before = shot_;
  if (kind == "sitting.created") {
    people_.clear();
    items_.clear();
    speakers_.clear();
    activeItem_.clear();
    for (const auto& p : d.value("roster", nlohmann::json::array()))
      people_[p.value("id", "")] = {p.value("name", ""), p.value("title", ""), p.value("seat", 0)};
    for (const auto& p : d.value("responders", nlohmann::json::array()))
      people_[p.value("id", "")] = {p.value("name", ""), p.value("title", ""), 0};
    for (const auto& i : d.value("agenda", nlohmann::json::array()))
      items_[i.value("id", "")] = i.value("title", "");
  } else if (kind == "agenda.activated") {
    activeItem_ = d.value("item", "");
  } else if (kind == "floor.granted") {
    const std::string who = d.value("person", "");
    std::erase(speakers_, who);
    speakers_.push_back(who);
  } else if (kind == "floor.ended") {
    std::erase(speakers_, d.value("person", ""));
  } else if (kind == "sitting.closed") {
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
