#include "core/Session.h"

#include <algorithm>
#include <set>

#include "core/Authorization.h"
#include "core/Decide.h"

namespace chamber::core {

namespace detail {

std::optional<Decision> requireSitting(const Ctx& c, std::initializer_list<SittingStatus> allowed) {
  if (!c.sitting) return fail("no_sitting", "Chưa có kỳ họp / there is no sitting");
  for (auto s : allowed)
    if (c.sitting->status == s) return std::nullopt;
  return fail("wrong_state", "Kỳ họp đang ở trạng thái " + std::string(name(c.sitting->status)) +
                                 " / the sitting is " + std::string(name(c.sitting->status)));
}

}  // namespace detail

namespace {

using namespace detail;
constexpr auto kScheduled = SittingStatus::Scheduled;
constexpr auto kOpen = SittingStatus::Open;
constexpr auto kSuspended = SittingStatus::Suspended;

Decision decideOne(const Ctx& c, const CreateSitting& cmd) {
  if (c.state.council.empty())
    return fail("bad_args", "Chưa có danh sách đại biểu / the council has no delegates");
  if (cmd.number <= 0 || cmd.title.empty())
    return fail("bad_args", "Cần số kỳ họp và tên / number and title are required");
  std::set<std::string> ids;
  for (const auto& i : cmd.agenda) {
    if (i.id.empty() || i.title.empty() || !ids.insert(i.id).second)
      return fail("bad_args",
                  "Mục chương trình trùng hoặc thiếu mã / agenda item ids must be unique");
    if (!i.parent.empty() && !ids.count(i.parent))
      return fail("bad_args", "Mục cha phải đứng trước mục con / parent item " + i.parent +
                                  " must come before " + i.id);
  }
  for (const auto& s : c.state.sittings)
    if (s.second.status == kOpen || s.second.status == kSuspended)
      return fail("wrong_state", "Đang có kỳ họp khác diễn ra / another sitting is in progress");
  SittingCreated e{cmd.number,
                   cmd.term,
                   cmd.title,
                   cmd.date,
                   cmd.place,
                   cmd.isPublic,
                   cmd.rules.value_or(vietnameseDefaults()),
                   c.state.council,
                   c.state.responders,
                   cmd.agenda,
                   cmd.time};
  Decision d;
  d.sitting = c.state.sittings.empty() ? 1 : c.state.sittings.rbegin()->first + 1;
  d.events.push_back(std::move(e));
  return d;
}

Decision decideOne(const Ctx& c, const OpenSitting&) {
  if (auto f = requireSitting(c, {kScheduled})) return *f;
  return emit(c, SittingOpened{});
}

Decision decideOne(const Ctx& c, const SuspendSitting& cmd) {
  if (auto f = requireSitting(c, {kOpen})) return *f;
  if (!c.sitting->openVote.empty()) return fail("wrong_state", "Đang biểu quyết / a vote is open");
  return emit(c, SittingSuspended{cmd.reason});
}

Decision decideOne(const Ctx& c, const ResumeSitting&) {
  if (auto f = requireSitting(c, {kSuspended})) return *f;
  return emit(c, SittingResumed{});
}

Decision decideOne(const Ctx& c, const CloseSitting&) {
  if (auto f = requireSitting(c, {kOpen, kSuspended})) return *f;
  if (!c.sitting->openVote.empty()) return fail("wrong_state", "Đang biểu quyết / a vote is open");
  Decision d = emit(c, SittingClosed{});
  // Everyone still at the microphone is cut off with the sitting.
  for (const auto& s : c.sitting->speakers)
    d.events.insert(d.events.end() - 1, FloorEnded{s.person});
  return d;
}

Decision attendance(const Ctx& c, const std::string& who, bool present, const char* via) {
  if (auto f = requireSitting(c, {kScheduled, kOpen, kSuspended})) return *f;
  const Delegate* d = c.sitting->delegate(who);
  if (!d) return fail("not_found", "Không có đại biểu " + who + " / no delegate " + who);
  if (!d->inOffice)
    return fail("not_in_office", "Đại biểu không đang công tác / delegate is not in office");
  if (c.sitting->isPresent(who) == present)
    return fail("unchanged",
                present ? "Đã điểm danh / already present" : "Đã vắng / already absent");
  return emit(c, AttendanceChanged{who, present, via});
}

Decision decideOne(const Ctx& c, const CheckIn& cmd) {
  return attendance(c, c.actor.id, cmd.present, cmd.present ? "checkin" : "checkout");
}

Decision decideOne(const Ctx& c, const MarkAttendance& cmd) {
  return attendance(c, cmd.delegate, cmd.present, "rollcall");
}

Decision decideOne(const Ctx& c, const ActivateItem& cmd) {
  if (auto f = requireSitting(c, {kOpen})) return *f;
  bool found = false;
  for (const auto& i : c.sitting->agenda) found = found || i.id == cmd.item;
  if (!found)
    return fail("not_found", "Không có mục " + cmd.item + " / no agenda item " + cmd.item);
  if (c.sitting->activeItem == cmd.item)
    return fail("unchanged", "Mục này đang được thảo luận / the item is already active");
  return emit(c, ItemActivated{cmd.item});
}

bool isSha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

Decision decideOne(const Ctx& c, const AttachDocument& cmd) {
  if (auto f = requireSitting(c, {kScheduled, kOpen, kSuspended})) return *f;
  if (!isSha256(cmd.document.sha256) || cmd.document.title.empty())
    return fail("bad_args", "Cần mã SHA-256 và tiêu đề / a SHA-256 and a title are required");
  const AgendaItem* item = nullptr;
  for (const auto& i : c.sitting->agenda)
    if (i.id == cmd.item) item = &i;
  if (!item) return fail("not_found", "Không có mục " + cmd.item + " / no agenda item " + cmd.item);
  for (const auto& d : item->documents)
    if (d.sha256 == cmd.document.sha256)
      return fail("unchanged", "Tài liệu đã đính kèm / document already attached");
  return emit(c, DocumentAttached{cmd.item, cmd.document});
}

Decision decideOne(const Ctx& c, const SharePage& cmd) {
  if (auto f = requireSitting(c, {kOpen})) return *f;
  const Role r = c.actor.role;
  if (!(presides(r) || r == Role::Secretary || r == Role::Operator)) {
    bool speaking = false;
    for (const auto& s : c.sitting->speakers) speaking = speaking || s.person == c.actor.id;
    if (!speaking)
      return fail("forbidden",
                  "Chỉ người đang trình bày được chia sẻ trang / only the presenter may share");
  }
  if (!isSha256(cmd.sha256) || cmd.page < 0)
    return fail("bad_args", "Tài liệu hoặc trang không hợp lệ / bad document or page");
  return emit(c, PageShared{cmd.sha256, cmd.page});
}

Decision decideOne(const Ctx& c, const ReportMediaState& cmd) {
  static const std::set<std::string> kStates = {"idle", "starting", "live", "reconnecting",
                                                "failed"};
  if (!kStates.count(cmd.state))
    return fail("bad_args", "Trạng thái không hợp lệ / unknown media state " + cmd.state);
  const auto& m = c.state.media;
  if (m.state == cmd.state && m.error == cmd.error && m.detail == cmd.detail &&
      m.recording == cmd.recording && m.recordingStarted_ms == cmd.recordingStarted_ms)
    return fail("unchanged", "Không đổi / unchanged");
  Decision d;
  d.sitting = c.sitting ? c.sitting->id : 0;
  d.events.push_back(
      MediaStateChanged{cmd.state, cmd.error, cmd.detail, cmd.recording, cmd.recordingStarted_ms});
  return d;
}

Decision decideOne(const Ctx& c, const ControlRecording& cmd) {
  if (auto f = requireSitting(c, {kOpen, kSuspended})) return *f;
  if (c.state.media.recordingRequested == cmd.on)
    return fail("unchanged", cmd.on ? "Đang ghi hình / already recording"
                                    : "Đã dừng ghi hình / already stopped");
  return emit(c, RecordingControlled{cmd.on});
}

Decision decideOne(const Ctx& c, const ClearSignIn& cmd) {
  bool known = false;
  for (const auto& d : c.state.council) known = known || d.seat == cmd.seat;
  if (!known)
    return fail("not_found", "Không có ghế " + std::to_string(cmd.seat) + " / no seat " +
                                 std::to_string(cmd.seat));
  Decision d;  // council-wide: sign-in is not a matter of one sitting
  d.events.push_back(SignInCleared{cmd.seat});
  return d;
}

template <class T>
Decision decideOne(const Ctx& c, const T& cmd) requires requires {
  decideFloor(c, cmd);
}
{ return decideFloor(c, cmd); }
template <class T>
Decision decideOne(const Ctx& c, const T& cmd) requires requires {
  decideQuestion(c, cmd);
}
{ return decideQuestion(c, cmd); }
template <class T>
Decision decideOne(const Ctx& c, const T& cmd) requires requires {
  decideVote(c, cmd);
}
{ return decideVote(c, cmd); }
template <class T>
Decision decideOne(const Ctx& c, const T& cmd) requires requires {
  decidePaper(c, cmd);
}
{ return decidePaper(c, cmd); }
template <class T>
Decision decideOne(const Ctx& c, const T& cmd) requires requires {
  decidePetition(c, cmd);
}
{ return decidePetition(c, cmd); }

}  // namespace

Decision decide(const State& state, const Actor& actor, const Command& command,
                std::int64_t now_ms) {
  if (auto e = authorize(actor.role, command)) {
    Decision d;
    d.error = *e;
    return d;
  }
  // Members act as themselves: their id must be on the roster of the sitting. A secretary
  // may be council staff rather than a delegate: the commands that need a delegate (check-in,
  // ballots, the floor) look for one themselves.
  if ((isCouncilMember(actor.role) && actor.role != Role::Secretary) ||
      actor.role == Role::Responder) {
    const Sitting* s = state.current();
    bool known = std::holds_alternative<CreateSitting>(command) ||
                 std::holds_alternative<ClearSignIn>(command);
    // The offices answer petitions between sittings too: they are on the council's list.
    if (std::holds_alternative<AnswerPetition>(command))
      known = state.responder(actor.id) != nullptr;
    if (s) known = known || s->delegate(actor.id) || s->responder(actor.id);
    if (!known) return fail("forbidden", "Không thuộc kỳ họp này / not on this sitting's roster");
  }
  const Ctx ctx{state, actor, now_ms, state.current()};
  return std::visit([&](const auto& cmd) { return decideOne(ctx, cmd); }, command);
}

}  // namespace chamber::core
