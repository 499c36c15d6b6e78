#pragma once
/// Whole numbers from the TOML files people edit (hardware descriptions, council rules).
/// toml++ converts a float to an integer with a plain cast, undefined for 1e300 (found by
/// fuzz_toml): a whole number must be written as one, and in range, or it is an error.
#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace chamber::tomlnum {

/// The node's integer if it is one within [lo, hi]; nullopt if the node is absent; throws
/// std::runtime_error naming `what` for anything else (a float, a string, out of range).
template <class Node>
std::optional<std::int64_t> wholeNumber(const Node& node, const std::string& what, std::int64_t lo,
                                        std::int64_t hi) {
  if (!node) return std::nullopt;
  const auto v = node.template value_exact<std::int64_t>();
  if (!v || *v < lo || *v > hi)
    throw std::runtime_error(what + ": một số nguyên từ " + std::to_string(lo) + " đến " +
                             std::to_string(hi) + " / a whole number from " + std::to_string(lo) +
                             " to " + std::to_string(hi));
  return v;
}

}  // namespace chamber::tomlnum
