#pragma once
/// Who may send which command: the one table of roles. Checks that depend on the state
/// ("only your own turn", "only for yourself") are in Session.cpp, next to the rule.
#include <optional>
#include <string_view>

#include "core/Commands.h"

namespace chamber::core {

std::optional<Error> authorize(Role role, const Command& command);

/// For documentation and tests: may this role send the named command at all?
bool roleMaySend(Role role, std::string_view commandName);

}  // namespace chamber::core
