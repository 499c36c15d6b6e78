#include "core/MediaController.h"

namespace chamber::media {

void MediaController::onEvent(int sitting, const core::EventData& e) {
  if (const auto* c = std::get_if<core::SittingCreated>(&e))
    sittings_[sitting] = {c->isPublic, c->rules.recordClosedSittings};
  if (std::holds_alternative<core::SittingOpened>(e) ||
      std::holds_alternative<core::SittingResumed>(e)) {
    current_ = sitting;
    runs_ = true;
    want_ = mayRecord();
  }
  if (std::holds_alternative<core::SittingClosed>(e)) want_ = runs_ = false;
  if (const auto* r = std::get_if<core::RecordingControlled>(&e)) want_ = r->on && mayRecord();
}

bool MediaController::mayRecord() const {
  auto it = sittings_.find(current_);
  return it == sittings_.end() || it->second.isPublic || it->second.recordIfClosed;
}

bool MediaController::publicOutputs() const {
  auto it = sittings_.find(current_);
  return it == sittings_.end() || it->second.isPublic;
}

MediaController::Action MediaController::next(bool recording) const {
  if (want_ && !recording) return Action::Start;
  if (!want_ && recording) return Action::Stop;
  return Action::None;
}

}  // namespace chamber::media
