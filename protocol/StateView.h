#pragma once
/// The state as one client may see it (the `state.get` query): what its role allows,
/// never the choice of a secret ballot, never a classified paper to those not cleared.
#include <string>

#include "core/Model.h"
#include "protocol/Codec.h"

namespace chamber::protocol {

json stateView(const core::State& state, core::Role role, const std::string& self);

/// One sitting as a role sees it (the `current` of stateView; the portal's sitting page).
json sittingView(const core::Sitting& s, core::Role role, const std::string& self);

/// Whether a role may see anything of a sitting (closed sittings are hidden from the public).
bool sittingVisible(const core::Sitting& s, core::Role role);

}  // namespace chamber::protocol
