#include "core/Model.h"

#include <algorithm>

#include "core/Commands.h"
#include "core/Events.h"
#include "core/Visibility.h"

namespace chamber::core {

void Sitting::indexRoster() {
  rosterIndex.clear();
  for (std::size_t i = 0; i < roster.size(); ++i) rosterIndex[roster[i].id] = i;
}

const Delegate* Sitting::delegate(const std::string& who) const {
  auto it = rosterIndex.find(who);
  return it == rosterIndex.end() ? nullptr : &roster[it->second];
}

const Responder* Sitting::responder(const std::string& who) const {
  for (const auto& r : responders)
    if (r.id == who) return &r;
  return nullptr;
}

AgendaItem* Sitting::item(const std::string& itemId) {
  for (auto& i : agenda)
    if (i.id == itemId) return &i;
  return nullptr;
}

int Sitting::inOfficeCount() const {
  return static_cast<int>(
      std::count_if(roster.begin(), roster.end(), [](const Delegate& d) { return d.inOffice; }));
}

bool Sitting::isPresent(const std::string& delegateId) const {
  auto it = attendance.find(delegateId);
  return it != attendance.end() && it->second.present;
}

int Sitting::presentCount() const {
  int n = 0;
  for (const auto& d : roster)
    if (d.inOffice && isPresent(d.id)) ++n;
  return n;
}

int Sitting::seatCount() const {
  return rules.seats > 0 ? rules.seats : static_cast<int>(roster.size());
}

bool Sitting::quorate() const {
  return reaches(presentCount(), inOfficeCount(), rules.quorum, false);
}

Sitting* State::current() {
  return const_cast<Sitting*>(static_cast<const State*>(this)->current());
}

const Sitting* State::current() const {
  if (sittings.empty()) return nullptr;
  for (auto it = sittings.rbegin(); it != sittings.rend(); ++it)
    if (it->second.status != SittingStatus::Closed) return &it->second;
  return &sittings.rbegin()->second;
}

const Responder* State::responder(const std::string& id) const {
  for (const auto& r : responders)
    if (r.id == id) return &r;
  return nullptr;
}

const Sitting* State::sitting(int id) const {
  auto it = sittings.find(id);
  return it == sittings.end() ? nullptr : &it->second;
}

std::string_view name(QuestionStatus s) {
  switch (s) {
    case QuestionStatus::Submitted:
      return "submitted";
    case QuestionStatus::Answered:
      return "answered";
    case QuestionStatus::FollowUp:
      return "follow_up";
    case QuestionStatus::WrittenPending:
      return "written_pending";
    case QuestionStatus::AnsweredWritten:
      return "answered_written";
  }
  return "unknown";
}

std::string_view name(VoteForm f) {
  switch (f) {
    case VoteForm::Open:
      return "open";
    case VoteForm::Named:
      return "named";
    case VoteForm::Secret:
      return "secret";
  }
  return "unknown";
}

std::string_view name(VoteKind k) {
  switch (k) {
    case VoteKind::Motion:
      return "motion";
    case VoteKind::Election:
      return "election";
    case VoteKind::Confidence:
      return "confidence";
  }
  return "unknown";
}

std::string_view name(VoteStatus s) {
  switch (s) {
    case VoteStatus::Draft:
      return "draft";
    case VoteStatus::Open:
      return "open";
    case VoteStatus::Closed:
      return "closed";
    case VoteStatus::Voided:
      return "voided";
  }
  return "unknown";
}

std::string_view name(SittingStatus s) {
  switch (s) {
    case SittingStatus::Scheduled:
      return "scheduled";
    case SittingStatus::Open:
      return "open";
    case SittingStatus::Suspended:
      return "suspended";
    case SittingStatus::Closed:
      return "closed";
  }
  return "unknown";
}

std::string_view name(Base b) {
  switch (b) {
    case Base::Seats:
      return "seats";
    case Base::InOffice:
      return "in_office";
    case Base::Present:
      return "present";
    case Base::VotesCast:
      return "votes_cast";
  }
  return "unknown";
}

std::string_view name(ResolutionKind k) {
  switch (k) {
    case ResolutionKind::None:
      return "none";
    case ResolutionKind::Individual:
      return "individual";
    case ResolutionKind::Normative:
      return "normative";
  }
  return "unknown";
}

bool livePublic(const State& state) {
  const Sitting* s = state.current();
  return !s || s->isPublic;
}

std::string_view kindOf(const EventData& e) {
  return std::visit([](const auto& v) -> std::string_view { return v.kKind; }, e);
}

std::string_view nameOf(const Command& c) {
  return std::visit([](const auto& v) -> std::string_view { return v.kName; }, c);
}

Visibility visibilityOf(const EventData& e) {
  return std::visit(kVisibility, e);
}

}  // namespace chamber::core
