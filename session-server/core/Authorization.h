#pragma once
/// Who may send which command: the one table of roles. Checks that depend on the state
/// ("only your own turn", "only for yourself") are in Session.cpp, next to the rule.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/Commands.h"
#include "core/Model.h"

namespace chamber::core {

std::optional<Error> authorize(Role role, const Command& command);

/// For documentation and tests: may this role send the named command at all? Also answers
/// for the actions below, which are not chamber.v1 commands but live in the same table.
bool roleMaySend(Role role, std::string_view commandName);

/// Uploading a document (HTTP PUT /api/documents): the roles that may attach one.
inline constexpr const char* kUploadDocument = "document.upload";

/// Is a non-classified document on the agenda of a public sitting?
bool publiclyAttached(const State& state, const std::string& sha256);

/// Who may read a stored document: a classified ("mật") one only the cleared roles; any
/// other every signed-in role; the public (`role` Public: no token) only one on a public
/// sitting's agenda or one the council published. `published` is asked only when it decides.
bool mayReadDocument(const State& state, Role role, const std::string& sha256, bool classified,
                     const std::function<bool()>& published);

}  // namespace chamber::core
