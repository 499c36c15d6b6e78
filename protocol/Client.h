#pragma once
/// The client half of chamber.v1: what a peer sends (hello, auth, resume, cmd, ping) and how
/// it reads what the server sends (welcome, ok, error, event, pong) — typed, by the same
/// definitions the server uses. Every C++ peer (tablet, media, archive, load generator, test
/// peers) builds and reads messages here; the portal's names are generated from it
/// (protocol-names, portal/assets/protocol.js).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/Commands.h"
#include "core/Events.h"
#include "protocol/Codec.h"

namespace chamber::protocol {

// ---- client → server ----
/// {"type":"hello","version":kVersion,"client":…}
json hello(std::string_view client);
json authPin(const std::string& id, int seat, const std::string& pin,
             const std::string& device = "");
json authPassword(const std::string& id, const std::string& user, const std::string& password,
                  const std::string& device = "");
json authToken(const std::string& id, const std::string& token);
json authPublic(const std::string& id);
/// Subscribe and receive every event after `after` that the role may see, then ok.
json resume(const std::string& id, std::int64_t after);
/// {"type":"cmd","id":…,"cmd":name,"args":{…}}
json command(const std::string& id, const core::Command& c);
/// The one query: state.get (a cmd that changes nothing).
json stateQuery(const std::string& id);
json ping(const std::string& id);

/// The media process's figures for /metrics (not events: they change every few seconds and
/// belong to no record): {"type":"stats","id":…,"recording_bytes","disk_free_bytes",
/// "disk_seconds_left"}. Only the media role may send them.
struct MediaStats {
  std::int64_t recordingBytes = 0;   ///< of the running recording (0 when not recording)
  std::int64_t diskFreeBytes = 0;    ///< where the recordings are written
  std::int64_t diskSecondsLeft = 0;  ///< of recording at the current rate, above the reserve
  bool operator==(const MediaStats&) const = default;
};
json mediaStats(const std::string& id, const MediaStats& s);
/// Throws DecodeError("bad_args") unless the three figures are whole numbers ≥ 0.
MediaStats parseMediaStats(const json& message);

// ---- server → client ----
enum class ServerType { Welcome = 1, Ok, Error, Event, Pong };

/// An event as pushed: the envelope, and its data still as JSON (see typed()).
struct EventEnvelope {
  std::int64_t seq = 0;
  std::int64_t ts_ms = 0;
  int sitting = 0;
  std::string kind;
  json data;
  /// The core's event, or nullopt if this build does not know the kind (a newer server).
  /// Throws DecodeError("bad_args") if a known kind's data is not what it must be.
  std::optional<core::EventData> typed() const;
};

struct ServerMessage {
  ServerType type = ServerType::Pong;
  std::string id;    ///< the request's id (ok, error, pong; an error may have none)
  json result;       ///< ok
  std::string code;  ///< error: a stable code (docs/protocol.md)
  std::string message;
  EventEnvelope event;  ///< event
  json body;            ///< the whole message (welcome: version, server, head, role)
};

/// Parses one frame from the server. Throws DecodeError (bad_json, bad_message,
/// unknown_type) — a client treats that as a broken server, not as a default.
ServerMessage parseServerMessage(std::string_view text);

/// The event envelopes inside an ok's result ("events": [...]), as a command's reply has them.
std::vector<EventEnvelope> eventsOf(const ServerMessage& ok);
EventEnvelope parseEventEnvelope(const json& j);

}  // namespace chamber::protocol
