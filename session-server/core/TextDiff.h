#pragma once
/// A line diff in the unified format (`diff -u`), for the minutes: what the secretary
/// changed in the generated draft is kept with the final text.
#include <string>

namespace chamber::core {

/// The unified diff from `a` to `b` (labels as given), with `context` lines around each
/// change; empty when the texts are the same.
std::string unifiedDiff(const std::string& a, const std::string& b, const std::string& labelA,
                        const std::string& labelB, int context = 3);

}  // namespace chamber::core
