#pragma once
/// What clients ask the core to do. Each command names itself (`kName`, the wire name).
/// Who may send which command is decided in one place: Authorization.h.
#include <string>
#include <variant>
#include <vector>

#include "core/Model.h"

namespace chamber::core {

struct CreateSitting {
  static constexpr const char* kName = "sitting.create";
  int number = 0;
  std::string term, title, date, place;
  bool isPublic = true;
  std::vector<AgendaItem> agenda;
  std::string time;  ///< start, "07:30" in Vietnam (the portal's calendar file, the live page)
  std::optional<CouncilRules> rules;  ///< default: vietnameseDefaults()
  bool operator==(const CreateSitting&) const = default;
};
struct OpenSitting {
  static constexpr const char* kName = "sitting.open";
  bool operator==(const OpenSitting&) const = default;
};
struct SuspendSitting {
  static constexpr const char* kName = "sitting.suspend";
  std::string reason;
  bool operator==(const SuspendSitting&) const = default;
};
struct ResumeSitting {
  static constexpr const char* kName = "sitting.resume";
  bool operator==(const ResumeSitting&) const = default;
};
struct CloseSitting {
  static constexpr const char* kName = "sitting.close";
  bool operator==(const CloseSitting&) const = default;
};
/// A delegate checks in from the tablet (or out, with present = false).
struct CheckIn {
  static constexpr const char* kName = "attendance.checkin";
  bool present = true;
  bool operator==(const CheckIn&) const = default;
};
/// Roll call: the secretary or chair marks a delegate.
struct MarkAttendance {
  static constexpr const char* kName = "attendance.mark";
  std::string delegate;
  bool present = true;
  bool operator==(const MarkAttendance&) const = default;
};
struct ActivateItem {
  static constexpr const char* kName = "agenda.activate";
  std::string item;
  bool operator==(const ActivateItem&) const = default;
};
struct AttachDocument {
  static constexpr const char* kName = "document.attach";
  std::string item;
  DocumentRef document;
  bool operator==(const AttachDocument&) const = default;
};
struct SharePage {
  static constexpr const char* kName = "document.share_page";
  std::string sha256;
  int page = 0;
  bool operator==(const SharePage&) const = default;
};
struct RequestFloor {
  static constexpr const char* kName = "floor.request";
  std::string kind = "speech";
  bool operator==(const RequestFloor&) const = default;
};
struct CancelFloor {
  static constexpr const char* kName = "floor.cancel";
  bool operator==(const CancelFloor&) const = default;
};
/// Give the floor: to `person`, or (empty) to the head of the queue, points of order first.
struct GrantFloor {
  static constexpr const char* kName = "floor.grant";
  std::string person;
  std::string kind;  ///< empty: the kind requested, else "speech"
  bool operator==(const GrantFloor&) const = default;
};
/// End a turn: the chair ends anyone's, a speaker ends their own.
struct EndFloor {
  static constexpr const char* kName = "floor.end";
  std::string person;  ///< empty: the sender's own turn
  bool operator==(const EndFloor&) const = default;
};
struct SubmitQuestion {
  static constexpr const char* kName = "question.submit";
  std::string to, text;
  bool operator==(const SubmitQuestion&) const = default;
};
struct GroupQuestions {
  static constexpr const char* kName = "question.group";
  std::vector<std::string> questions;
  std::string group;
  bool operator==(const GroupQuestions&) const = default;
};
struct AnswerQuestion {
  static constexpr const char* kName = "question.answer";
  std::string question;
  std::string mode = "in_person";  ///< in_person, written (promise), written_answer
  std::string text;
  bool operator==(const AnswerQuestion&) const = default;
};
struct FollowUpQuestion {
  static constexpr const char* kName = "question.follow_up";
  std::string question, text;
  bool operator==(const FollowUpQuestion&) const = default;
};
struct CreateVote {
  static constexpr const char* kName = "vote.create";
  std::string item, title;
  VoteForm form = VoteForm::Open;
  VoteKind kind = VoteKind::Motion;
  std::string rule = "majority";
  std::vector<VoteOption> candidates;  ///< elections
  int maxChoices = 1;
  ResolutionKind resolution = ResolutionKind::None;  ///< a motion adopting a resolution
  bool operator==(const CreateVote&) const = default;
};
struct OpenVote {
  static constexpr const char* kName = "vote.open";
  std::string vote;
  bool operator==(const OpenVote&) const = default;
};
struct CastBallot {
  static constexpr const char* kName = "vote.cast";
  std::string vote;
  std::vector<std::string> choices;
  std::string delegate;  ///< optional; when given it must be the sender
  bool operator==(const CastBallot&) const = default;
};
struct CloseVote {
  static constexpr const char* kName = "vote.close";
  std::string vote;
  bool operator==(const CloseVote&) const = default;
};
struct ReportMediaState {
  static constexpr const char* kName = "media.report";
  std::string state, error, detail;
  std::string recording;                 ///< the file being recorded, if any
  std::int64_t recordingStarted_ms = 0;  ///< wall clock of its first frame
  bool operator==(const ReportMediaState&) const = default;
};

/// The chair starts or stops the recording (it also starts and stops with the sitting).
struct ControlRecording {
  static constexpr const char* kName = "media.recording";
  bool on = true;
  bool operator==(const ControlRecording&) const = default;
};

/// Staff let a seat sign in again at once after failed PINs (the throttle, core/Throttle.h).
struct ClearSignIn {
  static constexpr const char* kName = "signin.clear";
  int seat = 0;
  bool operator==(const ClearSignIn&) const = default;
};

/// Numbers the resolution a passed motion adopted (when the vote was not created as one).
struct NumberResolution {
  static constexpr const char* kName = "resolution.number";
  std::string vote;
  ResolutionKind kind = ResolutionKind::Individual;
  std::string title;  ///< the resolution's title; the vote's when empty
  int sitting = 0;    ///< 0: the current sitting
  bool operator==(const NumberResolution&) const = default;
};

/// Drafts a closed sitting's minutes from the log. `text` is never taken from the wire: the
/// store fills it from the events (Store::bindMinutes).
struct DraftMinutes {
  static constexpr const char* kName = "minutes.draft";
  int sitting = 0;
  std::string text, sha256;  ///< filled by the store, never from the wire
  bool operator==(const DraftMinutes&) const = default;
};

/// The secretary saves a corrected text; `base` is the sha256 of the version it started
/// from, so two editors cannot overwrite each other.
struct SaveMinutes {
  static constexpr const char* kName = "minutes.save";
  int sitting = 0;
  std::string text, base;
  std::string sha256;  ///< of `text`, filled by the store, never from the wire
  bool operator==(const SaveMinutes&) const = default;
};

/// The latest saved text becomes final: the one rendered to PDF and signed.
struct FinaliseMinutes {
  static constexpr const char* kName = "minutes.finalise";
  int sitting = 0;
  std::string sha256;  ///< the version the secretary read last (must be the latest)
  bool operator==(const FinaliseMinutes&) const = default;
};

/// The final minutes were rendered to a PDF, stored under `sha256` (chamberctl minutes --out).
struct RecordMinutesPdf {
  static constexpr const char* kName = "minutes.record_pdf";
  int sitting = 0;
  std::string sha256;
  std::int64_t size = 0;
  bool operator==(const RecordMinutesPdf&) const = default;
};

// --- Citizens' petitions (core/Petition.h): council-wide, not of a sitting -------------------

/// Staff set up the register: topics with the office that answers each, areas, answer days.
struct ConfigurePetitions {
  static constexpr const char* kName = "petition.configure";
  PetitionCatalogue catalogue;
  bool operator==(const ConfigurePetitions&) const = default;
};
/// A petition enters the register: from the portal (a citizen, channel "portal") or entered
/// by staff (channel meeting, post, office). The sender's name and contact never travel in
/// it: the server keeps them apart (store/Petitions.h).
struct SubmitPetition {
  static constexpr const char* kName = "petition.submit";
  std::string text, topic, area;
  std::string channel = "portal";
  std::string meeting;  ///< the voters' meeting (tiếp xúc cử tri) it was collected at
  bool operator==(const SubmitPetition&) const = default;
};
/// Moderated: accepted with the text to publish (personal data removed), topic and area
/// confirmed or corrected.
struct AcceptPetition {
  static constexpr const char* kName = "petition.accept";
  std::string code, publicText, topic, area;
  bool operator==(const AcceptPetition&) const = default;
};
struct RejectPetition {
  static constexpr const char* kName = "petition.reject";
  std::string code, reason;
  bool operator==(const RejectPetition&) const = default;
};
/// Routed to the office that must answer: the topic's when `responder` is empty; due
/// `answerDays` after today when `due` is empty.
struct AssignPetition {
  static constexpr const char* kName = "petition.assign";
  std::string code, responder, due;
  bool operator==(const AssignPetition&) const = default;
};
struct AnswerPetition {
  static constexpr const char* kName = "petition.answer";
  std::string code, text;
  bool operator==(const AnswerPetition&) const = default;
};
struct PublishPetition {
  static constexpr const char* kName = "petition.publish";
  std::string code;
  bool operator==(const PublishPetition&) const = default;
};
/// A duplicate joins another: its senders count there, its code follows the other.
struct MergePetition {
  static constexpr const char* kName = "petition.merge";
  std::string code, into;
  bool operator==(const MergePetition&) const = default;
};
struct LinkPetition {
  static constexpr const char* kName = "petition.link";
  std::string code;
  PetitionLink link;
  bool operator==(const LinkPetition&) const = default;
};

using Command =
    std::variant<CreateSitting, OpenSitting, SuspendSitting, ResumeSitting, CloseSitting, CheckIn,
                 MarkAttendance, ActivateItem, AttachDocument, SharePage, RequestFloor, CancelFloor,
                 GrantFloor, EndFloor, SubmitQuestion, GroupQuestions, AnswerQuestion,
                 FollowUpQuestion, CreateVote, OpenVote, CastBallot, CloseVote, ReportMediaState,
                 ControlRecording, ClearSignIn, NumberResolution, DraftMinutes, SaveMinutes,
                 FinaliseMinutes, RecordMinutesPdf, ConfigurePetitions, SubmitPetition,
                 AcceptPetition, RejectPetition, AssignPetition, AnswerPetition, PublishPetition,
                 MergePetition, LinkPetition>;

std::string_view nameOf(const Command& c);

}  // namespace chamber::core
