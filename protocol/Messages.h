#pragma once
/// The envelopes of chamber.v1 (docs/protocol.md has an example of each).
///
/// Client -> server: hello, auth, resume, cmd, ping, stats (the media process's figures).
/// Server -> client: welcome, ok, error, event, pong.
/// Append only: add new message types and fields at the end; never change a meaning.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Types.h"
#include "protocol/Codec.h"

namespace chamber::protocol {

enum class ClientType { Hello = 1, Auth, Resume, Cmd, Ping, Stats };

struct ClientMessage {
  ClientType type = ClientType::Ping;
  std::string id;  ///< the client's id for this request: replies and retries carry it
  json body;       ///< the whole message
};

/// Longest accepted client id (bytes).
inline constexpr std::size_t kMaxClientIdBytes = 64;

/// Parses one text frame. Throws DecodeError with code bad_utf8, bad_json, bad_message
/// or unknown_type.
ClientMessage parseClientMessage(std::string_view text);

bool validUtf8(std::string_view s);

json welcome(const std::string& server, std::int64_t head, core::Role role);
json okReply(const std::string& id, json result);
json errorReply(const std::string& id, const std::string& code, const std::string& message);
json pong(const std::string& id);
json eventMessage(std::int64_t seq, std::int64_t ts_ms, int sitting, std::string_view kind,
                  const json& data);
/// The same event as text, around data that is already JSON text (the stored log's payload
/// is sent as it is, without parsing it again).
std::string eventMessageText(std::int64_t seq, std::int64_t ts_ms, int sitting,
                             std::string_view kind, std::string_view dataJson);
/// {"type":"ok","id":…,"result":{"seq":N,"events":[…]}} around event texts (a command's reply).
std::string okEventsText(const std::string& id, std::int64_t seq,
                         const std::vector<std::string>& eventTexts);

}  // namespace chamber::protocol
