#pragma once
/// Every change of a sitting is one of these events, appended to the log.
/// Append only: never change the meaning of a kind that has been written; add a new one.
/// The envelope (seq, time, sitting, actor, hashes) lives in the store.
#include <string>
#include <variant>
#include <vector>

#include "core/Model.h"

namespace chamber::core {

struct SittingCreated {
  static constexpr const char* kKind = "sitting.created";
  int number = 0;
  std::string term, title, date, place;
  bool isPublic = true;
  CouncilRules rules;
  std::vector<Delegate> roster;
  std::vector<Responder> responders;
  std::vector<AgendaItem> agenda;
  std::string time;  ///< start "07:30" in Vietnam (added in schema 7's release)
  bool operator==(const SittingCreated&) const = default;
};
struct SittingOpened {
  static constexpr const char* kKind = "sitting.opened";
  bool operator==(const SittingOpened&) const = default;
};
struct SittingSuspended {
  static constexpr const char* kKind = "sitting.suspended";
  std::string reason;
  bool operator==(const SittingSuspended&) const = default;
};
struct SittingResumed {
  static constexpr const char* kKind = "sitting.resumed";
  bool operator==(const SittingResumed&) const = default;
};
struct SittingClosed {
  static constexpr const char* kKind = "sitting.closed";
  bool operator==(const SittingClosed&) const = default;
};
/// A delegate checked in, was marked at roll call, or left.
struct AttendanceChanged {
  static constexpr const char* kKind = "attendance.changed";
  std::string delegate;
  bool present = false;
  std::string via;  ///< "checkin", "rollcall", "checkout"
  bool operator==(const AttendanceChanged&) const = default;
};
struct ItemActivated {
  static constexpr const char* kKind = "agenda.activated";
  std::string item;
  bool operator==(const ItemActivated&) const = default;
};
struct DocumentAttached {
  static constexpr const char* kKind = "document.attached";
  std::string item;
  DocumentRef document;
  bool operator==(const DocumentAttached&) const = default;
};
/// The presenter shows a page: tablets follow unless the delegate moved away.
struct PageShared {
  static constexpr const char* kKind = "document.page_shared";
  std::string sha256;
  int page = 0;
  bool operator==(const PageShared&) const = default;
};
struct FloorRequested {
  static constexpr const char* kKind = "floor.requested";
  std::string delegate;
  std::string kind;
  bool operator==(const FloorRequested&) const = default;
};
struct FloorCancelled {
  static constexpr const char* kKind = "floor.cancelled";
  std::string delegate;
  bool operator==(const FloorCancelled&) const = default;
};
struct FloorGranted {
  static constexpr const char* kKind = "floor.granted";
  std::string person;
  std::string kind;
  int limit_s = 0;
  bool operator==(const FloorGranted&) const = default;
};
struct FloorEnded {
  static constexpr const char* kKind = "floor.ended";
  std::string person;
  bool operator==(const FloorEnded&) const = default;
};
struct QuestionSubmitted {
  static constexpr const char* kKind = "question.submitted";
  std::string question, from, to, text;
  bool operator==(const QuestionSubmitted&) const = default;
};
struct QuestionsGrouped {
  static constexpr const char* kKind = "question.grouped";
  std::vector<std::string> questions;
  std::string group;
  bool operator==(const QuestionsGrouped&) const = default;
};
/// mode "in_person": answered at the sitting; "written": to be answered in writing by due_ms;
/// "written_answer": the written answer arrived.
struct QuestionAnswered {
  static constexpr const char* kKind = "question.answered";
  std::string question, mode, text;
  std::int64_t due_ms = 0;
  bool operator==(const QuestionAnswered&) const = default;
};
struct QuestionFollowedUp {
  static constexpr const char* kKind = "question.followed_up";
  std::string question, text;
  bool operator==(const QuestionFollowedUp&) const = default;
};
struct VoteCreated {
  static constexpr const char* kKind = "vote.created";
  std::string vote, item, title;
  VoteForm form = VoteForm::Open;
  VoteKind kind = VoteKind::Motion;
  std::string rule;
  std::vector<VoteOption> options;
  int maxChoices = 1;
  ResolutionKind resolution = ResolutionKind::None;  ///< numbered when it passes
  bool operator==(const VoteCreated&) const = default;
};
struct VoteOpened {
  static constexpr const char* kKind = "vote.opened";
  std::string vote;
  int present = 0;
  int inOffice = 0;
  bool operator==(const VoteOpened&) const = default;
};
/// A ballot was cast. For a secret ballot `choices` is empty: the choice is counted in the
/// server's memory only (store/SecretBallots) and never written anywhere.
struct BallotCast {
  static constexpr const char* kKind = "ballot.cast";
  std::string vote, delegate;
  std::vector<std::string> choices;
  bool operator==(const BallotCast&) const = default;
};
struct VoteClosed {
  static constexpr const char* kKind = "vote.closed";
  std::string vote;
  Tally tally;
  bool operator==(const VoteClosed&) const = default;
};
/// A vote that can no longer be counted: a secret ballot open when the server stopped (its
/// choices lived only in memory). Its ballots count for nothing; it must be run again.
struct VoteVoided {
  static constexpr const char* kKind = "vote.voided";
  std::string vote;
  std::string reason;  ///< stable code: "server_restart"
  int ballots = 0;     ///< ballots cast before it was voided
  bool operator==(const VoteVoided&) const = default;
};
/// Staff cleared a seat's sign-in throttle (who did it is in the log's actor).
struct SignInCleared {
  static constexpr const char* kKind = "signin.cleared";
  int seat = 0;
  bool operator==(const SignInCleared&) const = default;
};
/// The system gave an adopted resolution its number (in the sitting of the vote).
struct ResolutionNumbered {
  static constexpr const char* kKind = "resolution.numbered";
  std::string vote, item, title;
  ResolutionKind kind = ResolutionKind::Individual;
  int year = 0;
  int seq = 0;
  std::string number;  ///< "12/NQ-HĐND", "21/2024/NQ-HĐND"
  bool operator==(const ResolutionNumbered&) const = default;
};
/// The minutes' draft, generated from the log when the sitting closed (version 0).
struct MinutesDrafted {
  static constexpr const char* kKind = "minutes.drafted";
  std::string sha256, text;
  bool operator==(const MinutesDrafted&) const = default;
};
/// The secretary saved a corrected text of the minutes.
struct MinutesSaved {
  static constexpr const char* kKind = "minutes.saved";
  int version = 0;
  std::string sha256, text;
  bool operator==(const MinutesSaved&) const = default;
};
/// The text to be signed: no more edits. `diff` is the draft → final, kept with it.
struct MinutesFinalised {
  static constexpr const char* kKind = "minutes.finalised";
  int version = 0;
  std::string sha256, diff;
  bool operator==(const MinutesFinalised&) const = default;
};
/// The final text was rendered to this PDF (stored): signed copies of it are recognised.
struct MinutesPdfRecorded {
  static constexpr const char* kKind = "minutes.pdf_recorded";
  int version = 0;
  std::string sha256;
  std::int64_t size = 0;
  bool operator==(const MinutesPdfRecorded&) const = default;
};
/// The media process's state. While recording, `recording` names the file and
/// `recordingStarted_ms` is the wall-clock time of its first frame: any event's position in
/// the recording is (event ts − recordingStarted_ms).
struct MediaStateChanged {
  static constexpr const char* kKind = "media.state";
  /// `detail` of the first report of a media process that has just started: an "idle" with
  /// it is no stop of a recording (a recording before it that was never stopped was lost).
  static constexpr const char* kProcessStarted = "process_started";
  std::string state, error, detail;
  std::string recording;
  std::int64_t recordingStarted_ms = 0;
  bool operator==(const MediaStateChanged&) const = default;
};

struct RecordingControlled {
  static constexpr const char* kKind = "media.recording_requested";
  bool on = true;
  bool operator==(const RecordingControlled&) const = default;
};

// --- Citizens' petitions (council-wide: sitting 0) -------------------------------------------
struct PetitionsConfigured {
  static constexpr const char* kKind = "petition.configured";
  PetitionCatalogue catalogue;
  bool operator==(const PetitionsConfigured&) const = default;
};
/// `code` is "KN-<year>-<seq, 4 digits>", `seq` counting from 1 each year (in Vietnam).
struct PetitionReceived {
  static constexpr const char* kKind = "petition.received";
  std::string code, channel, meeting, text, topic, area;
  int year = 0, seq = 0;
  bool operator==(const PetitionReceived&) const = default;
};
struct PetitionAccepted {
  static constexpr const char* kKind = "petition.accepted";
  std::string code, publicText, topic, area;
  bool operator==(const PetitionAccepted&) const = default;
};
struct PetitionRejected {
  static constexpr const char* kKind = "petition.rejected";
  std::string code, reason;
  bool operator==(const PetitionRejected&) const = default;
};
struct PetitionAssigned {
  static constexpr const char* kKind = "petition.assigned";
  std::string code, responder, due;
  bool operator==(const PetitionAssigned&) const = default;
};
struct PetitionAnswered {
  static constexpr const char* kKind = "petition.answered";
  std::string code, text, by;
  bool operator==(const PetitionAnswered&) const = default;
};
struct PetitionPublished {
  static constexpr const char* kKind = "petition.published";
  std::string code;
  bool operator==(const PetitionPublished&) const = default;
};
struct PetitionMerged {
  static constexpr const char* kKind = "petition.merged";
  std::string code, into;
  bool operator==(const PetitionMerged&) const = default;
};
struct PetitionLinked {
  static constexpr const char* kKind = "petition.linked";
  std::string code;
  PetitionLink link;
  bool operator==(const PetitionLinked&) const = default;
};

using EventData =
    std::variant<SittingCreated, SittingOpened, SittingSuspended, SittingResumed, SittingClosed,
                 AttendanceChanged, ItemActivated, DocumentAttached, PageShared, FloorRequested,
                 FloorCancelled, FloorGranted, FloorEnded, QuestionSubmitted, QuestionsGrouped,
                 QuestionAnswered, QuestionFollowedUp, VoteCreated, VoteOpened, BallotCast,
                 VoteClosed, MediaStateChanged, RecordingControlled, VoteVoided, SignInCleared,
                 ResolutionNumbered, MinutesDrafted, MinutesSaved, MinutesFinalised,
                 MinutesPdfRecorded, PetitionsConfigured, PetitionReceived, PetitionAccepted,
                 PetitionRejected, PetitionAssigned, PetitionAnswered, PetitionPublished,
                 PetitionMerged, PetitionLinked>;

std::string_view kindOf(const EventData& e);

/// Who may see an event, and the one person who also sees it (e.g. the voter).
struct Visibility {
  Audience audience = Audience::Public;
  std::string subject;
};
Visibility visibilityOf(const EventData& e);

}  // namespace chamber::core
