#include "protocol/StateView.h"

#include "protocol/Json.h"

namespace chamber::protocol {

using namespace chamber::core;

bool sittingVisible(const Sitting& s, Role role) {
  return s.isPublic || role != Role::Public;
}

namespace {

json agendaView(const Sitting& s, Role role) {
  json items = json::array();
  for (const auto& i : s.agenda) {
    json docs = json::array();
    for (const auto& d : i.documents)
      if (!d.classified || roleIn(role, Audience::Cleared)) docs.push_back(d);
    items.push_back({{"id", i.id},
                     {"parent", i.parent},
                     {"title", i.title},
                     {"presenter", i.presenter},
                     {"documents", docs}});
  }
  return items;
}

json voteView(const Sitting& s, const Vote& v, Role role, const std::string& self) {
  json j{{"id", v.id},
         {"item", v.item},
         {"title", v.title},
         {"form", v.form},
         {"kind", v.kind},
         {"rule", v.rule},
         {"options", v.options},
         {"maxChoices", v.maxChoices},
         {"status", name(v.status)},
         {"turnout", v.voted.size()},
         {"present", v.present},
         {"inOffice", v.inOffice}};
  auto rule = s.rules.voteRules.find(v.rule);
  if (rule != s.rules.voteRules.end()) j["ruleLabel"] = rule->second.label;
  if (roleIn(role, Audience::Staff)) j["voted"] = v.voted;  // turnout is the chair's to see
  if (isCouncilMember(role)) {
    j["hasVoted"] = v.voted.count(self) > 0;
    auto mine = v.choiceOf.find(self);  // empty for secret ballots
    if (mine != v.choiceOf.end()) j["myChoices"] = mine->second;
  }
  if (v.result) j["result"] = *v.result;
  if (v.status == VoteStatus::Voided) j["voidedReason"] = v.voidedReason;
  return j;
}

}  // namespace

json sittingView(const Sitting& s, Role role, const std::string& self) {
  const bool member = role != Role::Public;
  json attendance = json::object();
  for (const auto& [id, p] : s.attendance) attendance[id] = p.present;
  const auto inOffice = s.inOfficeCount();
  json j{{"id", s.id},
         {"number", s.number},
         {"term", s.term},
         {"title", s.title},
         {"date", s.date},
         {"place", s.place},
         {"isPublic", s.isPublic},
         {"status", name(s.status)},
         {"rulesVersion", s.rules.version},
         {"confidenceVotes", s.rules.confidenceVotesEnabled},
         {"roster", s.roster},
         {"responders", s.responders},
         {"agenda", agendaView(s, role)},
         {"activeItem", s.activeItem},
         {"attendance", attendance},
         {"quorum",
          {{"present", s.presentCount()},
           {"inOffice", inOffice},
           {"num", s.rules.quorum.num},
           {"den", s.rules.quorum.den},
           {"quorate", s.quorate()}}},
         {"speakers", json::array()},
         {"votes", json::array()}};
  if (!s.time.empty())
    j["time"] = s.time;  // only when set: views of earlier logs stay as they were
  for (const auto& sp : s.speakers)
    j["speakers"].push_back({{"person", sp.person},
                             {"kind", sp.kind},
                             {"since_ms", sp.since_ms},
                             {"limit_s", sp.limit_s}});
  for (const auto& [id, v] : s.votes)
    if (member || v.status != VoteStatus::Draft) j["votes"].push_back(voteView(s, v, role, self));
  if (member) {
    j["queue"] = json::array();
    for (const auto& r : s.queue)
      j["queue"].push_back({{"delegate", r.delegate}, {"kind", r.kind}, {"at_ms", r.at_ms}});
    j["questions"] = json::array();
    for (const auto& [id, q] : s.questions)
      j["questions"].push_back({{"id", q.id},
                                {"from", q.from},
                                {"to", q.to},
                                {"text", q.text},
                                {"group", q.group},
                                {"status", name(q.status)},
                                {"answers", q.answers},
                                {"followUps", q.followUps},
                                {"due_ms", q.due_ms}});
    j["shared"] = {{"sha256", s.shared.sha256}, {"page", s.shared.page}};
    j["speakingLimit_s"] = s.rules.speakingLimit_s;
    j["openMicLimit"] = s.rules.openMicLimit;
  }
  if (roleIn(role, Audience::Staff)) {  // the minutes, until signed and published
    json versions = json::array();
    for (const auto& v : s.minutes.versions)
      versions.push_back({{"version", v.version}, {"sha256", v.sha256}, {"at_ms", v.at_ms}});
    j["minutes"] = {{"versions", versions}, {"final", s.minutes.finalVersion}};
  }
  return j;
}

json stateView(const State& state, Role role, const std::string& self) {
  json sittings = json::array();
  for (const auto& [id, s] : state.sittings)
    if (sittingVisible(s, role))
      sittings.push_back({{"id", id},
                          {"number", s.number},
                          {"title", s.title},
                          {"date", s.date},
                          {"status", name(s.status)},
                          {"isPublic", s.isPublic}});
  json j{{"sittings", sittings}, {"current", nullptr}};
  const Sitting* cur = state.current();
  if (cur && sittingVisible(*cur, role)) j["current"] = sittingView(*cur, role, self);
  j["resolutions"] = json::array();  // numbered by the system, of the sittings this role sees
  for (const auto& r : state.resolutions) {
    const Sitting* s = state.sitting(r.sitting);
    if (!s || !sittingVisible(*s, role)) continue;
    j["resolutions"].push_back({{"number", r.number},
                                {"kind", name(r.kind)},
                                {"year", r.year},
                                {"seq", r.seq},
                                {"sitting", r.sitting},
                                {"vote", r.vote},
                                {"item", r.item},
                                {"title", r.title},
                                {"numbered_ms", r.numbered_ms}});
  }
  if (role != Role::Public)
    j["media"] = {{"state", state.media.state},
                  {"error", state.media.error},
                  {"detail", state.media.detail},
                  {"recording", state.media.recording},
                  {"recordingStarted_ms", state.media.recordingStarted_ms},
                  {"recordingRequested", state.media.recordingRequested}};
  return j;
}

}  // namespace chamber::protocol
