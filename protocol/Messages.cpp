#include "protocol/Messages.h"

#include "protocol/Json.h"

namespace chamber::protocol {

bool validUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned c = *p;
    int n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++p;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else
      return false;
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    p += n + 1;
  }
  return true;
}

ClientMessage parseClientMessage(std::string_view text) {
  if (!validUtf8(text)) throw DecodeError("bad_utf8", "frame is not valid UTF-8");
  json j;
  ClientMessage m;
  m.type = static_cast<ClientType>(parseEnvelope(text, kClientTypes, j));
  if (j.contains("id")) {
    if (!j["id"].is_string() || j["id"].get_ref<const std::string&>().empty() ||
        j["id"].get_ref<const std::string&>().size() > kMaxClientIdBytes)
      throw DecodeError("bad_message", "\"id\" is a string of 1–64 bytes");
    m.id = j["id"].get<std::string>();
  } else if (m.type == ClientType::Cmd || m.type == ClientType::Auth) {
    throw DecodeError("bad_message", "commands carry a client \"id\"");
  }
  m.body = std::move(j);
  return m;
}

json welcome(const std::string& server, std::int64_t head, core::Role role) {
  return {{"type", kServerTypes[0]},
          {"version", kVersion},
          {"server", server},
          {"head", head},
          {"role", core::roleName(role)}};
}

json okReply(const std::string& id, json result) {
  return {{"type", kServerTypes[1]}, {"id", id}, {"result", std::move(result)}};
}

json errorReply(const std::string& id, const std::string& code, const std::string& message) {
  json j{{"type", kServerTypes[2]}, {"code", code}, {"message", message}};
  if (!id.empty()) j["id"] = id;
  return j;
}

json pong(const std::string& id) {
  json j{{"type", kServerTypes[4]}};
  if (!id.empty()) j["id"] = id;
  return j;
}

json eventMessage(std::int64_t seq, std::int64_t ts_ms, int sitting, std::string_view kind,
                  const json& data) {
  return {{"type", kServerTypes[3]}, {"seq", seq},   {"ts", ts_ms},
          {"sitting", sitting},      {"kind", kind}, {"data", data}};
}

std::string eventMessageText(std::int64_t seq, std::int64_t ts_ms, int sitting,
                             std::string_view kind, std::string_view dataJson) {
  std::string s;
  s.reserve(dataJson.size() + 96);
  s += R"({"type":")";
  s += kServerTypes[3];
  s += R"(","seq":)" + std::to_string(seq) + R"(,"ts":)" + std::to_string(ts_ms) +
       R"(,"sitting":)" + std::to_string(sitting) + R"(,"kind":)" + json(kind).dump() +
       R"(,"data":)";
  s += dataJson;
  s += '}';
  return s;
}

std::string okEventsText(const std::string& id, std::int64_t seq,
                         const std::vector<std::string>& eventTexts) {
  std::string s = R"({"type":")";
  s += kServerTypes[1];
  s += R"(","id":)" + json(id).dump() + R"(,"result":{"seq":)" + std::to_string(seq) +
       R"(,"events":[)";
  for (std::size_t i = 0; i < eventTexts.size(); ++i) {
    if (i) s += ',';
    s += eventTexts[i];
  }
  s += "]}}";
  return s;
}

}  // namespace chamber::protocol
