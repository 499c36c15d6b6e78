#include "core/PetitionReport.h"

#include <cstdio>
#include <map>

#include "core/Minutes.h"

namespace chamber::core {

namespace {

void count(PetitionTally& t, const Petition& p, const std::string& today) {
  ++t.petitions;
  t.senders += p.senders;
  switch (p.status) {
    case PetitionStatus::Rejected:
      ++t.rejected;
      break;
    case PetitionStatus::Answered:
      ++t.answered;
      break;
    case PetitionStatus::Published:
      ++t.answered;
      ++t.published;
      break;
    default:
      ++t.pending;
  }
  t.overdue += p.overdue(today);
}

void rate(PetitionTally& t) {
  const int accepted = t.petitions - t.rejected;
  t.answerRate = accepted > 0 ? static_cast<int>(1000.0 * t.answered / accepted + 0.5) / 10.0 : 0;
}

std::vector<PetitionTally> sorted(std::map<std::string, PetitionTally>& m) {
  std::vector<PetitionTally> out;
  for (auto& [k, t] : m) {
    rate(t);
    out.push_back(t);
  }
  return out;
}

std::string percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';  // Vietnamese decimal comma
  return s + "%";
}

}  // namespace

std::string channelLabel(const std::string& channel) {
  if (channel == "portal") return "Cổng thông tin điện tử";
  if (channel == "meeting") return "Tiếp xúc cử tri";
  if (channel == "post") return "Qua đường bưu chính";
  if (channel == "office") return "Trực tiếp tại trụ sở";
  return channel;
}

PetitionReport petitionReport(const Petitions& reg, const std::string& from, const std::string& to,
                              const std::string& today) {
  PetitionReport r{from, to, today, {}, {}, {}, {}};
  r.total.key = "total";
  r.total.label = "Tổng số";
  std::map<std::string, PetitionTally> topics, areas, channels;
  for (const auto& t : reg.catalogue.topics) topics[t.key] = {t.key, t.label};
  for (const auto& a : reg.catalogue.areas) areas[a] = {a, a};
  for (const auto& [code, p] : reg.byCode) {
    if (p.status == PetitionStatus::Merged) continue;  // counted in the one it joined
    const std::string day = vietnamDate(p.received_ms);
    if ((!from.empty() && day < from) || (!to.empty() && day > to)) continue;
    count(r.total, p, today);
    auto& t = topics[p.topic];
    if (t.key.empty()) t = {p.topic, p.topic.empty() ? "Chưa phân loại" : p.topic};
    count(t, p, today);
    auto& a = areas[p.area];
    if (a.key.empty()) a = {p.area, p.area.empty() ? "Không rõ địa bàn" : p.area};
    count(a, p, today);
    auto& c = channels[p.channel];
    if (c.key.empty()) c = {p.channel, channelLabel(p.channel)};
    count(c, p, today);
  }
  rate(r.total);
  r.byTopic = sorted(topics);
  r.byArea = sorted(areas);
  r.byChannel = sorted(channels);
  return r;
}

std::string petitionReportText(const PetitionReport& r, const std::string& council) {
  auto dmy = [](const std::string& iso) {
    return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4)
                            : iso;
  };
  std::string out;
  out += "Cơ quan: " + council + "\n";
  out += "Tên loại: BÁO CÁO\n";
  out += "Trích yếu: Tổng hợp ý kiến, kiến nghị của cử tri từ ngày " + dmy(r.from) + " đến ngày " +
         dmy(r.to) + "\n\n";
  out += "# I. TÌNH HÌNH TIẾP NHẬN\n";
  out += "Trong kỳ, Thường trực HĐND đã tiếp nhận " + std::to_string(r.total.petitions) +
         " ý kiến, kiến nghị (sau khi gộp các kiến nghị trùng) của " +
         std::to_string(r.total.senders) + " lượt cử tri.\n";
  for (const auto& c : r.byChannel)
    out += "- " + c.label + ": " + std::to_string(c.petitions) + " kiến nghị\n";
  auto section = [&](const char* title, const std::vector<PetitionTally>& rows) {
    out += std::string("# ") + title + "\n";
    for (const auto& t : rows) {
      if (t.petitions == 0) continue;
      out += "- " + t.label + ": " + std::to_string(t.petitions) + " kiến nghị (" +
             std::to_string(t.senders) + " lượt cử tri); đã trả lời " + std::to_string(t.answered) +
             ", tỷ lệ " + percent(t.answerRate) + "; đang giải quyết " + std::to_string(t.pending) +
             (t.overdue ? ", quá hạn " + std::to_string(t.overdue) : "") +
             (t.rejected ? "; không thụ lý " + std::to_string(t.rejected) : "") + "\n";
    }
  };
  section("II. THEO LĨNH VỰC", r.byTopic);
  section("III. THEO ĐỊA BÀN", r.byArea);
  out += "# IV. KẾT QUẢ GIẢI QUYẾT\n";
  out += "Đã trả lời " + std::to_string(r.total.answered) + " kiến nghị (tỷ lệ " +
         percent(r.total.answerRate) + "), trong đó đã công bố " +
         std::to_string(r.total.published) + "; đang giải quyết " +
         std::to_string(r.total.pending) + ", quá hạn " + std::to_string(r.total.overdue) +
         " (tính đến ngày " + dmy(r.today) + ").\n";
  return out;
}

}  // namespace chamber::core
