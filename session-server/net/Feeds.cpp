#include "net/Feeds.h"

#include <ctime>

#include "core/Minutes.h"
#include "net/HttpResponse.h"
#include "net/ServerImpl.h"

namespace chamber::net {

std::string xmlEscape(const std::string& s) {
  std::string o;
  for (const char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

std::string isoTime(std::int64_t ms) {
  char buf[32];
  const auto t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

/// A sitting's start as an instant: its date and time in Vietnam (UTC+7), 08:00 when no
/// time was given. -1 for a date that is not yyyy-mm-dd.
std::int64_t startMs(const core::Sitting& st) {
  int y = 0, mo = 0, d = 0, h = 8, mi = 0;
  if (std::sscanf(st.date.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3) return -1;
  if (!st.time.empty()) std::sscanf(st.time.c_str(), "%2d:%2d", &h, &mi);
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return (static_cast<std::int64_t>(timegm(&tm)) - 7 * 3600) * 1000;
}

int send(lws* wsi, HttpRequest& r, const char* type, std::string body) {
  r.status = 200;
  r.contentType = type;
  r.headers.emplace_back("cache-control:", "no-cache");
  r.body = std::move(body);
  return respond(wsi, r);
}

std::string feedHead(const std::string& id, const std::string& title, const std::string& self,
                     std::int64_t updated, const std::string& author) {
  return std::string(R"(<?xml version="1.0" encoding="utf-8"?>)") +
         "\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n<title>" +
         xmlEscape(title) + "</title>\n<id>" + id + "</id>\n<link rel=\"self\" href=\"" + self +
         "\"/>\n<updated>" + isoTime(updated) + "</updated>\n<author><name>" + xmlEscape(author) +
         "</name></author>\n";
}

std::string entry(const std::string& id, const std::string& title, const std::string& href,
                  std::int64_t updated, const std::string& summary) {
  return "<entry><title>" + xmlEscape(title) + "</title><id>" + id + "</id><link href=\"" +
         xmlEscape(href) + "\"/><updated>" + isoTime(updated) + "</updated><summary>" +
         xmlEscape(summary) + "</summary></entry>\n";
}

std::string statusVi(core::SittingStatus st) {
  switch (st) {
    case core::SittingStatus::Scheduled:
      return "Sắp diễn ra";
    case core::SittingStatus::Open:
      return "Đang họp";
    case core::SittingStatus::Suspended:
      return "Tạm nghỉ";
    case core::SittingStatus::Closed:
      return "Đã bế mạc";
  }
  return "";
}

std::string dmy(const std::string& iso) {
  return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4)
                          : iso;
}

/// ICS text: lines folded at 75 octets (not inside a UTF-8 sequence), CRLF, escaped.
std::string icsLine(const std::string& name, const std::string& value) {
  std::string v;
  for (const char c : value) {
    if (c == '\\' || c == ';' || c == ',') v += '\\';
    if (c == '\n') {
      v += "\\n";
      continue;
    }
    v += c;
  }
  std::string line = name + ":" + v, out;
  std::size_t col = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (col >= 73 && (c & 0xC0) != 0x80) {
      out += "\r\n ";
      col = 1;
    }
    out += line[i];
    ++col;
  }
  return out + "\r\n";
}

int calendar(ServerImpl& s, lws* wsi, HttpRequest& r, const core::Sitting& st) {
  const std::int64_t start = startMs(st);
  if (start < 0) return respondError(wsi, r, 404, "not_found", "Kỳ họp chưa có ngày / no date");
  auto stamp = [](std::int64_t ms) {
    std::string t = isoTime(ms);
    std::string o;
    for (const char c : t)
      if (c != '-' && c != ':') o += c;
    return o;
  };
  std::string agenda;
  for (const auto& i : st.agenda)
    if (i.parent.empty()) agenda += i.id + ". " + i.title + "\n";
  std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Digital Chamber//chamber-server//VI\r\n"
      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n";
  ics += icsLine("UID", "sitting-" + std::to_string(st.id) + "@chamber");
  ics += "DTSTAMP:" + stamp(nowMs()) + "\r\n";
  ics += "DTSTART:" + stamp(start) + "\r\n";
  ics += "DURATION:PT4H\r\n";
  ics += icsLine("SUMMARY", st.title);
  ics += icsLine("LOCATION", st.place);
  ics += icsLine("DESCRIPTION", s.councilName() + "\nChương trình / agenda:\n" + agenda);
  ics += icsLine("URL", "/sitting.html?id=" + std::to_string(st.id));
  ics += "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  r.headers.emplace_back("content-disposition:",
                         "attachment; filename=\"ky-hop-" + std::to_string(st.number) + ".ics\"");
  return send(wsi, r, "text/calendar; charset=utf-8", std::move(ics));
}

}  // namespace

std::optional<int> feeds(ServerImpl& s, lws* wsi, HttpRequest& r, const std::string& uri) {
  if (uri == "/api/feeds/sittings.atom") {
    std::string body;
    std::int64_t updated = 0;
    for (auto it = s.state.sittings.rbegin(); it != s.state.sittings.rend(); ++it) {
      const auto& st = it->second;
      if (!st.isPublic) continue;
      const std::int64_t when = std::max<std::int64_t>(startMs(st), 0);
      updated = std::max(updated, when);
      body += entry(
          "urn:chamber:sitting:" + std::to_string(st.id) + ":" + std::string(core::name(st.status)),
          st.title + " — " + statusVi(st.status), "/sitting.html?id=" + std::to_string(st.id), when,
          dmy(st.date) + (st.time.empty() ? "" : " " + st.time) + ", " + st.place + " · " +
              std::to_string(st.agenda.size()) + " nội dung");
    }
    return send(wsi, r, "application/atom+xml; charset=utf-8",
                feedHead("urn:chamber:sittings", "Các kỳ họp · " + s.councilName(),
                         "/api/feeds/sittings.atom", updated, s.councilName()) +
                    body + "</feed>\n");
  }
  if (uri == "/api/feeds/publications.atom") {
    std::string body;
    std::int64_t updated = 0;
    for (const auto& p : s.store.publications.list()) {
      updated = std::max(updated, p.published_ms);
      body += entry("urn:chamber:publication:" + p.sha256, p.number + " — " + p.title,
                    "/api/documents/" + p.sha256, p.published_ms,
                    p.type + ", " + p.issuer + ", ban hành " + dmy(p.issued) + ". " + p.summary);
    }
    return send(wsi, r, "application/atom+xml; charset=utf-8",
                feedHead("urn:chamber:publications", "Văn bản đã công bố · " + s.councilName(),
                         "/api/feeds/publications.atom", updated, s.councilName()) +
                    body + "</feed>\n");
  }
  const std::string prefix = "/api/sittings/";
  if (uri.rfind(prefix, 0) == 0 && uri.size() > prefix.size() + 4 &&
      uri.compare(uri.size() - 4, 4, ".ics") == 0) {
    const std::string id = uri.substr(prefix.size(), uri.size() - prefix.size() - 4);
    if (id.empty() || id.size() > 9 || id.find_first_not_of("0123456789") != std::string::npos)
      return respondError(wsi, r, 404, "not_found", "Không có kỳ họp này / no such sitting");
    const core::Sitting* st = s.state.sitting(std::stoi(id));
    if (!st || !st->isPublic)
      return respondError(wsi, r, 404, "not_found",
                          "Không có kỳ họp công khai này / no such sitting");
    return calendar(s, wsi, r, *st);
  }
  return std::nullopt;
}

}  // namespace chamber::net
