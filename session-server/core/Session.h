#pragma once
/// The core's two functions: decide(state, actor, command, now) -> events or an error,
/// and apply(state, event) -> state. No I/O, no clock, no threads.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/Commands.h"
#include "core/Events.h"

namespace chamber::core {

/// The choice of a secret ballot. It travels beside the events, never inside them, and is
/// counted in memory only, never stored (see store/SecretBallots.h).
struct SecretChoice {
  std::string vote;
  std::vector<std::string> choices;
};

struct Decision {
  std::vector<EventData> events;
  int sitting = 0;  ///< the sitting the events belong to; 0 for council-wide events
  std::optional<SecretChoice> secret;
  std::optional<Error> error;
  bool ok() const { return !error.has_value(); }
};

/// Decides a command against the state. Never changes the state.
/// Authorization (Authorization.h) is checked here too, so no caller can forget it.
Decision decide(const State& state, const Actor& actor, const Command& command,
                std::int64_t now_ms);

/// Folds one event into the state. `sitting` is the event's sitting (0: council-wide).
/// For SittingCreated, `sitting` is the id of the new sitting.
void apply(State& state, int sitting, const EventData& event, std::int64_t ts_ms);

/// Counts a secret ballot's choice (after its BallotCast event was applied).
void applySecretChoice(State& state, int sitting, const SecretChoice& choice);

/// Secret votes found open when a server starts: their choices were in the memory of the
/// process that stopped, so they cannot be counted. One decision per such vote, voiding it
/// (the chair runs it again). Recorded by the server at start, never by chamberctl.
std::vector<Decision> voidInterruptedSecretVotes(const State& state);

/// The tally of a vote as it stands (used when it closes).
Tally tallyOf(const Sitting& sitting, const Vote& vote);

}  // namespace chamber::core
