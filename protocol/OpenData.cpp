#include "protocol/OpenData.h"

#include "core/Minutes.h"
#include "protocol/Csv.h"

namespace chamber::protocol {

using namespace chamber::core;

namespace {

std::string b(bool v) {
  return v ? "1" : "0";
}
std::string choiceList(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& c : v) s += (s.empty() ? "" : ";") + c;
  return s;
}

}  // namespace

std::vector<OpenTable> openData(const State& state, const std::vector<Publication>& published,
                                const std::string& today) {
  OpenTable sittings{"sittings",
                     {"sitting", "number", "term", "title", "date", "place", "status",
                      "delegates_in_office", "rules_version"},
                     {}};
  OpenTable agenda{"agenda", {"sitting", "item", "parent", "title", "presenter"}, {}};
  OpenTable attendance{
      "attendance", {"sitting", "delegate", "seat", "name", "in_office", "present", "via"}, {}};
  OpenTable votes{
      "votes",
      {"sitting", "vote",         "item",      "title",   "form",    "kind",   "rule",
       "status",  "base",         "in_office", "present", "cast",    "absent", "not_voted",
       "option",  "option_label", "count",     "percent", "elected", "passed"},
      {}};
  OpenTable named{"named_votes", {"sitting", "vote", "delegate", "name", "choices"}, {}};
  OpenTable documents{"documents", {"sitting", "item", "sha256", "title", "url"}, {}};
  for (const auto& [id, s] : state.sittings) {
    if (!s.isPublic) continue;
    const auto sid = std::to_string(id);
    sittings.rows.push_back({sid, std::to_string(s.number), s.term, s.title, s.date, s.place,
                             std::string(name(s.status)), std::to_string(s.inOfficeCount()),
                             s.rules.version});
    for (const auto& i : s.agenda) {
      agenda.rows.push_back({sid, i.id, i.parent, i.title, i.presenter});
      for (const auto& d : i.documents)
        if (!d.classified)
          documents.rows.push_back({sid, i.id, d.sha256, d.title, "/api/documents/" + d.sha256});
    }
    for (const auto& d : s.roster) {
      auto p = s.attendance.find(d.id);
      const bool present = p != s.attendance.end() && p->second.present;
      attendance.rows.push_back({sid, d.id, std::to_string(d.seat), d.name, b(d.inOffice),
                                 b(present), p == s.attendance.end() ? "" : p->second.via});
    }
    for (const auto& [vid, v] : s.votes) {
      if (v.status != VoteStatus::Closed || !v.result) continue;  // results only once announced
      const Tally& t = *v.result;
      for (const auto& o : t.options)
        votes.rows.push_back({sid,
                              vid,
                              v.item,
                              v.title,
                              std::string(name(v.form)),
                              std::string(name(v.kind)),
                              v.rule,
                              std::string(name(v.status)),
                              std::to_string(t.base),
                              std::to_string(t.inOffice),
                              std::to_string(t.present),
                              std::to_string(t.cast),
                              std::to_string(t.absent),
                              std::to_string(t.notVoted),
                              o.key,
                              o.label,
                              std::to_string(o.count),
                              formatPercent(o.count, o.base),
                              b(o.elected),
                              b(t.passed)});
      for (const auto& n : t.named) {
        const Delegate* d = s.delegate(n.delegate);
        named.rows.push_back({sid, vid, n.delegate, d ? d->name : "", choiceList(n.choices)});
      }
    }
  }
  OpenTable pubs{"publications",
                 {"sha256", "type", "number", "title", "summary", "issuer", "signer", "issued",
                  "effective", "sitting", "item", "size", "url"},
                 {}};
  for (const auto& p : published)
    pubs.rows.push_back({p.sha256, p.type, p.number, p.title, p.summary, p.issuer, p.signer,
                         p.issued, p.effective, p.sitting ? std::to_string(p.sitting) : "", p.item,
                         std::to_string(p.size), "/api/documents/" + p.sha256});
  return {sittings,
          agenda,
          attendance,
          votes,
          named,
          documents,
          pubs,
          questionsTable(state, today),
          petitionsTable(state, today)};
}

OpenTable questionsTable(const State& state, const std::string& today) {
  OpenTable t{"questions",
              {"sitting", "question", "group", "from", "from_name", "to", "to_name", "to_title",
               "text", "status", "answers", "follow_ups", "written_due", "overdue"},
              {}};
  for (const auto& [id, s] : state.sittings) {
    if (!s.isPublic) continue;
    for (const auto& [qid, q] : s.questions) {
      const Delegate* from = s.delegate(q.from);
      const Responder* to = s.responder(q.to);
      std::string answers, follow;
      for (const auto& a : q.answers) answers += (answers.empty() ? "" : "\n---\n") + a;
      for (const auto& f : q.followUps) follow += (follow.empty() ? "" : "\n---\n") + f;
      const std::string due = q.due_ms ? vietnamDate(q.due_ms) : "";
      const bool overdue = q.status == QuestionStatus::WrittenPending && !due.empty() &&
                           !today.empty() && today > due;
      t.rows.push_back({std::to_string(id), qid, q.group, q.from, from ? from->name : "", q.to,
                        to ? to->name : "", to ? to->title : "", q.text,
                        std::string(name(q.status)), answers, follow, due, b(overdue)});
    }
  }
  return t;
}

OpenTable petitionsTable(const State& state, const std::string& today) {
  OpenTable t{"petitions",
              {"code", "received", "channel", "topic", "topic_label", "area", "status", "senders",
               "responder", "due", "overdue", "text", "answer", "answered", "merged_into", "links"},
              {}};
  const auto& reg = state.petitions;
  for (const auto& [code, p] : reg.byCode) {
    // Who sent it never travels here (it is not in the state at all); the text is the one
    // moderated for publication, the answer once published.
    const Responder* r = nullptr;
    for (const auto& x : state.responders)
      if (x.id == p.responder) r = &x;
    const auto* topic = reg.catalogue.topic(p.topic);
    std::string answered, links;
    for (const auto& h : p.history)
      if (h.status == PetitionStatus::Answered) answered = vietnamDate(h.at_ms);
    for (const auto& l : p.links) links += (links.empty() ? "" : ";") + l.kind + ":" + l.ref;
    const bool published = p.status == PetitionStatus::Published;
    t.rows.push_back({code, vietnamDate(p.received_ms), p.channel, p.topic,
                      topic ? topic->label : p.topic, p.area, std::string(name(p.status)),
                      std::to_string(p.senders), r ? r->name + " — " + r->title : "", p.due,
                      b(p.overdue(today)), p.isPublic() ? p.publicText : "",
                      published ? p.answer : "", published ? answered : "", p.mergedInto, links});
  }
  return t;
}

json toJson(const OpenTable& t) {
  json out = json::array();
  for (const auto& r : t.rows) {
    json o = json::object();
    for (std::size_t i = 0; i < t.columns.size() && i < r.size(); ++i) o[t.columns[i]] = r[i];
    out.push_back(std::move(o));
  }
  return out;
}

std::string toCsv(const OpenTable& t) {
  std::string s = "\xEF\xBB\xBF";  // a BOM, so spreadsheet programs read Vietnamese as UTF-8
  s += csvRow(t.columns);
  for (const auto& r : t.rows) s += csvRow(r);
  return s;
}

}  // namespace chamber::protocol
