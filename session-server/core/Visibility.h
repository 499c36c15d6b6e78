#pragma once
/// Who sees each event: one line per kind, and no catch-all. std::visit with kVisibility
/// does not compile for an event kind that has no line here, so a new event never becomes
/// public (or anything else) by default — tests/core/compile_fail shows it.
#include "core/Events.h"

namespace chamber::core {

/// Overloads for std::visit. Give every alternative its own line: a generic `auto`
/// lambda would quietly take the ones forgotten.
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// One line per event, as written: clang-format would spread each over three.
// clang-format off
inline constexpr Overloaded kVisibility{
  [](const BallotCast& b) { return Visibility{Audience::Staff, b.delegate}; },
  [](const DocumentAttached& d) {
    return Visibility{d.document.classified ? Audience::Cleared : Audience::Public, {}};
  },
  [](const PageShared&) { return Visibility{Audience::Members, {}}; },
  [](const FloorRequested&) { return Visibility{Audience::Members, {}}; },
  [](const FloorCancelled&) { return Visibility{Audience::Members, {}}; },
  [](const QuestionSubmitted&) { return Visibility{Audience::Members, {}}; },
  [](const QuestionsGrouped&) { return Visibility{Audience::Members, {}}; },
  [](const QuestionAnswered&) { return Visibility{Audience::Members, {}}; },
  [](const QuestionFollowedUp&) { return Visibility{Audience::Members, {}}; },
  [](const VoteCreated&) { return Visibility{Audience::Members, {}}; },
  [](const MediaStateChanged&) { return Visibility{Audience::Members, {}}; },
  [](const RecordingControlled&) { return Visibility{Audience::Members, {}}; },
  [](const SignInCleared&) { return Visibility{Audience::Staff, {}}; },
  // The minutes are the council's draft until signed and published (store/Publications).
  [](const MinutesDrafted&) { return Visibility{Audience::Staff, {}}; },
  [](const MinutesSaved&) { return Visibility{Audience::Staff, {}}; },
  [](const MinutesFinalised&) { return Visibility{Audience::Staff, {}}; },
  [](const MinutesPdfRecorded&) { return Visibility{Audience::Staff, {}}; },
  // The register of petitions is the staff's: what the public reads of it (moderated texts,
  // published answers) the server serves from the state, never these events.
  [](const PetitionsConfigured&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionReceived&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionAccepted&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionRejected&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionAssigned& e) { return Visibility{Audience::Staff, e.responder}; },
  [](const PetitionAnswered&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionPublished&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionMerged&) { return Visibility{Audience::Staff, {}}; },
  [](const PetitionLinked&) { return Visibility{Audience::Staff, {}}; },
  // Public, each on purpose. There is no catch-all: a new event without a line here
  // does not compile, so nothing becomes public by default.
  [](const SittingCreated&) { return Visibility{Audience::Public, {}}; },
  [](const SittingOpened&) { return Visibility{Audience::Public, {}}; },
  [](const SittingSuspended&) { return Visibility{Audience::Public, {}}; },
  [](const SittingResumed&) { return Visibility{Audience::Public, {}}; },
  [](const SittingClosed&) { return Visibility{Audience::Public, {}}; },
  [](const AttendanceChanged&) { return Visibility{Audience::Public, {}}; },
  [](const ItemActivated&) { return Visibility{Audience::Public, {}}; },
  [](const FloorGranted&) { return Visibility{Audience::Public, {}}; },
  [](const FloorEnded&) { return Visibility{Audience::Public, {}}; },
  [](const VoteOpened&) { return Visibility{Audience::Public, {}}; },
  [](const VoteClosed&) { return Visibility{Audience::Public, {}}; },
  [](const VoteVoided&) { return Visibility{Audience::Public, {}}; },
  [](const ResolutionNumbered&) { return Visibility{Audience::Public, {}}; },
};
// clang-format on

}  // namespace chamber::core
