// The papers after a sitting: resolutions numbered by the system, the minutes drafted from
// the log, corrected by the secretary and made final (RULES.md, Documents and numbering).
#include <cstdint>

#include "core/Decide.h"
#include "core/Minutes.h"
#include "core/TextDiff.h"

namespace chamber::core {

namespace detail {

namespace {

const Sitting* sittingOf(const Ctx& c, int id) {
  return id == 0 ? c.sitting : c.state.sitting(id);
}

Decision emitFor(const Sitting& s, EventData e) {
  Decision d;
  d.sitting = s.id;
  d.events.push_back(std::move(e));
  return d;
}

std::optional<Decision> requireClosed(const Sitting* s) {
  if (!s) return fail("not_found", "Không có kỳ họp này / no such sitting");
  if (s->status != SittingStatus::Closed)
    return fail("wrong_state",
                "Biên bản được lập sau khi bế mạc kỳ họp / minutes follow the closing");
  return std::nullopt;
}

}  // namespace

std::optional<ResolutionNumbered> numberResolution(const State& state, const Vote& v,
                                                   ResolutionKind kind, const std::string& title,
                                                   std::int64_t now_ms) {
  if (kind == ResolutionKind::None || v.kind != VoteKind::Motion || !v.result || !v.result->passed)
    return std::nullopt;
  const int year = yearInVietnam(now_ms);
  const auto last = state.lastResolution.find({year, kind});
  const int seq = (last == state.lastResolution.end() ? 0 : last->second) + 1;
  return ResolutionNumbered{v.id, v.item, title.empty() ? v.title : title,  kind,
                            year, seq,    resolutionNumber(kind, year, seq)};
}

Decision decidePaper(const Ctx& c, const NumberResolution& cmd) {
  const Sitting* s = sittingOf(c, cmd.sitting);
  if (!s) return fail("not_found", "Không có kỳ họp này / no such sitting");
  const auto v = s->votes.find(cmd.vote);
  if (v == s->votes.end())
    return fail("not_found", "Không có biểu quyết " + cmd.vote + " / no vote " + cmd.vote);
  if (cmd.kind == ResolutionKind::None)
    return fail("bad_args", "Cần loại nghị quyết / individual or normative");
  for (const auto& r : c.state.resolutions)
    if (r.sitting == s->id && r.vote == cmd.vote)
      return fail("unchanged",
                  "Nghị quyết đã có số " + r.number + " / already numbered " + r.number);
  if (v->second.kind != VoteKind::Motion || v->second.status != VoteStatus::Closed ||
      !v->second.result || !v->second.result->passed)
    return fail("wrong_state",
                "Chỉ nghị quyết đã được thông qua mới được cấp số / only an adopted motion "
                "gets a resolution number");
  return emitFor(*s, *numberResolution(c.state, v->second, cmd.kind, cmd.title, c.now_ms));
}

Decision decidePaper(const Ctx& c, const DraftMinutes& cmd) {
  const Sitting* s = sittingOf(c, cmd.sitting);
  if (auto f = requireClosed(s)) return *f;
  if (cmd.text.empty() || cmd.sha256.empty())
    return fail("bad_args", "Biên bản trống / the draft is empty");
  const Minutes& m = s->minutes;
  if (m.finalVersion >= 0 || m.versions.size() > 1)
    return fail("wrong_state",
                "Thư ký đã sửa biên bản; không lập lại bản dự thảo / the secretary has edited "
                "the minutes: the draft is not made again");
  if (!m.versions.empty() && m.versions[0].sha256 == cmd.sha256)
    return fail("unchanged", "Bản dự thảo không đổi / the draft is unchanged");
  return emitFor(*s, MinutesDrafted{cmd.sha256, cmd.text});
}

Decision decidePaper(const Ctx& c, const SaveMinutes& cmd) {
  const Sitting* s = sittingOf(c, cmd.sitting);
  if (auto f = requireClosed(s)) return *f;
  const Minutes& m = s->minutes;
  if (!m.latest()) return fail("not_found", "Chưa có bản dự thảo / no draft yet");
  if (m.finalVersion >= 0)
    return fail("wrong_state", "Biên bản đã hoàn thành / the minutes are final");
  if (cmd.text.empty() || cmd.sha256.empty() || cmd.text.size() > kMaxMinutesBytes)
    return fail("bad_args", "Nội dung trống hoặc quá dài / empty or longer than 2 MB");
  if (cmd.base != m.latest()->sha256)
    return fail("stale",
                "Biên bản đã được sửa ở nơi khác; hãy mở lại bản mới nhất / someone saved a "
                "newer version: open the latest first");
  if (cmd.sha256 == m.latest()->sha256) return fail("unchanged", "Không đổi / unchanged");
  return emitFor(*s, MinutesSaved{m.latest()->version + 1, cmd.sha256, cmd.text});
}

Decision decidePaper(const Ctx& c, const FinaliseMinutes& cmd) {
  const Sitting* s = sittingOf(c, cmd.sitting);
  if (auto f = requireClosed(s)) return *f;
  const Minutes& m = s->minutes;
  if (!m.latest()) return fail("not_found", "Chưa có bản dự thảo / no draft yet");
  if (m.finalVersion >= 0) return fail("unchanged", "Biên bản đã hoàn thành / already final");
  if (cmd.sha256 != m.latest()->sha256)
    return fail("stale", "Đây không phải bản mới nhất / that is not the latest version");
  const auto& last = *m.latest();
  return emitFor(
      *s, MinutesFinalised{last.version, last.sha256,
                           unifiedDiff(m.versions[0].text, last.text, "du-thao (v0)",
                                       "chinh-thuc (v" + std::to_string(last.version) + ")")});
}

Decision decidePaper(const Ctx& c, const RecordMinutesPdf& cmd) {
  const Sitting* s = sittingOf(c, cmd.sitting);
  if (auto f = requireClosed(s)) return *f;
  if (s->minutes.finalVersion < 0)
    return fail("wrong_state", "Biên bản chưa hoàn thành / the minutes are not final");
  if (cmd.sha256.size() != 64 || cmd.size <= 0)
    return fail("bad_args", "Tệp PDF không hợp lệ / bad PDF reference");
  for (const auto& p : s->minutes.pdfs)
    if (p.sha256 == cmd.sha256) return fail("unchanged", "Đã ghi nhận / already recorded");
  return emitFor(*s, MinutesPdfRecorded{s->minutes.finalVersion, cmd.sha256, cmd.size});
}

}  // namespace detail
}  // namespace chamber::core
