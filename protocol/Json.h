#pragma once
/// JSON mappings of the core's types: the wire format of chamber.v1 and of the stored log.
///
/// Every field is named here explicitly, apart from the C++ member it fills: renaming a
/// member changes nothing on the wire; renaming a wire name breaks the golden fixtures
/// (tests/protocol/golden/). A field is either required (`req`: missing is `bad_args`) or
/// optional (`opt`: missing keeps the member's default). Wrong types are always `bad_args`;
/// fields we do not know are ignored (a newer peer may send more). Append only: a field added
/// later is `opt`, so the log written before it still decodes.
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/Commands.h"
#include "core/Events.h"

namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& o) {
    if (o)
      j = *o;
    else
      j = nullptr;
  }
  static void from_json(const json& j, std::optional<T>& o) {
    if (j.is_null())
      o.reset();
    else
      o = j.get<T>();
  }
};
}  // namespace nlohmann

namespace chamber::core {

using nlohmann::json;

// Roles by the core's one table of names (core/Types.cpp); an unknown name is an error.
inline void to_json(json& j, const Role& r) {
  j = std::string(roleName(r));
}
inline void from_json(const json& j, Role& r) {
  const auto& s = j.get_ref<const std::string&>();
  const auto role = roleFromName(s);
  if (!role) throw std::invalid_argument("unknown Role '" + s + "'");
  r = *role;
}
// Enums whose misspelling must not silently become another value (a "secrt" ballot must
// not become an open one): an unknown name is an error.
#define CHAMBER_STRICT_ENUM(E, ...)                                          \
  inline const std::vector<std::pair<E, const char*>>& E##Names() {          \
    static const std::vector<std::pair<E, const char*>> names = __VA_ARGS__; \
    return names;                                                            \
  }                                                                          \
  inline void to_json(json& j, const E& e) {                                 \
    for (const auto& [v, n] : E##Names())                                    \
      if (v == e) {                                                          \
        j = n;                                                               \
        return;                                                              \
      }                                                                      \
    j = nullptr;                                                             \
  }                                                                          \
  inline void from_json(const json& j, E& e) {                               \
    const auto& s = j.get_ref<const std::string&>();                         \
    for (const auto& [v, n] : E##Names())                                    \
      if (s == n) {                                                          \
        e = v;                                                               \
        return;                                                              \
      }                                                                      \
    throw std::invalid_argument("unknown " #E " '" + s + "'");               \
  }
CHAMBER_STRICT_ENUM(Base, {{Base::InOffice, "in_office"},
                           {Base::Seats, "seats"},
                           {Base::Present, "present"},
                           {Base::VotesCast, "votes_cast"}})
CHAMBER_STRICT_ENUM(VoteForm, {{VoteForm::Open, "open"},
                               {VoteForm::Named, "named"},
                               {VoteForm::Secret, "secret"}})
CHAMBER_STRICT_ENUM(ResolutionKind, {{ResolutionKind::None, "none"},
                                     {ResolutionKind::Individual, "individual"},
                                     {ResolutionKind::Normative, "normative"}})
CHAMBER_STRICT_ENUM(VoteKind, {{VoteKind::Motion, "motion"},
                               {VoteKind::Election, "election"},
                               {VoteKind::Confidence, "confidence"}})
#undef CHAMBER_STRICT_ENUM

/// One field of a wire table: its name on the wire, the member it fills, whether required,
/// and whether it was added to a message that had been stored before (written only when
/// it differs from its default, so the records of earlier releases encode as stored).
template <class T, class M>
struct WireField {
  const char* name;
  M T::*member;
  bool required;
  bool added = false;
};
template <class T, class M>
constexpr WireField<T, M> req(const char* name, M T::*member) {
  return {name, member, true};
}
template <class T, class M>
constexpr WireField<T, M> opt(const char* name, M T::*member) {
  return {name, member, false};
}
/// A field added after its message was first stored: optional, and left out when default.
template <class T, class M>
constexpr WireField<T, M> added(const char* name, M T::*member) {
  return {name, member, false, true};
}

/// Specialised (with CHAMBER_WIRE) for every type that travels as a JSON object.
template <class T>
struct Wire;
template <class T>
concept HasWire = requires {
  Wire<T>::fields;
};

template <HasWire T>
void wireToJson(json& j, const T& v) {
  j = json::object();
  auto one = [&](const auto& f) {
    if (f.added && v.*(f.member) == T{}.*(f.member)) return;
    j[f.name] = v.*(f.member);
  };
  std::apply([&](const auto&... f) { (one(f), ...); }, Wire<T>::fields);
}
template <HasWire T>
void wireFromJson(const json& j, T& v) {
  if (!j.is_object()) throw std::invalid_argument("expected an object");
  auto one = [&](const auto& f) {
    auto it = j.find(f.name);
    if (it == j.end()) {
      if (f.required) throw std::invalid_argument(std::string("missing field '") + f.name + "'");
      return;
    }
    try {
      it->get_to(v.*(f.member));
    } catch (const json::exception& e) {
      throw std::invalid_argument(std::string("field '") + f.name + "': " + e.what());
    }
  };
  std::apply([&](const auto&... f) { (one(f), ...); }, Wire<T>::fields);
}

template <HasWire T>
void to_json(json& j, const T& v) {
  wireToJson(j, v);
}
template <HasWire T>
void from_json(const json& j, T& v) {
  wireFromJson(j, v);
}

#define CHAMBER_WIRE(T, ...)                                     \
  template <>                                                    \
  struct Wire<T> {                                               \
    using S = T;                                                 \
    static constexpr auto fields = std::make_tuple(__VA_ARGS__); \
  };

// Model
CHAMBER_WIRE(Fraction, req("num", &S::num), req("den", &S::den))
CHAMBER_WIRE(VoteRule, opt("label", &S::label), opt("base", &S::base),
             opt("threshold", &S::threshold), opt("strict", &S::strict),
             opt("abstentionsCount", &S::abstentionsCount), opt("passOption", &S::passOption))
CHAMBER_WIRE(CouncilRules, opt("version", &S::version), opt("seats", &S::seats),
             opt("quorum", &S::quorum), opt("voteRules", &S::voteRules),
             opt("speakingLimit_s", &S::speakingLimit_s), opt("openMicLimit", &S::openMicLimit),
             opt("ballotChangeAllowed", &S::ballotChangeAllowed),
             opt("confidenceVotesEnabled", &S::confidenceVotesEnabled),
             opt("writtenAnswerDays", &S::writtenAnswerDays),
             opt("recordClosedSittings", &S::recordClosedSittings), added("council", &S::council),
             added("locality", &S::locality))
CHAMBER_WIRE(Delegate, req("id", &S::id), opt("seat", &S::seat), opt("name", &S::name),
             opt("title", &S::title), opt("role", &S::role), opt("inOffice", &S::inOffice))
CHAMBER_WIRE(Responder, req("id", &S::id), opt("name", &S::name), opt("title", &S::title))
CHAMBER_WIRE(DocumentRef, req("sha256", &S::sha256), opt("title", &S::title),
             opt("classified", &S::classified))
CHAMBER_WIRE(AgendaItem, req("id", &S::id), opt("parent", &S::parent), opt("title", &S::title),
             opt("presenter", &S::presenter), opt("documents", &S::documents))
CHAMBER_WIRE(VoteOption, req("key", &S::key), opt("label", &S::label))
CHAMBER_WIRE(PetitionTopic, req("key", &S::key), req("label", &S::label),
             opt("responder", &S::responder))
CHAMBER_WIRE(PetitionCatalogue, opt("topics", &S::topics), opt("areas", &S::areas),
             opt("answerDays", &S::answerDays))
CHAMBER_WIRE(PetitionLink, req("kind", &S::kind), req("ref", &S::ref))
CHAMBER_WIRE(OptionResult, req("key", &S::key), opt("label", &S::label), opt("count", &S::count),
             opt("base", &S::base), opt("elected", &S::elected), opt("percent", &S::percent),
             opt("line", &S::line))
CHAMBER_WIRE(NamedBallot, req("delegate", &S::delegate), opt("choices", &S::choices))
CHAMBER_WIRE(Tally, opt("rule", &S::rule), opt("ruleLabel", &S::ruleLabel), opt("base", &S::base),
             opt("seats", &S::seats), opt("inOffice", &S::inOffice), opt("present", &S::present),
             opt("cast", &S::cast), opt("absent", &S::absent), opt("notVoted", &S::notVoted),
             opt("issued", &S::issued), opt("valid", &S::valid), opt("invalid", &S::invalid),
             opt("options", &S::options), opt("passed", &S::passed), opt("tie", &S::tie),
             opt("named", &S::named))

// Events
CHAMBER_WIRE(SittingCreated, req("number", &S::number), opt("term", &S::term),
             opt("title", &S::title), opt("date", &S::date), opt("place", &S::place),
             opt("isPublic", &S::isPublic), opt("rules", &S::rules), opt("roster", &S::roster),
             opt("responders", &S::responders), opt("agenda", &S::agenda), added("time", &S::time))
CHAMBER_WIRE(SittingOpened)
CHAMBER_WIRE(SittingSuspended, opt("reason", &S::reason))
CHAMBER_WIRE(SittingResumed)
CHAMBER_WIRE(SittingClosed)
CHAMBER_WIRE(AttendanceChanged, req("delegate", &S::delegate), req("present", &S::present),
             opt("via", &S::via))
CHAMBER_WIRE(ItemActivated, req("item", &S::item))
CHAMBER_WIRE(DocumentAttached, req("item", &S::item), req("document", &S::document))
CHAMBER_WIRE(PageShared, req("sha256", &S::sha256), req("page", &S::page))
CHAMBER_WIRE(FloorRequested, req("delegate", &S::delegate), opt("kind", &S::kind))
CHAMBER_WIRE(FloorCancelled, req("delegate", &S::delegate))
CHAMBER_WIRE(FloorGranted, req("person", &S::person), opt("kind", &S::kind),
             opt("limit_s", &S::limit_s))
CHAMBER_WIRE(FloorEnded, req("person", &S::person))
CHAMBER_WIRE(QuestionSubmitted, req("question", &S::question), req("from", &S::from),
             req("to", &S::to), opt("text", &S::text))
CHAMBER_WIRE(QuestionsGrouped, req("questions", &S::questions), req("group", &S::group))
CHAMBER_WIRE(QuestionAnswered, req("question", &S::question), req("mode", &S::mode),
             opt("text", &S::text), opt("due_ms", &S::due_ms))
CHAMBER_WIRE(QuestionFollowedUp, req("question", &S::question), opt("text", &S::text))
CHAMBER_WIRE(VoteCreated, req("vote", &S::vote), opt("item", &S::item), opt("title", &S::title),
             opt("form", &S::form), opt("kind", &S::kind), opt("rule", &S::rule),
             opt("options", &S::options), opt("maxChoices", &S::maxChoices),
             added("resolution", &S::resolution))
CHAMBER_WIRE(VoteOpened, req("vote", &S::vote), opt("present", &S::present),
             opt("inOffice", &S::inOffice))
CHAMBER_WIRE(BallotCast, req("vote", &S::vote), req("delegate", &S::delegate),
             opt("choices", &S::choices))
CHAMBER_WIRE(VoteClosed, req("vote", &S::vote), req("tally", &S::tally))
CHAMBER_WIRE(VoteVoided, req("vote", &S::vote), opt("reason", &S::reason),
             opt("ballots", &S::ballots))
CHAMBER_WIRE(MediaStateChanged, req("state", &S::state), opt("error", &S::error),
             opt("detail", &S::detail), opt("recording", &S::recording),
             opt("recordingStarted_ms", &S::recordingStarted_ms))
CHAMBER_WIRE(RecordingControlled, opt("on", &S::on))
CHAMBER_WIRE(SignInCleared, req("seat", &S::seat))
CHAMBER_WIRE(ResolutionNumbered, req("vote", &S::vote), opt("item", &S::item),
             opt("title", &S::title), req("kind", &S::kind), req("year", &S::year),
             req("seq", &S::seq), req("number", &S::number))
CHAMBER_WIRE(MinutesDrafted, req("sha256", &S::sha256), req("text", &S::text))
CHAMBER_WIRE(MinutesSaved, req("version", &S::version), req("sha256", &S::sha256),
             req("text", &S::text))
CHAMBER_WIRE(MinutesPdfRecorded, req("version", &S::version), req("sha256", &S::sha256),
             req("size", &S::size))
CHAMBER_WIRE(MinutesFinalised, req("version", &S::version), req("sha256", &S::sha256),
             opt("diff", &S::diff))
CHAMBER_WIRE(PetitionsConfigured, req("catalogue", &S::catalogue))
CHAMBER_WIRE(PetitionReceived, req("code", &S::code), req("channel", &S::channel),
             opt("meeting", &S::meeting), req("text", &S::text), opt("topic", &S::topic),
             opt("area", &S::area), req("year", &S::year), req("seq", &S::seq))
CHAMBER_WIRE(PetitionAccepted, req("code", &S::code), req("publicText", &S::publicText),
             opt("topic", &S::topic), opt("area", &S::area))
CHAMBER_WIRE(PetitionRejected, req("code", &S::code), req("reason", &S::reason))
CHAMBER_WIRE(PetitionAssigned, req("code", &S::code), req("responder", &S::responder),
             req("due", &S::due))
CHAMBER_WIRE(PetitionAnswered, req("code", &S::code), req("text", &S::text), opt("by", &S::by))
CHAMBER_WIRE(PetitionPublished, req("code", &S::code))
CHAMBER_WIRE(PetitionMerged, req("code", &S::code), req("into", &S::into))
CHAMBER_WIRE(PetitionLinked, req("code", &S::code), req("link", &S::link))

// Commands
CHAMBER_WIRE(CreateSitting, req("number", &S::number), opt("term", &S::term),
             opt("title", &S::title), opt("date", &S::date), opt("place", &S::place),
             opt("isPublic", &S::isPublic), opt("agenda", &S::agenda), opt("rules", &S::rules),
             added("time", &S::time))
CHAMBER_WIRE(OpenSitting)
CHAMBER_WIRE(SuspendSitting, opt("reason", &S::reason))
CHAMBER_WIRE(ResumeSitting)
CHAMBER_WIRE(CloseSitting)
CHAMBER_WIRE(CheckIn, opt("present", &S::present))
CHAMBER_WIRE(MarkAttendance, req("delegate", &S::delegate), opt("present", &S::present))
CHAMBER_WIRE(ActivateItem, req("item", &S::item))
CHAMBER_WIRE(AttachDocument, req("item", &S::item), req("document", &S::document))
CHAMBER_WIRE(SharePage, req("sha256", &S::sha256), req("page", &S::page))
CHAMBER_WIRE(RequestFloor, opt("kind", &S::kind))
CHAMBER_WIRE(CancelFloor)
CHAMBER_WIRE(GrantFloor, opt("person", &S::person), opt("kind", &S::kind))
CHAMBER_WIRE(EndFloor, opt("person", &S::person))
CHAMBER_WIRE(SubmitQuestion, req("to", &S::to), req("text", &S::text))
CHAMBER_WIRE(GroupQuestions, req("questions", &S::questions), req("group", &S::group))
CHAMBER_WIRE(AnswerQuestion, req("question", &S::question), opt("mode", &S::mode),
             opt("text", &S::text))
CHAMBER_WIRE(FollowUpQuestion, req("question", &S::question), req("text", &S::text))
CHAMBER_WIRE(CreateVote, req("item", &S::item), req("title", &S::title), opt("form", &S::form),
             opt("kind", &S::kind), opt("rule", &S::rule), opt("candidates", &S::candidates),
             opt("maxChoices", &S::maxChoices), added("resolution", &S::resolution))
CHAMBER_WIRE(OpenVote, req("vote", &S::vote))
CHAMBER_WIRE(CastBallot, req("vote", &S::vote), req("choices", &S::choices),
             opt("delegate", &S::delegate))
CHAMBER_WIRE(CloseVote, req("vote", &S::vote))
CHAMBER_WIRE(ReportMediaState, req("state", &S::state), opt("error", &S::error),
             opt("detail", &S::detail), opt("recording", &S::recording),
             opt("recordingStarted_ms", &S::recordingStarted_ms))
CHAMBER_WIRE(ControlRecording, opt("on", &S::on))
CHAMBER_WIRE(ClearSignIn, req("seat", &S::seat))
CHAMBER_WIRE(NumberResolution, req("vote", &S::vote), req("kind", &S::kind),
             opt("title", &S::title), opt("sitting", &S::sitting))
// minutes.draft takes only the sitting from the wire: its text comes from the log.
CHAMBER_WIRE(DraftMinutes, req("sitting", &S::sitting))
CHAMBER_WIRE(SaveMinutes, req("sitting", &S::sitting), req("text", &S::text), req("base", &S::base))
CHAMBER_WIRE(FinaliseMinutes, req("sitting", &S::sitting), req("sha256", &S::sha256))
CHAMBER_WIRE(RecordMinutesPdf, req("sitting", &S::sitting), req("sha256", &S::sha256),
             req("size", &S::size))
CHAMBER_WIRE(ConfigurePetitions, req("catalogue", &S::catalogue))
CHAMBER_WIRE(SubmitPetition, req("text", &S::text), opt("topic", &S::topic), opt("area", &S::area),
             opt("channel", &S::channel), opt("meeting", &S::meeting))
CHAMBER_WIRE(AcceptPetition, req("code", &S::code), req("publicText", &S::publicText),
             opt("topic", &S::topic), opt("area", &S::area))
CHAMBER_WIRE(RejectPetition, req("code", &S::code), req("reason", &S::reason))
CHAMBER_WIRE(AssignPetition, req("code", &S::code), opt("responder", &S::responder),
             opt("due", &S::due))
CHAMBER_WIRE(AnswerPetition, req("code", &S::code), req("text", &S::text))
CHAMBER_WIRE(PublishPetition, req("code", &S::code))
CHAMBER_WIRE(MergePetition, req("code", &S::code), req("into", &S::into))
CHAMBER_WIRE(LinkPetition, req("code", &S::code), req("link", &S::link))
#undef CHAMBER_WIRE

/// A tally stored before options carried `percent` and `line` gets them when read, so every
/// peer shows the announcement as the server made it.
inline void from_json(const json& j, Tally& t) {
  wireFromJson(j, t);
  for (const auto& o : t.options)
    if (o.line.empty()) {
      announce(t);
      break;
    }
}

}  // namespace chamber::core
