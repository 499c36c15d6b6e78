#pragma once
/// Internal to the core: the parts of decide(), one per area, and their shared helpers.
#include "core/Session.h"

namespace chamber::core::detail {

struct Ctx {
  const State& state;
  const Actor& actor;
  std::int64_t now_ms;
  const Sitting* sitting;  ///< the current sitting, may be null
};

inline Decision fail(std::string code, std::string message) {
  Decision d;
  d.error = Error{std::move(code), std::move(message)};
  return d;
}

inline Decision emit(const Ctx& c, EventData e) {
  Decision d;
  d.sitting = c.sitting ? c.sitting->id : 0;
  d.events.push_back(std::move(e));
  return d;
}

/// Fails unless there is a current sitting in one of the given states.
std::optional<Decision> requireSitting(const Ctx& c, std::initializer_list<SittingStatus> allowed);

Decision decideFloor(const Ctx& c, const RequestFloor& cmd);
Decision decideFloor(const Ctx& c, const CancelFloor& cmd);
Decision decideFloor(const Ctx& c, const GrantFloor& cmd);
Decision decideFloor(const Ctx& c, const EndFloor& cmd);

Decision decideQuestion(const Ctx& c, const SubmitQuestion& cmd);
Decision decideQuestion(const Ctx& c, const GroupQuestions& cmd);
Decision decideQuestion(const Ctx& c, const AnswerQuestion& cmd);
Decision decideQuestion(const Ctx& c, const FollowUpQuestion& cmd);

Decision decideVote(const Ctx& c, const CreateVote& cmd);
Decision decideVote(const Ctx& c, const OpenVote& cmd);
Decision decideVote(const Ctx& c, const CastBallot& cmd);
Decision decideVote(const Ctx& c, const CloseVote& cmd);

/// The resolution a passed motion adopts, numbered next for its year (in Vietnam) and kind;
/// nothing for a vote that did not pass or is not a motion.
std::optional<ResolutionNumbered> numberResolution(const State& state, const Vote& v,
                                                   ResolutionKind kind, const std::string& title,
                                                   std::int64_t now_ms);
Decision decidePaper(const Ctx& c, const NumberResolution& cmd);
Decision decidePaper(const Ctx& c, const DraftMinutes& cmd);
Decision decidePaper(const Ctx& c, const SaveMinutes& cmd);
Decision decidePaper(const Ctx& c, const FinaliseMinutes& cmd);
Decision decidePaper(const Ctx& c, const RecordMinutesPdf& cmd);

Decision decidePetition(const Ctx& c, const ConfigurePetitions& cmd);
Decision decidePetition(const Ctx& c, const SubmitPetition& cmd);
Decision decidePetition(const Ctx& c, const AcceptPetition& cmd);
Decision decidePetition(const Ctx& c, const RejectPetition& cmd);
Decision decidePetition(const Ctx& c, const AssignPetition& cmd);
Decision decidePetition(const Ctx& c, const AnswerPetition& cmd);
Decision decidePetition(const Ctx& c, const PublishPetition& cmd);
Decision decidePetition(const Ctx& c, const MergePetition& cmd);
Decision decidePetition(const Ctx& c, const LinkPetition& cmd);

}  // namespace chamber::core::detail

namespace chamber::core {
/// Folds a petition event into the register (Petitions.cpp).
void applyPetition(State& state, const EventData& event, std::int64_t ts);
}  // namespace chamber::core
