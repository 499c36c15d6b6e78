#pragma once
/// JSON mappings of the core's types (nlohmann). Field names on the wire are the C++
/// member names. Decoding is lenient about missing fields (they keep their defaults) and
/// strict about types (a wrong type is `bad_args`).
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/Commands.h"
#include "core/Events.h"

namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& o) {
    if (o) j = *o;
    else j = nullptr;
  }
  static void from_json(const json& j, std::optional<T>& o) {
    if (j.is_null()) o.reset();
    else o = j.get<T>();
  }
};
}  // namespace nlohmann

namespace chamber::core {

using nlohmann::json;

NLOHMANN_JSON_SERIALIZE_ENUM(Role, {{Role::Public, "public"},
                                    {Role::Chair, "chair"},
                                    {Role::ViceChair, "vice_chair"},
                                    {Role::Secretary, "secretary"},
                                    {Role::Delegate, "delegate"},
                                    {Role::Responder, "responder"},
                                    {Role::Operator, "operator"},
                                    {Role::Media, "media"},
                                    {Role::Display, "display"}})
// Enums whose misspelling must not silently become another value (a "secrt" ballot must
// not become an open one): an unknown name is an error.
#define CHAMBER_STRICT_ENUM(E, ...)                                                   \
  inline const std::vector<std::pair<E, const char*>>& E##Names() {                 \
    static const std::vector<std::pair<E, const char*>> names = __VA_ARGS__;         \
    return names;                                                                    \
  }                                                                                  \
  inline void to_json(json& j, const E& e) {                                         \
    for (const auto& [v, n] : E##Names())                                            \
      if (v == e) { j = n; return; }                                                 \
    j = nullptr;                                                                     \
  }                                                                                  \
  inline void from_json(const json& j, E& e) {                                       \
    const auto& s = j.get_ref<const std::string&>();                                 \
    for (const auto& [v, n] : E##Names())                                            \
      if (s == n) { e = v; return; }                                                 \
    throw std::invalid_argument("unknown " #E " '" + s + "'");                       \
  }
CHAMBER_STRICT_ENUM(Base, {{Base::InOffice, "in_office"}, {Base::Seats, "seats"},
                           {Base::Present, "present"}, {Base::VotesCast, "votes_cast"}})
CHAMBER_STRICT_ENUM(VoteForm, {{VoteForm::Open, "open"}, {VoteForm::Named, "named"},
                               {VoteForm::Secret, "secret"}})
CHAMBER_STRICT_ENUM(VoteKind, {{VoteKind::Motion, "motion"}, {VoteKind::Election, "election"},
                               {VoteKind::Confidence, "confidence"}})
#undef CHAMBER_STRICT_ENUM

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Fraction, num, den)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteRule, label, base, threshold, strict,
                                                abstentionsCount, passOption)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CouncilRules, version, seats, quorum, voteRules,
                                                speakingLimit_s, openMicLimit, ballotChangeAllowed,
                                                confidenceVotesEnabled, writtenAnswerDays,
                                                recordClosedSittings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Delegate, id, seat, name, title, role, inOffice)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Responder, id, name, title)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DocumentRef, sha256, title, classified)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AgendaItem, id, parent, title, presenter, documents)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteOption, key, label)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OptionResult, key, label, count, base, elected)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(NamedBallot, delegate, choices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Tally, rule, ruleLabel, base, seats, inOffice,
                                                present, cast, absent, notVoted, issued, valid,
                                                invalid, options, passed, tie, named)

// Events
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SittingCreated, number, term, title, date, place,
                                                isPublic, rules, roster, responders, agenda)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SittingSuspended, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AttendanceChanged, delegate, present, via)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ItemActivated, item)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DocumentAttached, item, document)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PageShared, sha256, page)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FloorRequested, delegate, kind)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FloorCancelled, delegate)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FloorGranted, person, kind, limit_s)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FloorEnded, person)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(QuestionSubmitted, question, from, to, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(QuestionsGrouped, questions, group)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(QuestionAnswered, question, mode, text, due_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(QuestionFollowedUp, question, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteCreated, vote, item, title, form, kind, rule,
                                                options, maxChoices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteOpened, vote, present, inOffice)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BallotCast, vote, delegate, choices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteClosed, vote, tally)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VoteVoided, vote, reason, ballots)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MediaStateChanged, state, error, detail, recording,
                                                recordingStarted_ms)

// Commands
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CreateSitting, number, term, title, date, place,
                                                isPublic, agenda, rules)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SuspendSitting, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CheckIn, present)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MarkAttendance, delegate, present)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ActivateItem, item)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AttachDocument, item, document)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SharePage, sha256, page)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RequestFloor, kind)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GrantFloor, person, kind)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EndFloor, person)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SubmitQuestion, to, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GroupQuestions, questions, group)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AnswerQuestion, question, mode, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FollowUpQuestion, question, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CreateVote, item, title, form, kind, rule,
                                                candidates, maxChoices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OpenVote, vote)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CastBallot, vote, choices, delegate)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CloseVote, vote)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportMediaState, state, error, detail, recording,
                                                recordingStarted_ms)

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RecordingControlled, on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ControlRecording, on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ClearSignIn, seat)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SignInCleared, seat)

// Messages without fields travel as {}.
#define CHAMBER_EMPTY_JSON(T)                                      \
  inline void to_json(json& j, const T&) { j = json::object(); } \
  inline void from_json(const json&, T&) {}
CHAMBER_EMPTY_JSON(SittingOpened)
CHAMBER_EMPTY_JSON(SittingResumed)
CHAMBER_EMPTY_JSON(SittingClosed)
CHAMBER_EMPTY_JSON(OpenSitting)
CHAMBER_EMPTY_JSON(ResumeSitting)
CHAMBER_EMPTY_JSON(CloseSitting)
CHAMBER_EMPTY_JSON(CancelFloor)
#undef CHAMBER_EMPTY_JSON

}  // namespace chamber::core
