#pragma once
/// chamber.v1 codec: events and commands to and from JSON, by their wire names.
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/Commands.h"
#include "core/Events.h"

namespace chamber::protocol {

using nlohmann::json;

inline constexpr int kVersion = 1;
inline constexpr const char* kSubprotocol = "chamber.v1";
/// The one query: a `cmd` that changes nothing and is not stored.
inline constexpr const char* kStateQuery = "state.get";
/// Envelope types, in the order of ClientType / ServerType (Messages.h, Client.h).
inline constexpr const char* kClientTypes[] = {"hello", "auth", "resume", "cmd", "ping", "stats"};
inline constexpr const char* kServerTypes[] = {"welcome", "ok", "error", "event", "pong"};
/// How auth proves who one is.
inline constexpr const char* kAuthMethods[] = {"pin", "token", "password", "public"};

/// A message that cannot be decoded. `code` is one of the protocol's stable error codes.
struct DecodeError : std::runtime_error {
  DecodeError(std::string c, const std::string& what)
      : std::runtime_error(what), code(std::move(c)) {}
  std::string code;
};

/// Parses a frame into a JSON object with a string "type" and returns that type's position
/// (1-based) in `types` (kClientTypes or kServerTypes). Throws DecodeError (bad_json,
/// bad_message, unknown_type).
int parseEnvelope(std::string_view text, std::span<const char* const> types, json& out);

/// The event's payload ("data" on the wire).
json encodeEventData(const core::EventData& e);
/// Throws DecodeError("unknown_kind" or "bad_args").
core::EventData decodeEvent(const std::string& kind, const json& data);

/// {"cmd": name, "args": {...}}
json encodeCommand(const core::Command& c);
/// Throws DecodeError("unknown_command" or "bad_args").
core::Command decodeCommand(const std::string& name, const json& args);

/// Every command and event name, in variant order (for docs and round-trip tests).
std::vector<std::string> commandNames();
std::vector<std::string> eventKinds();

}  // namespace chamber::protocol
