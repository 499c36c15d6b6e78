// Citizens' petitions (RULES.md): the register's states, decided and applied. Council-wide:
// every event here belongs to sitting 0.
#include <algorithm>
#include <cstdio>

#include "core/Decide.h"
#include "core/Minutes.h"
#include "core/Visibility.h"

namespace chamber::core {

std::string_view name(PetitionStatus s) {
  switch (s) {
    case PetitionStatus::Received:
      return "received";
    case PetitionStatus::Accepted:
      return "accepted";
    case PetitionStatus::Rejected:
      return "rejected";
    case PetitionStatus::Assigned:
      return "assigned";
    case PetitionStatus::Answered:
      return "answered";
    case PetitionStatus::Published:
      return "published";
    case PetitionStatus::Merged:
      return "merged";
  }
  return "";
}

std::string_view labelVi(PetitionStatus s) {
  switch (s) {
    case PetitionStatus::Received:
      return "Đã tiếp nhận";
    case PetitionStatus::Accepted:
      return "Đã thụ lý";
    case PetitionStatus::Rejected:
      return "Không thụ lý";
    case PetitionStatus::Assigned:
      return "Đã chuyển cơ quan trả lời";
    case PetitionStatus::Answered:
      return "Đã có trả lời";
    case PetitionStatus::Published:
      return "Đã công bố trả lời";
    case PetitionStatus::Merged:
      return "Đã gộp với kiến nghị trùng";
  }
  return "";
}

namespace detail {

namespace {

constexpr std::size_t kMaxText = 8000;  ///< bytes of UTF-8: about two pages of typing
constexpr std::size_t kMaxField = 200;
constexpr std::int64_t kDayMs = 86'400'000;

Decision emitCouncil(EventData e) {
  Decision d;
  d.events.push_back(std::move(e));
  return d;
}

/// The petition named by a command, or the refusal.
const Petition* find(const Ctx& c, const std::string& code, Decision& refusal) {
  const auto it = c.state.petitions.byCode.find(code);
  if (it == c.state.petitions.byCode.end()) {
    refusal = fail("not_found", "Không có kiến nghị " + code + " / no petition " + code);
    return nullptr;
  }
  return &it->second;
}

std::optional<Decision> checkTopicArea(const Ctx& c, const std::string& topic,
                                       const std::string& area) {
  const auto& cat = c.state.petitions.catalogue;
  if (topic.size() > kMaxField || area.size() > kMaxField)
    return fail("bad_args", "Lĩnh vực hoặc địa bàn quá dài / topic or area too long");
  if (!cat.topics.empty() && !topic.empty() && !cat.topic(topic))
    return fail("bad_args", "Không có lĩnh vực \"" + topic + "\" / unknown topic");
  if (!cat.areas.empty() && !area.empty() &&
      std::find(cat.areas.begin(), cat.areas.end(), area) == cat.areas.end())
    return fail("bad_args", "Không có địa bàn \"" + area + "\" / unknown area");
  return std::nullopt;
}

Decision wrongState(const Petition& p, const char* what) {
  return fail("wrong_state", "Kiến nghị " + p.code + " đang ở trạng thái \"" +
                                 std::string(labelVi(p.status)) + "\": không thể " + what +
                                 " / petition is " + std::string(name(p.status)));
}

}  // namespace

Decision decidePetition(const Ctx& c, const ConfigurePetitions& cmd) {
  std::set<std::string> keys;
  for (const auto& t : cmd.catalogue.topics) {
    if (t.key.empty() || t.label.empty() || !keys.insert(t.key).second)
      return fail("bad_args",
                  "Mỗi lĩnh vực cần mã riêng và tên / each topic needs its own key "
                  "and a label");
    if (!t.responder.empty() && !c.state.responder(t.responder))
      return fail("bad_args", "Không có cơ quan trả lời " + t.responder + " / unknown responder");
  }
  if (cmd.catalogue.answerDays < 1 || cmd.catalogue.answerDays > 365)
    return fail("bad_args", "Thời hạn trả lời 1–365 ngày / answer days 1–365");
  if (cmd.catalogue == c.state.petitions.catalogue)
    return fail("unchanged", "Không đổi / unchanged");
  return emitCouncil(PetitionsConfigured{cmd.catalogue});
}

Decision decidePetition(const Ctx& c, const SubmitPetition& cmd) {
  static const std::set<std::string> kChannels = {"portal", "meeting", "post", "office"};
  if (!kChannels.count(cmd.channel))
    return fail("bad_args", "Kênh: portal, meeting, post, office / channel");
  if (c.actor.role == Role::Public && cmd.channel != "portal")
    return fail("forbidden", "Người dân gửi qua cổng thông tin / citizens send from the portal");
  std::size_t visible = 0;
  for (const char ch : cmd.text) visible += !std::isspace(static_cast<unsigned char>(ch));
  if (visible < 10)
    return fail("bad_args",
                "Nội dung kiến nghị quá ngắn (ít nhất 10 ký tự) / the petition is too short");
  if (cmd.text.size() > kMaxText)
    return fail("too_large",
                "Nội dung quá dài (tối đa khoảng 8000 ký tự) / the petition is "
                "too long (8000 bytes at most)");
  if (cmd.meeting.size() > kMaxField) return fail("bad_args", "Tên hội nghị quá dài / too long");
  if (auto f = checkTopicArea(c, cmd.topic, cmd.area)) return *f;
  const int year = yearInVietnam(c.now_ms);
  const auto last = c.state.petitions.lastSeq.find(year);
  const int seq = (last == c.state.petitions.lastSeq.end() ? 0 : last->second) + 1;
  char code[32];
  std::snprintf(code, sizeof code, "KN-%04d-%04d", year, seq);
  return emitCouncil(
      PetitionReceived{code, cmd.channel, cmd.meeting, cmd.text, cmd.topic, cmd.area, year, seq});
}

Decision decidePetition(const Ctx& c, const AcceptPetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  if (p->status != PetitionStatus::Received) return wrongState(*p, "thụ lý");
  if (cmd.publicText.empty() || cmd.publicText.size() > kMaxText)
    return fail("bad_args",
                "Cần nội dung công bố (đã bỏ thông tin cá nhân) / the text to "
                "publish, without personal data, is required");
  const std::string topic = cmd.topic.empty() ? p->topic : cmd.topic;
  const std::string area = cmd.area.empty() ? p->area : cmd.area;
  if (auto f = checkTopicArea(c, topic, area)) return *f;
  if (topic.empty()) return fail("bad_args", "Cần lĩnh vực / a topic is required");
  return emitCouncil(PetitionAccepted{p->code, cmd.publicText, topic, area});
}

Decision decidePetition(const Ctx& c, const RejectPetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  if (p->status != PetitionStatus::Received) return wrongState(*p, "từ chối");
  if (cmd.reason.empty() || cmd.reason.size() > kMaxText)
    return fail("bad_args", "Cần lý do không thụ lý / a reason is required");
  return emitCouncil(PetitionRejected{p->code, cmd.reason});
}

Decision decidePetition(const Ctx& c, const AssignPetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  if (p->status != PetitionStatus::Accepted && p->status != PetitionStatus::Assigned)
    return wrongState(*p, "chuyển cơ quan trả lời");
  std::string responder = cmd.responder;
  if (responder.empty())
    if (const auto* t = c.state.petitions.catalogue.topic(p->topic)) responder = t->responder;
  if (responder.empty()) return fail("bad_args", "Cần cơ quan trả lời / which office answers it");
  if (!c.state.responder(responder))
    return fail("bad_args", "Không có cơ quan trả lời " + responder + " / unknown responder");
  if (!cmd.due.empty() && !isIsoDate(cmd.due))
    return fail("bad_args", "Hạn trả lời dạng yyyy-mm-dd / due as yyyy-mm-dd");
  const std::string due =
      cmd.due.empty() ? vietnamDate(c.now_ms + c.state.petitions.catalogue.answerDays * kDayMs)
                      : cmd.due;
  if (p->status == PetitionStatus::Assigned && p->responder == responder && p->due == due)
    return fail("unchanged", "Không đổi / unchanged");
  return emitCouncil(PetitionAssigned{p->code, responder, due});
}

Decision decidePetition(const Ctx& c, const AnswerPetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  // An office answers what was routed to it; staff may correct an answer not yet published.
  if (c.actor.role == Role::Responder && p->responder != c.actor.id)
    return fail("forbidden", "Kiến nghị này không giao cho đơn vị của bạn / not assigned to you");
  if (p->status != PetitionStatus::Assigned && p->status != PetitionStatus::Answered)
    return wrongState(*p, "trả lời");
  if (cmd.text.empty() || cmd.text.size() > 4 * kMaxText)
    return fail("bad_args", "Cần nội dung trả lời / the answer's text is required");
  if (p->status == PetitionStatus::Answered && p->answer == cmd.text)
    return fail("unchanged", "Không đổi / unchanged");
  return emitCouncil(PetitionAnswered{p->code, cmd.text, c.actor.id});
}

Decision decidePetition(const Ctx& c, const PublishPetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  if (p->status == PetitionStatus::Published) return fail("unchanged", "Đã công bố / published");
  if (p->status != PetitionStatus::Answered) return wrongState(*p, "công bố");
  return emitCouncil(PetitionPublished{p->code});
}

Decision decidePetition(const Ctx& c, const MergePetition& cmd) {
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  const Petition* into = find(c, cmd.into, d);
  if (!into) return d;
  if (p->code == into->code) return fail("bad_args", "Không gộp vào chính nó / not into itself");
  if (p->status == PetitionStatus::Merged || p->status == PetitionStatus::Rejected)
    return wrongState(*p, "gộp");
  if (!p->duplicates.empty())
    return fail("wrong_state",
                "Kiến nghị này đã có kiến nghị gộp vào; hãy gộp theo chiều "
                "ngược lại / others were merged into it: merge the other way");
  if (into->status == PetitionStatus::Merged || into->status == PetitionStatus::Rejected)
    return fail("wrong_state", "Không gộp vào kiến nghị " + into->code + " (" +
                                   std::string(labelVi(into->status)) + ") / cannot merge into it");
  return emitCouncil(PetitionMerged{p->code, into->code});
}

Decision decidePetition(const Ctx& c, const LinkPetition& cmd) {
  static const std::set<std::string> kKinds = {"item", "resolution", "supervision", "question"};
  Decision d;
  const Petition* p = find(c, cmd.code, d);
  if (!p) return d;
  if (!kKinds.count(cmd.link.kind))
    return fail("bad_args", "Loại liên kết: item, resolution, supervision, question / link kind");
  if (cmd.link.ref.empty() || cmd.link.ref.size() > kMaxField)
    return fail("bad_args", "Cần nơi liên kết / what it links to");
  if (cmd.link.kind == "resolution" &&
      std::none_of(c.state.resolutions.begin(), c.state.resolutions.end(),
                   [&](const Resolution& r) { return r.number == cmd.link.ref; }))
    return fail("not_found", "Không có nghị quyết số " + cmd.link.ref + " / no such resolution");
  if (cmd.link.kind == "item") {
    const auto slash = cmd.link.ref.find('/');
    const Sitting* s = slash == std::string::npos
                           ? nullptr
                           : c.state.sitting(std::atoi(cmd.link.ref.substr(0, slash).c_str()));
    const std::string item = slash == std::string::npos ? "" : cmd.link.ref.substr(slash + 1);
    if (!s || std::none_of(s->agenda.begin(), s->agenda.end(),
                           [&](const AgendaItem& i) { return i.id == item; }))
      return fail("not_found",
                  "Mục chương trình dạng <kỳ họp>/<mục>, ví dụ 1/2 / an agenda "
                  "item as <sitting>/<item>");
  }
  if (std::find(p->links.begin(), p->links.end(), cmd.link) != p->links.end())
    return fail("unchanged", "Đã liên kết / already linked");
  return emitCouncil(PetitionLinked{p->code, cmd.link});
}

}  // namespace detail

void applyPetition(State& state, const EventData& event, std::int64_t ts) {
  auto& reg = state.petitions;
  auto at = [&](const std::string& code) -> Petition* {
    const auto it = reg.byCode.find(code);
    return it == reg.byCode.end() ? nullptr : &it->second;
  };
  // Moves a petition to a state, kept in its history (what the citizen's page shows).
  auto step = [&](const std::string& code, PetitionStatus s) -> Petition* {
    Petition* p = at(code);
    if (p) {
      p->status = s;
      p->history.push_back({s, ts});
    }
    return p;
  };
  std::visit(Overloaded{
                 [&](const PetitionsConfigured& e) { reg.catalogue = e.catalogue; },
                 [&](const PetitionReceived& e) {
                   Petition p;
                   p.code = e.code;
                   p.channel = e.channel;
                   p.meeting = e.meeting;
                   p.text = e.text;
                   p.topic = e.topic;
                   p.area = e.area;
                   p.received_ms = ts;
                   p.history.push_back({PetitionStatus::Received, ts});
                   reg.byCode[p.code] = std::move(p);
                   int& last = reg.lastSeq[e.year];
                   last = std::max(last, e.seq);
                 },
                 [&](const PetitionAccepted& e) {
                   if (Petition* p = step(e.code, PetitionStatus::Accepted)) {
                     p->publicText = e.publicText;
                     p->topic = e.topic;
                     p->area = e.area;
                   }
                 },
                 [&](const PetitionRejected& e) {
                   if (Petition* p = step(e.code, PetitionStatus::Rejected)) p->reason = e.reason;
                 },
                 [&](const PetitionAssigned& e) {
                   if (Petition* p = step(e.code, PetitionStatus::Assigned)) {
                     p->responder = e.responder;
                     p->due = e.due;
                   }
                 },
                 [&](const PetitionAnswered& e) {
                   if (Petition* p = step(e.code, PetitionStatus::Answered)) {
                     p->answer = e.text;
                     p->answeredBy = e.by;
                   }
                 },
                 [&](const PetitionPublished& e) { step(e.code, PetitionStatus::Published); },
                 [&](const PetitionMerged& e) {
                   Petition* into = at(e.into);
                   Petition* p = into ? step(e.code, PetitionStatus::Merged) : nullptr;
                   if (!p) return;
                   p->mergedInto = into->code;
                   into->duplicates.push_back(p->code);
                   into->senders += p->senders;
                 },
                 [&](const PetitionLinked& e) {
                   if (Petition* p = at(e.code)) p->links.push_back(e.link);
                 },
                 [](const auto&) {},  // not a petition's event
             },
             event);
}

}  // namespace chamber::core
