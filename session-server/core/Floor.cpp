// The floor: requests, the queue (points of order first), turns with time limits,
// the limit on open microphones. The chair may speak at any time.
#include <algorithm>

#include "core/Decide.h"

namespace chamber::core::detail {

namespace {

bool inQueue(const Sitting& s, const std::string& who) {
  return std::any_of(s.queue.begin(), s.queue.end(),
                     [&](const FloorRequest& r) { return r.delegate == who; });
}

bool speaking(const Sitting& s, const std::string& who) {
  return std::any_of(s.speakers.begin(), s.speakers.end(),
                     [&](const Speaker& sp) { return sp.person == who; });
}

bool isChair(const Sitting& s, const std::string& who) {
  const Delegate* d = s.delegate(who);
  return d && presides(d->role);
}

}  // namespace

Decision decideFloor(const Ctx& c, const RequestFloor& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  const auto& limits = c.sitting->rules.speakingLimit_s;
  if (!limits.count(cmd.kind) || cmd.kind == "chair" || cmd.kind == "answer")
    return fail("bad_args", "Loại phát biểu không hợp lệ / unknown kind of speech " + cmd.kind);
  if (!c.sitting->isPresent(c.actor.id))
    return fail("not_present", "Đại biểu chưa điểm danh / check in first");
  if (inQueue(*c.sitting, c.actor.id))
    return fail("already_requested", "Đã đăng ký phát biểu / already in the queue");
  if (speaking(*c.sitting, c.actor.id))
    return fail("already_speaking", "Đang phát biểu / already speaking");
  return emit(c, FloorRequested{c.actor.id, cmd.kind});
}

Decision decideFloor(const Ctx& c, const CancelFloor&) {
  if (auto f = requireSitting(c, {SittingStatus::Open, SittingStatus::Suspended})) return *f;
  if (!inQueue(*c.sitting, c.actor.id))
    return fail("not_requested", "Chưa đăng ký phát biểu / not in the queue");
  return emit(c, FloorCancelled{c.actor.id});
}

Decision decideFloor(const Ctx& c, const GrantFloor& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  const Sitting& s = *c.sitting;
  std::string person = cmd.person;
  std::string kind = cmd.kind;
  if (person.empty()) {
    if (s.queue.empty()) return fail("queue_empty", "Không có ai đăng ký / nobody is waiting");
    // The queue is kept in order with points of order first (see apply).
    person = s.queue.front().delegate;
  }
  for (const auto& r : s.queue)
    if (r.delegate == person && kind.empty()) kind = r.kind;
  const bool chair = isChair(s, person);
  if (kind.empty()) kind = chair ? "chair" : (s.responder(person) ? "answer" : "speech");
  if (!s.delegate(person) && !s.responder(person))
    return fail("not_found", "Không có người " + person + " / no such person " + person);
  if (s.delegate(person) && !s.isPresent(person) && !chair)
    return fail("not_present", "Đại biểu chưa điểm danh / the delegate is not present");
  if (speaking(s, person)) return fail("already_speaking", "Đang phát biểu / already speaking");
  auto limit = s.rules.speakingLimit_s.find(kind);
  if (limit == s.rules.speakingLimit_s.end())
    return fail("bad_args", "Loại phát biểu không hợp lệ / unknown kind of speech " + kind);
  if (!chair) {
    const auto open = std::count_if(s.speakers.begin(), s.speakers.end(),
                                    [&](const Speaker& sp) { return !isChair(s, sp.person); });
    if (open >= s.rules.openMicLimit)
      return fail("mic_limit", "Đã đủ số micrô được mở / the open-microphone limit is reached");
  }
  return emit(c, FloorGranted{person, kind, limit->second});
}

Decision decideFloor(const Ctx& c, const EndFloor& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open, SittingStatus::Suspended})) return *f;
  const std::string person = cmd.person.empty() ? c.actor.id : cmd.person;
  if (person != c.actor.id && !presides(c.actor.role))
    return fail("forbidden",
                "Chỉ chủ tọa kết thúc lượt của người khác / only the chair ends another's turn");
  if (!speaking(*c.sitting, person))
    return fail("not_speaking", "Người này không đang phát biểu / not speaking");
  return emit(c, FloorEnded{person});
}

}  // namespace chamber::core::detail
