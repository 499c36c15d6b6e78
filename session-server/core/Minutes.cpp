#include "core/Minutes.h"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace chamber::core {

LocalTime vietnamTime(std::int64_t ms) {
  constexpr std::int64_t kDay = 86'400'000, kOffset = 7 * 3'600'000;
  const std::int64_t local = ms + kOffset;
  const std::int64_t days = (local >= 0 ? local : local - kDay + 1) / kDay;
  const std::int64_t inDay = local - days * kDay;
  // Days to a civil date (H. Hinnant's algorithm).
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), static_cast<int>(m),
          static_cast<int>(d), static_cast<int>(inDay / 3'600'000),
          static_cast<int>(inDay / 60'000 % 60)};
}

int yearInVietnam(std::int64_t ms) {
  return vietnamTime(ms).year;
}

bool isIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string vietnamDate(std::int64_t ms) {
  const auto t = vietnamTime(ms);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

std::string resolutionNumber(ResolutionKind kind, int year, int seq) {
  // Decree 30/2020: an individual resolution "12/NQ-HĐND"; a normative one carries its year.
  if (kind == ResolutionKind::Normative)
    return std::to_string(seq) + "/" + std::to_string(year) + "/NQ-HĐND";
  return std::to_string(seq) + "/NQ-HĐND";
}

namespace {

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}
std::string clock(std::int64_t ms) {
  const auto t = vietnamTime(ms);
  return two(t.hour) + " giờ " + two(t.minute);
}
std::string hhmm(std::int64_t ms) {
  const auto t = vietnamTime(ms);
  return two(t.hour) + ":" + two(t.minute);
}
std::string date(std::int64_t ms) {
  const auto t = vietnamTime(ms);
  return two(t.day) + "/" + two(t.month) + "/" + std::to_string(t.year);
}
/// An ISO date "2026-12-10" as the council writes it: "10/12/2026".
std::string isoToVn(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string speechKind(const std::string& k) {
  static const std::map<std::string, std::string> names = {
      {"speech", "phát biểu"},       {"second", "phát biểu lần hai"},
      {"debate", "tranh luận"},      {"point_of_order", "kiến nghị về thủ tục"},
      {"question", "chất vấn"},      {"answer", "trả lời chất vấn"},
      {"presentation", "trình bày"}, {"chair", "điều hành"}};
  const auto it = names.find(k);
  return it == names.end() ? "phát biểu" : it->second;
}

std::string formName(VoteForm f) {
  switch (f) {
    case VoteForm::Open:
      return "biểu quyết công khai";
    case VoteForm::Named:
      return "biểu quyết ghi danh";
    case VoteForm::Secret:
      return "bỏ phiếu kín";
  }
  return "";
}

/// One thing that happened under an agenda item: a line, and the lines that belong to it
/// (a vote's counts, a question's answers).
struct Entry {
  std::string text;
  std::vector<std::string> sub;
};

/// "tán thành" → "Tán thành", "đồng ý" → "Đồng ý" (the labels start in lower case).
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC4 &&
      static_cast<unsigned char>(s[1]) == 0x91)
    s[1] = static_cast<char>(0x90);  // đ → Đ
  return s;
}

class Drafter {
 public:
  Drafter(const Sitting& s, const std::vector<Resolution>& resolutions)
      : s_(s), resolutions_(resolutions) {}

  std::string run(const std::vector<TimedEvent>& events) {
    for (const auto& e : events) {
      ts_ = e.ts_ms;
      std::visit([this](const auto& ev) { on(ev); }, e.event);
    }
    return text();
  }

 private:
  const Sitting& s_;
  const std::vector<Resolution>& resolutions_;
  std::int64_t ts_ = 0, opened_ = 0, closed_ = 0;
  std::string item_;  ///< the active item: what happens is recorded under it
  std::map<std::string, std::vector<Entry>> items_;
  std::vector<Entry> outside_;  ///< before any item was taken up
  std::set<std::string> attended_;
  std::map<std::string, std::pair<std::int64_t, std::string>> onFloor_;    ///< since, kind
  std::map<std::string, std::pair<std::string, std::size_t>> questionAt_;  ///< item, entry
  std::vector<std::string> suspensions_;

  std::string nameOf(const std::string& id) const {
    if (const auto* d = s_.delegate(id)) return d->name;
    if (const auto* r = s_.responder(id)) return r->name;
    return id;
  }
  std::string withTitle(const std::string& id) const {
    if (const auto* d = s_.delegate(id))
      return d->title.empty() ? "đại biểu " + d->name : d->name + " (" + d->title + ")";
    if (const auto* r = s_.responder(id))
      return r->title.empty() ? r->name : r->name + " (" + r->title + ")";
    return id;
  }
  std::vector<Entry>& here(const std::string& item) {
    return item.empty() ? outside_ : items_[item];
  }
  std::vector<std::string>* answersOf(const std::string& question) {
    const auto it = questionAt_.find(question);
    if (it == questionAt_.end()) return nullptr;
    return &here(it->second.first)[it->second.second].sub;
  }

  template <class E>
  void on(const E&) {}
  void on(const SittingOpened&) {
    if (!opened_) opened_ = ts_;
  }
  void on(const SittingClosed&) { closed_ = ts_; }
  void on(const SittingSuspended& e) {
    here(item_).push_back(
        {hhmm(ts_) + " Kỳ họp tạm dừng" + (e.reason.empty() ? "." : ": " + e.reason + "."), {}});
  }
  void on(const SittingResumed&) { here(item_).push_back({hhmm(ts_) + " Kỳ họp tiếp tục.", {}}); }
  void on(const AttendanceChanged& e) {
    if (e.present) attended_.insert(e.delegate);
  }
  void on(const ItemActivated& e) { item_ = e.item; }
  void on(const FloorGranted& e) { onFloor_[e.person] = {ts_, e.kind}; }
  void on(const FloorEnded& e) {
    const auto it = onFloor_.find(e.person);
    if (it == onFloor_.end()) return;
    here(item_).push_back({hhmm(it->second.first) + "–" + hhmm(ts_) + ": " + withTitle(e.person) +
                               " " + speechKind(it->second.second) + ".",
                           {}});
    onFloor_.erase(it);
  }
  void on(const QuestionSubmitted& e) {
    auto& entries = here(item_);
    questionAt_[e.question] = {item_, entries.size()};
    entries.push_back(
        {"Chất vấn của " + withTitle(e.from) + " đối với " + withTitle(e.to) + ": “" + e.text + "”",
         {}});
  }
  void on(const QuestionAnswered& e) {
    auto* answers = answersOf(e.question);
    if (!answers) return;
    const auto q = s_.questions.find(e.question);
    const std::string who = q == s_.questions.end() ? "" : withTitle(q->second.to);
    if (e.mode == "in_person")
      answers->push_back("Trả lời trực tiếp tại kỳ họp" + (who.empty() ? "" : " (" + who + ")") +
                         (e.text.empty() ? "." : ": “" + e.text + "”"));
    else if (e.mode == "written")
      answers->push_back((who.empty() ? "Người được chất vấn" : who) +
                         " trả lời bằng văn bản, hạn trước ngày " + date(e.due_ms) + ".");
    else if (e.mode == "written_answer")
      answers->push_back("Trả lời bằng văn bản ngày " + date(ts_) + ": “" + e.text + "”");
  }
  void on(const QuestionFollowedUp& e) {
    if (auto* answers = answersOf(e.question))
      answers->push_back("Chất vấn thêm: “" + e.text + "”");
  }
  void on(const VoteVoided& e) {
    const auto v = s_.votes.find(e.vote);
    if (v == s_.votes.end()) return;
    here(v->second.item)
        .push_back({"Biểu quyết “" + v->second.title +
                        "” không được tính (máy chủ khởi động lại khi đang bỏ phiếu kín); phải "
                        "biểu quyết lại.",
                    {}});
  }
  void on(const VoteClosed& e) {
    const auto v = s_.votes.find(e.vote);
    if (v == s_.votes.end()) return;
    const Vote& vote = v->second;
    const Tally& t = e.tally;
    auto& entries = here(vote.item);
    entries.push_back({hhmm(ts_) + " Biểu quyết “" + vote.title + "” (" + formName(vote.form) +
                           "; " + (t.ruleLabel.empty() ? t.rule : t.ruleLabel) + "):",
                       {}});
    auto& out = entries.back().sub;
    if (vote.form == VoteForm::Secret)
      out.push_back("Số phiếu phát ra: " + std::to_string(t.issued) + "; số phiếu thu về: " +
                    std::to_string(t.cast) + "; hợp lệ: " + std::to_string(t.valid) +
                    "; không hợp lệ: " + std::to_string(t.invalid) + ".");
    for (const auto& o : t.options) out.push_back(o.line + (o.elected ? " — trúng cử" : "") + ";");
    out.push_back("Vắng mặt: " + std::to_string(t.absent) + " đại biểu; có mặt không biểu quyết: " +
                  std::to_string(t.notVoted) + " đại biểu.");
    if (vote.form == VoteForm::Named && !t.named.empty()) {
      std::map<std::string, std::vector<std::string>> byChoice;
      for (const auto& b : t.named)
        for (const auto& c : b.choices) byChoice[c].push_back(nameOf(b.delegate));
      for (const auto& o : t.options) {
        const auto& names = byChoice[o.key];
        if (names.empty()) continue;
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        out.push_back(capitalised(o.label) + ": " + list + ".");
      }
    }
    std::string result;
    if (vote.kind == VoteKind::Election) {
      std::string elected;
      for (const auto& o : t.options)
        if (o.elected) elected += (elected.empty() ? "" : ", ") + o.label;
      result = elected.empty() ? "không có người trúng cử" : "trúng cử: " + elected;
      if (t.tie) result += " (có phiếu ngang nhau ở vị trí cuối)";
    } else if (vote.kind == VoteKind::Motion) {
      result = t.passed ? "thông qua" : "không thông qua";
    } else {
      result = "đã lấy phiếu tín nhiệm";
    }
    for (const auto& r : resolutions_)
      if (r.sitting == s_.id && r.vote == vote.id)
        result += "; Nghị quyết số " + r.number + " “" + r.title + "”";
    out.push_back("Kết quả: " + result + ".");
  }

  std::string signer(Role role, const std::string& fallback) const {
    for (const auto& d : s_.roster)
      if (d.role == role) return d.name + " | " + (d.title.empty() ? fallback : d.title);
    return " | " + fallback;
  }

  std::string text() const {
    std::ostringstream o;
    const std::string council = s_.rules.council;
    o << "Cơ quan: " << council << "\n";
    o << "Số: " << two(s_.number) << "/BB-HĐND\n";
    o << "Địa danh: " << (s_.rules.locality.empty() ? s_.place : s_.rules.locality) << "\n";
    o << "Ngày: " << (closed_ ? date(closed_) : isoToVn(s_.date)) << "\n";
    o << "Tên loại: BIÊN BẢN\n";
    o << "Trích yếu: " << (s_.title.empty() ? "Kỳ họp thứ " + std::to_string(s_.number) : s_.title)
      << (s_.term.empty() ? "" : ", nhiệm kỳ " + s_.term) << "\n";
    o << "Chủ tọa: " << signer(Role::Chair, "Chủ tọa kỳ họp") << "\n";
    o << "Thư ký: " << signer(Role::Secretary, "Thư ký kỳ họp") << "\n\n";

    o << "# I. THỜI GIAN, ĐỊA ĐIỂM\n";
    o << "Kỳ họp thứ " << s_.number << " của " << council
      << (s_.term.empty() ? "" : " nhiệm kỳ " + s_.term) << " khai mạc lúc "
      << (opened_ ? clock(opened_) + " ngày " + date(opened_) : "(chưa ghi nhận)")
      << ", bế mạc lúc "
      << (closed_ ? clock(closed_) + " ngày " + date(closed_) : "(chưa ghi nhận)") << ", tại "
      << s_.place << ".\n";
    if (!s_.isPublic) o << "Kỳ họp được tổ chức theo hình thức họp kín.\n";

    o << "# II. THÀNH PHẦN THAM DỰ\n";
    int inOffice = 0, present = 0;
    std::vector<std::string> absent;
    for (const auto& d : s_.roster) {
      if (!d.inOffice) continue;
      ++inOffice;
      if (attended_.count(d.id))
        ++present;
      else
        absent.push_back(d.name);
    }
    o << "Đại biểu có mặt: " << present << "/" << inOffice
      << " đại biểu Hội đồng nhân dân đang công tác.\n";
    if (absent.empty()) {
      o << "Vắng mặt: không.\n";
    } else {
      std::string list;
      for (const auto& n : absent) list += (list.empty() ? "" : ", ") + n;
      o << "Vắng mặt: " << absent.size() << " đại biểu (" << list << ").\n";
    }
    for (const auto& d : s_.roster) {
      const std::string who = d.name + (d.title.empty() ? "" : ", " + d.title) + ".\n";
      if (d.role == Role::Chair) o << "Chủ tọa: " << who;
      if (d.role == Role::Secretary) o << "Thư ký: " << who;
    }
    if (!s_.responders.empty()) {
      std::string list;
      for (const auto& r : s_.responders)
        list += (list.empty() ? "" : "; ") + r.name + (r.title.empty() ? "" : ", " + r.title);
      o << "Khách mời, đại diện Ủy ban nhân dân: " << list << ".\n";
    }

    o << "# III. CHƯƠNG TRÌNH KỲ HỌP\n";
    for (const auto& i : s_.agenda) o << "- " << i.id << ". " << i.title << "\n";

    o << "# IV. DIỄN BIẾN KỲ HỌP\n";
    auto write = [&](const std::vector<Entry>& entries) {
      for (const auto& e : entries) {
        o << "- " << e.text << "\n";
        for (const auto& l : e.sub) o << "  " << l << "\n";
      }
    };
    write(outside_);
    for (const auto& i : s_.agenda) {
      o << "## " << i.id << ". " << i.title << "\n";
      if (!i.presenter.empty()) o << "Trình bày: " << i.presenter << ".\n";
      const auto it = items_.find(i.id);
      if (it == items_.end() || it->second.empty()) {
        o << "Không có ý kiến phát biểu, biểu quyết hay chất vấn được ghi nhận.\n";
        continue;
      }
      write(it->second);
    }

    o << "# V. KẾT THÚC\n";
    o << "Kỳ họp bế mạc lúc " << (closed_ ? clock(closed_) + " ngày " + date(closed_) : "…")
      << ". Biên bản được lập từ nhật ký điện tử của kỳ họp, thư ký đã đối chiếu và hoàn "
         "chỉnh; chủ tọa và thư ký ký tên dưới đây.\n";
    return o.str();
  }
};

}  // namespace

std::string draftMinutes(const Sitting& s, const std::vector<TimedEvent>& events,
                         const std::vector<Resolution>& resolutions) {
  return Drafter(s, resolutions).run(events);
}

std::string MinutesText::get(const std::string& key) const {
  for (const auto& [k, v] : header)
    if (k == key) return v;
  return "";
}

MinutesText parseMinutes(const std::string& text) {
  MinutesText m;
  std::istringstream in(text);
  std::string line;
  bool inHeader = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (inHeader) {
      if (line.empty()) {
        inHeader = false;
        continue;
      }
      const auto colon = line.find(": ");
      if (colon != std::string::npos && line.rfind("# ", 0) != 0) {
        m.header.emplace_back(line.substr(0, colon), line.substr(colon + 2));
        continue;
      }
      inHeader = false;  // a body without a blank line after the header
    }
    if (line.empty()) continue;
    using B = MinutesText::Block;
    if (line.rfind("## ", 0) == 0)
      m.body.push_back({B::Item, line.substr(3)});
    else if (line.rfind("# ", 0) == 0)
      m.body.push_back({B::Section, line.substr(2)});
    else if (line.rfind("- ", 0) == 0)
      m.body.push_back({B::Bullet, line.substr(2)});
    else if (line.rfind("  ", 0) == 0 && !m.body.empty() && m.body.back().kind == B::Bullet)
      m.body.back().text += "\n" + line.substr(2);  // a bullet's continuation
    else
      m.body.push_back({B::Paragraph, line});
  }
  return m;
}

}  // namespace chamber::core
