// Votes: created on an agenda item, opened only with quorum, one ballot per delegate
// (for themselves), closed with a tally under the vote's rule.
#include <algorithm>
#include <set>

#include "core/Decide.h"

namespace chamber::core {

Tally tallyOf(const Sitting& s, const Vote& v) {
  TallyInput in;
  in.ruleKey = v.rule;
  auto rule = s.rules.voteRules.find(v.rule);
  if (rule != s.rules.voteRules.end()) in.rule = rule->second;
  in.election = v.kind == VoteKind::Election;
  in.seatsToFill = v.maxChoices;
  in.options = v.options;
  in.counts = v.counts;
  in.ballots = v.ballots;
  in.seats = s.seatCount();
  in.inOffice = v.inOffice;
  in.present = v.present;
  Tally t = computeTally(in);
  if (v.form == VoteForm::Named)
    for (const auto& [who, choices] : v.choiceOf) t.named.push_back({who, choices});
  return t;
}

std::vector<Decision> voidInterruptedSecretVotes(const State& state) {
  std::vector<Decision> out;
  for (const auto& [id, s] : state.sittings)
    for (const auto& [voteId, v] : s.votes) {
      if (v.form != VoteForm::Secret || v.status != VoteStatus::Open) continue;
      Decision d;
      d.sitting = id;
      d.events.push_back(VoteVoided{voteId, "server_restart", v.ballots});
      out.push_back(std::move(d));
    }
  return out;
}

namespace detail {

namespace {

const Vote* findVote(const Ctx& c, const std::string& id) {
  auto it = c.sitting->votes.find(id);
  return it == c.sitting->votes.end() ? nullptr : &it->second;
}

}  // namespace

Decision decideVote(const Ctx& c, const CreateVote& cmd) {
  if (auto f = requireSitting(
          c, {SittingStatus::Scheduled, SittingStatus::Open, SittingStatus::Suspended}))
    return *f;
  const Sitting& s = *c.sitting;
  bool itemFound = false;
  for (const auto& i : s.agenda) itemFound = itemFound || i.id == cmd.item;
  if (!itemFound)
    return fail("not_found", "Không có mục " + cmd.item + " / no agenda item " + cmd.item);
  if (cmd.title.empty()) return fail("bad_args", "Cần nội dung biểu quyết / a title is required");
  if (!s.rules.voteRules.count(cmd.rule))
    return fail("bad_args", "Không có quy tắc " + cmd.rule + " / no vote rule " + cmd.rule);
  VoteCreated e{"v" + std::to_string(s.nextVote),
                cmd.item,
                cmd.title,
                cmd.form,
                cmd.kind,
                cmd.rule,
                {},
                1,
                cmd.kind == VoteKind::Motion ? cmd.resolution : ResolutionKind::None};
  switch (cmd.kind) {
    case VoteKind::Motion:
      e.options = motionOptions();
      break;
    case VoteKind::Confidence:
      if (!s.rules.confidenceVotesEnabled)
        return fail("disabled",
                    "Quy chế không áp dụng lấy phiếu tín nhiệm / confidence votes are off");
      e.options = cmd.candidates.empty() ? confidenceRatingOptions() : cmd.candidates;
      break;
    case VoteKind::Election: {
      std::set<std::string> keys;
      for (const auto& o : cmd.candidates)
        if (o.key.empty() || o.label.empty() || !keys.insert(o.key).second)
          return fail("bad_args",
                      "Ứng cử viên trùng hoặc thiếu tên / candidates need unique keys and names");
      if (cmd.candidates.empty() || cmd.maxChoices < 1 ||
          cmd.maxChoices > static_cast<int>(cmd.candidates.size()))
        return fail("bad_args", "Số người được chọn không hợp lệ / choose 1..number of candidates");
      e.options = cmd.candidates;
      e.maxChoices = cmd.maxChoices;
      break;
    }
    default:
      return fail("bad_args", "Loại biểu quyết không hợp lệ / unknown kind of vote");
  }
  return emit(c, std::move(e));
}

Decision decideVote(const Ctx& c, const OpenVote& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  const Vote* v = findVote(c, cmd.vote);
  if (!v) return fail("not_found", "Không có biểu quyết " + cmd.vote + " / no vote " + cmd.vote);
  if (v->status != VoteStatus::Draft)
    return fail("wrong_state", "Biểu quyết đã mở hoặc đã kết thúc / the vote was already opened");
  if (!c.sitting->openVote.empty())
    return fail("wrong_state", "Đang có biểu quyết khác / another vote is open");
  // Presence is re-checked when a vote opens.
  if (!c.sitting->quorate())
    return fail("no_quorum",
                "Không đủ số đại biểu có mặt (" + std::to_string(c.sitting->presentCount()) + "/" +
                    std::to_string(c.sitting->inOfficeCount()) + ") / quorum not reached");
  return emit(c, VoteOpened{cmd.vote, c.sitting->presentCount(), c.sitting->inOfficeCount()});
}

Decision decideVote(const Ctx& c, const CastBallot& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  if (!cmd.delegate.empty() && cmd.delegate != c.actor.id)
    return fail("forbidden",
                "Không được biểu quyết thay người khác / you may vote only for yourself");
  const Vote* v = findVote(c, cmd.vote);
  if (!v) return fail("not_found", "Không có biểu quyết " + cmd.vote + " / no vote " + cmd.vote);
  if (v->status != VoteStatus::Open)
    return fail("vote_not_open", "Biểu quyết không mở / the vote is not open");
  const Delegate* d = c.sitting->delegate(c.actor.id);
  if (!d) return fail("forbidden", "Không có quyền biểu quyết / not a voting delegate");
  if (!d->inOffice) return fail("not_in_office", "Đại biểu không còn đương nhiệm / not in office");
  if (!c.sitting->isPresent(c.actor.id))
    return fail("not_present", "Đại biểu chưa điểm danh / check in first");
  const bool secret = v->form == VoteForm::Secret;
  if (v->voted.count(c.actor.id) && (secret || !c.sitting->rules.ballotChangeAllowed))
    return fail("already_voted", "Đại biểu đã biểu quyết / you have already voted");

  std::set<std::string> chosen;
  for (const auto& ch : cmd.choices) {
    const bool known = std::any_of(v->options.begin(), v->options.end(),
                                   [&](const VoteOption& o) { return o.key == ch; });
    if (!known) return fail("bad_args", "Lựa chọn không hợp lệ / unknown choice " + ch);
    if (!chosen.insert(ch).second) return fail("bad_args", "Lựa chọn trùng / duplicate choice");
  }
  if (v->kind == VoteKind::Election) {
    if (static_cast<int>(chosen.size()) > v->maxChoices)
      return fail("bad_args",
                  "Chọn quá " + std::to_string(v->maxChoices) + " người / too many choices");
  } else if (chosen.size() != 1) {
    return fail("bad_args", "Chọn đúng một phương án / choose exactly one option");
  }

  Decision d2 =
      emit(c, BallotCast{cmd.vote, c.actor.id, secret ? std::vector<std::string>{} : cmd.choices});
  if (secret)
    d2.secret = SecretChoice{cmd.vote, std::vector<std::string>(chosen.begin(), chosen.end())};
  return d2;
}

Decision decideVote(const Ctx& c, const CloseVote& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  const Vote* v = findVote(c, cmd.vote);
  if (!v) return fail("not_found", "Không có biểu quyết " + cmd.vote + " / no vote " + cmd.vote);
  if (v->status != VoteStatus::Open)
    return fail("vote_not_open", "Biểu quyết không mở / the vote is not open");
  Decision d = emit(c, VoteClosed{cmd.vote, tallyOf(*c.sitting, *v)});
  // A resolution passed: the system gives it its number in the same step.
  Vote closed = *v;
  closed.status = VoteStatus::Closed;
  closed.result = std::get<VoteClosed>(d.events.back()).tally;
  if (auto r = numberResolution(c.state, closed, v->resolution, "", c.now_ms))
    d.events.push_back(std::move(*r));
  return d;
}

}  // namespace detail
}  // namespace chamber::core
