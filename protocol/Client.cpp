#include "protocol/Client.h"

#include "protocol/Json.h"
#include "protocol/Messages.h"

namespace chamber::protocol {

namespace {
json auth(const std::string& id, std::string_view method) {
  return {{"type", kClientTypes[1]}, {"id", id}, {"method", method}};
}
void withDevice(json& j, const std::string& device) {
  if (!device.empty()) j["device"] = device;
}
}  // namespace

json hello(std::string_view client) {
  return {{"type", kClientTypes[0]}, {"version", kVersion}, {"client", client}};
}

json authPin(const std::string& id, int seat, const std::string& pin, const std::string& device) {
  json j = auth(id, kAuthMethods[0]);
  j["seat"] = seat;
  j["pin"] = pin;
  withDevice(j, device);
  return j;
}

json authPassword(const std::string& id, const std::string& user, const std::string& password,
                  const std::string& device) {
  json j = auth(id, kAuthMethods[2]);
  j["user"] = user;
  j["password"] = password;
  withDevice(j, device);
  return j;
}

json authToken(const std::string& id, const std::string& token) {
  json j = auth(id, kAuthMethods[1]);
  j["token"] = token;
  return j;
}

json authPublic(const std::string& id) {
  return auth(id, kAuthMethods[3]);
}

json resume(const std::string& id, std::int64_t after) {
  return {{"type", kClientTypes[2]}, {"id", id}, {"after", after}};
}

json command(const std::string& id, const core::Command& c) {
  json j = encodeCommand(c);
  j["type"] = kClientTypes[3];
  j["id"] = id;
  return j;
}

json stateQuery(const std::string& id) {
  return {{"type", kClientTypes[3]}, {"id", id}, {"cmd", kStateQuery}, {"args", json::object()}};
}

json mediaStats(const std::string& id, const MediaStats& s) {
  return {{"type", kClientTypes[5]},
          {"id", id},
          {"recording_bytes", s.recordingBytes},
          {"disk_free_bytes", s.diskFreeBytes},
          {"disk_seconds_left", s.diskSecondsLeft}};
}

MediaStats parseMediaStats(const json& m) {
  const auto field = [&](const char* name) {
    const auto it = m.find(name);
    if (it == m.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
      throw DecodeError("bad_args", std::string("\"") + name + "\" is a whole number ≥ 0");
    return it->get<std::int64_t>();
  };
  return {field("recording_bytes"), field("disk_free_bytes"), field("disk_seconds_left")};
}

json ping(const std::string& id) {
  return {{"type", kClientTypes[4]}, {"id", id}};
}

std::optional<core::EventData> EventEnvelope::typed() const {
  try {
    return decodeEvent(kind, data);
  } catch (const DecodeError& e) {
    if (e.code == "unknown_kind") return std::nullopt;
    throw;
  }
}

EventEnvelope parseEventEnvelope(const json& j) {
  try {
    EventEnvelope e;
    e.seq = j.at("seq").get<std::int64_t>();
    e.ts_ms = j.at("ts").get<std::int64_t>();
    e.sitting = j.at("sitting").get<int>();
    e.kind = j.at("kind").get<std::string>();
    e.data = j.at("data");
    if (!e.data.is_object()) throw DecodeError("bad_message", "an event's data is an object");
    return e;
  } catch (const json::exception& ex) {
    throw DecodeError("bad_message", std::string("event: ") + ex.what());
  }
}

ServerMessage parseServerMessage(std::string_view text) {
  json j;
  ServerMessage m;
  m.type = static_cast<ServerType>(parseEnvelope(text, kServerTypes, j));
  try {
    if (j.contains("id")) m.id = j["id"].get<std::string>();
    if (m.type == ServerType::Welcome) {
      if (j.at("version").get<int>() != kVersion)
        throw DecodeError("version_mismatch", "the server speaks another version");
    } else if (m.type == ServerType::Ok) {
      m.result = j.value("result", json::object());
    } else if (m.type == ServerType::Error) {
      m.code = j.at("code").get<std::string>();
      m.message = j.value("message", "");
    } else if (m.type == ServerType::Event) {
      m.event = parseEventEnvelope(j);
    }
  } catch (const json::exception& ex) {
    throw DecodeError("bad_message", ex.what());
  }
  m.body = std::move(j);
  return m;
}

std::vector<EventEnvelope> eventsOf(const ServerMessage& ok) {
  std::vector<EventEnvelope> out;
  if (ok.result.contains("events") && ok.result["events"].is_array())
    for (const auto& e : ok.result["events"]) out.push_back(parseEventEnvelope(e));
  return out;
}

}  // namespace chamber::protocol
