#include "core/Tally.h"

#include <algorithm>
#include <cstdio>

namespace chamber::core {

std::vector<VoteOption> motionOptions() {
  return {{"yes", "tán thành"}, {"no", "không tán thành"}, {"abstain", "không biểu quyết"}};
}

std::vector<VoteOption> confidenceRatingOptions() {
  return {{"high", "tín nhiệm cao"}, {"confidence", "tín nhiệm"}, {"low", "tín nhiệm thấp"}};
}

namespace {

int baseFor(const TallyInput& in) {
  switch (in.rule.base) {
    case Base::Seats:
      return in.seats;
    case Base::InOffice:
      return in.inOffice;
    case Base::Present:
      return in.present;
    case Base::VotesCast: {
      if (in.election) return in.ballots;
      int cast = in.ballots;
      if (!in.rule.abstentionsCount) {
        auto it = in.counts.find("abstain");
        if (it != in.counts.end()) cast -= it->second;
      }
      return cast;
    }
  }
  return 0;
}

int countOf(const TallyInput& in, const std::string& key) {
  auto it = in.counts.find(key);
  return it == in.counts.end() ? 0 : it->second;
}

}  // namespace

Tally computeTally(const TallyInput& in) {
  Tally t;
  t.rule = in.ruleKey;
  t.ruleLabel = in.rule.label;
  t.base = baseFor(in);
  t.seats = in.seats;
  t.inOffice = in.inOffice;
  t.present = in.present;
  t.cast = in.ballots;
  t.absent = std::max(0, in.inOffice - in.present);
  t.notVoted = std::max(0, in.present - in.ballots);
  t.issued = in.present;
  t.valid = in.ballots;  // electronic ballots are checked when cast: none is invalid
  t.invalid = 0;
  for (const auto& o : in.options)
    t.options.push_back({o.key, o.label, countOf(in, o.key), t.base});

  if (!in.election) {
    t.passed = reaches(countOf(in, in.rule.passOption), t.base, in.rule.threshold, in.rule.strict);
    announce(t);
    return t;
  }

  // Elections: a candidate must reach the threshold; the best N of those are elected.
  std::vector<OptionResult*> qualified;
  for (auto& o : t.options)
    if (reaches(o.count, t.base, in.rule.threshold, in.rule.strict)) qualified.push_back(&o);
  std::stable_sort(
      qualified.begin(), qualified.end(),
      [](const OptionResult* a, const OptionResult* b) { return a->count > b->count; });
  const auto seats = static_cast<std::size_t>(std::max(1, in.seatsToFill));
  if (qualified.size() > seats) {
    const int cutoff = qualified[seats - 1]->count;
    if (qualified[seats]->count == cutoff) {
      // A tie across the last seat: those tied are not elected; the council votes again.
      t.tie = true;
      qualified.erase(std::remove_if(qualified.begin(), qualified.end(),
                                     [&](const OptionResult* o) { return o->count == cutoff; }),
                      qualified.end());
    }
    if (qualified.size() > seats) qualified.resize(seats);
  }
  for (auto* o : qualified) o->elected = true;
  t.passed = !qualified.empty();
  announce(t);
  return t;
}

std::string formatPercent(int count, int base) {
  long long hundredths = 0;
  if (base > 0) hundredths = (static_cast<long long>(count) * 10000 * 2 + base) / (2LL * base);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld,%02lld%%", hundredths / 100, hundredths % 100);
  return buf;
}

std::string formatLine(const OptionResult& r) {
  return std::to_string(r.count) + "/" + std::to_string(r.base) + " đại biểu " + r.label + " (" +
         formatPercent(r.count, r.base) + ")";
}

void announce(Tally& t) {
  for (auto& o : t.options) {
    o.percent = formatPercent(o.count, o.base);
    o.line = formatLine(o);
  }
}

std::string formatAnnouncement(const Tally& t) {
  std::string s;
  for (const auto& o : t.options) {
    s += formatLine(o);
    if (o.elected) s += " — trúng cử";
    s += "\n";
  }
  s += "Vắng mặt: " + std::to_string(t.absent) +
       "; có mặt không bỏ phiếu: " + std::to_string(t.notVoted) + "\n";
  if (t.tie) s += "Có số phiếu bằng nhau ở vị trí cuối: bầu lại.\n";
  s += t.passed ? "Kết quả: THÔNG QUA" : "Kết quả: KHÔNG THÔNG QUA";
  return s;
}

}  // namespace chamber::core
