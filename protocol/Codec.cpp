#include "protocol/Codec.h"

#include <cmath>
#include <utility>

#include "protocol/Json.h"

namespace chamber::protocol {

namespace {

// Finds the alternative of Variant whose static name (via Name) equals `name`, decodes it.
template <class Variant, class Name, std::size_t... I>
std::optional<Variant> decodeByName(const std::string& name, const json& j, Name nameOf,
                                    std::index_sequence<I...>) {
  std::optional<Variant> out;
  auto tryOne = [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (out || name != nameOf(static_cast<const T*>(nullptr))) return;
    out = Variant{j.get<T>()};
  };
  (tryOne(std::type_identity<std::variant_alternative_t<I, Variant>>{}), ...);
  return out;
}

template <class Variant, class Name, std::size_t... I>
std::vector<std::string> names(Name nameOf, std::index_sequence<I...>) {
  return {
      std::string(nameOf(static_cast<const std::variant_alternative_t<I, Variant>*>(nullptr)))...};
}

constexpr auto kEventName = [](const auto* t) { return std::remove_pointer_t<decltype(t)>::kKind; };
constexpr auto kCommandName = [](const auto* t) {
  return std::remove_pointer_t<decltype(t)>::kName;
};

/// Every field of ours is an integer, a string, a bool or made of them: a number that is
/// not finite or too large for 64 bits is refused here (converting it to an integer would
/// be undefined behaviour — found by fuzz_protocol).
void checkNumbers(const json& j, int depth = 0) {
  if (depth > 64) throw DecodeError("bad_args", "nested too deeply");
  if (j.is_number_float()) {
    const double v = j.get<double>();
    if (!std::isfinite(v) || v >= 9.2e18 || v <= -9.2e18)
      throw DecodeError("bad_args", "number out of range");
  } else if (j.is_structured()) {
    for (const auto& e : j) checkNumbers(e, depth + 1);
  }
}

template <class Variant, class Name>
Variant decode(const std::string& name, const json& j, Name nameOf, const char* unknownCode) {
  if (!j.is_object()) throw DecodeError("bad_args", "arguments must be an object");
  checkNumbers(j);
  try {
    auto v = decodeByName<Variant>(name, j, nameOf,
                                   std::make_index_sequence<std::variant_size_v<Variant>>{});
    if (!v) throw DecodeError(unknownCode, "unknown name '" + name + "'");
    return std::move(*v);
  } catch (const json::exception& e) {
    throw DecodeError("bad_args", e.what());
  } catch (const std::invalid_argument& e) {
    throw DecodeError("bad_args", e.what());
  }
}

}  // namespace

int parseEnvelope(std::string_view text, std::span<const char* const> types, json& j) {
  j = json::parse(text, nullptr, false);
  if (j.is_discarded()) throw DecodeError("bad_json", "frame is not JSON");
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    throw DecodeError("bad_message", "a message is an object with a string \"type\"");
  const auto& type = j["type"].get_ref<const std::string&>();
  for (std::size_t i = 0; i < types.size(); ++i)
    if (type == types[i]) return static_cast<int>(i) + 1;
  throw DecodeError("unknown_type", "unknown message type '" + type + "'");
}

json encodeEventData(const core::EventData& e) {
  return std::visit([](const auto& v) { return json(v); }, e);
}

core::EventData decodeEvent(const std::string& kind, const json& data) {
  return decode<core::EventData>(kind, data, kEventName, "unknown_kind");
}

json encodeCommand(const core::Command& c) {
  return std::visit([](const auto& v) { return json{{"cmd", v.kName}, {"args", json(v)}}; }, c);
}

core::Command decodeCommand(const std::string& name, const json& args) {
  return decode<core::Command>(name, args, kCommandName, "unknown_command");
}

std::vector<std::string> commandNames() {
  return names<core::Command>(kCommandName,
                              std::make_index_sequence<std::variant_size_v<core::Command>>{});
}

std::vector<std::string> eventKinds() {
  return names<core::EventData>(kEventName,
                                std::make_index_sequence<std::variant_size_v<core::EventData>>{});
}

}  // namespace chamber::protocol
