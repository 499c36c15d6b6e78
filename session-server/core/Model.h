#pragma once
/// The state of the council and its sittings, as rebuilt from the event log.
/// Data only; Session.h decides and applies.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/Petition.h"
#include "core/Rules.h"
#include "core/Tally.h"
#include "core/Types.h"

namespace chamber::core {

/// A council member (đại biểu), chair and secretaries included.
struct Delegate {
  std::string id;     ///< stable, e.g. "db01"
  int seat = 0;       ///< seat number in the hall
  std::string name;   ///< full name, Vietnamese
  std::string title;  ///< e.g. "Chủ tịch HĐND xã"
  Role role = Role::Delegate;
  bool inOffice = true;
  bool operator==(const Delegate&) const = default;
};

/// An official who answers interpellations (People's Committee).
struct Responder {
  std::string id;
  std::string name;
  std::string title;
  bool operator==(const Responder&) const = default;
};

/// A document attached to an agenda item, stored under its SHA-256.
struct DocumentRef {
  std::string sha256;
  std::string title;
  bool classified = false;
  bool operator==(const DocumentRef&) const = default;
};

/// One node of the agenda tree; `parent` is empty for top-level items.
struct AgendaItem {
  std::string id;  ///< "1", "1.2", …
  std::string parent;
  std::string title;
  std::string presenter;
  std::vector<DocumentRef> documents;
  bool operator==(const AgendaItem&) const = default;
};

struct Presence {
  bool present = false;
  std::string via;  ///< "checkin", "rollcall", "checkout"
  std::int64_t at_ms = 0;
};

struct FloorRequest {
  std::string delegate;
  std::string kind;  ///< "speech", "point_of_order", …
  std::int64_t at_ms = 0;
};

struct Speaker {
  std::string person;  ///< delegate or responder id
  std::string kind;
  std::int64_t since_ms = 0;
  int limit_s = 0;  ///< 0: no limit (the chair)
};

enum class QuestionStatus {
  Submitted = 1,
  Answered,        ///< answered in person at the sitting
  FollowUp,        ///< the delegate asked again; awaiting an answer
  WrittenPending,  ///< to be answered in writing by `due_ms`
  AnsweredWritten,
};

struct Question {
  std::string id;
  std::string from;  ///< delegate id
  std::string to;    ///< responder id
  std::string text;
  std::string group;
  QuestionStatus status = QuestionStatus::Submitted;
  std::vector<std::string> answers;
  std::vector<std::string> followUps;
  std::int64_t due_ms = 0;
};

enum class VoteForm { Open = 1, Named, Secret };
enum class VoteKind { Motion = 1, Election, Confidence };
enum class VoteStatus { Draft = 1, Open, Closed, Voided };

/// Nghị quyết cá biệt (individual, "12/NQ-HĐND") or quy phạm pháp luật (normative,
/// "21/2024/NQ-HĐND"). A vote created with one is a resolution; None is any other motion.
enum class ResolutionKind { None = 0, Individual, Normative };

struct Vote {
  std::string id;
  std::string item;
  std::string title;
  VoteForm form = VoteForm::Open;
  VoteKind kind = VoteKind::Motion;
  std::string rule;  ///< key into CouncilRules::voteRules
  std::vector<VoteOption> options;
  int maxChoices = 1;
  VoteStatus status = VoteStatus::Draft;
  int present = 0;  ///< snapshot when opened
  int inOffice = 0;
  std::set<std::string> voted;  ///< turnout: who has cast a ballot (never what)
  std::map<std::string, std::vector<std::string>> choiceOf;  ///< empty for secret ballots
  std::map<std::string, int> counts;                         ///< per option key
  int ballots = 0;
  std::optional<Tally> result;
  std::string voidedReason;                          ///< why a voided vote could not be counted
  ResolutionKind resolution = ResolutionKind::None;  ///< numbered when it passes
};

enum class SittingStatus { Scheduled = 1, Open, Suspended, Closed };

/// A resolution the council adopted, with the number the system gave it.
struct Resolution {
  std::string number;  ///< "12/NQ-HĐND", "21/2024/NQ-HĐND"
  ResolutionKind kind = ResolutionKind::Individual;
  int year = 0;
  int seq = 0;  ///< per year and per kind, from 1
  int sitting = 0;
  std::string vote, item, title;
  std::int64_t numbered_ms = 0;
};

/// The minutes (biên bản) of a sitting: the draft generated from the log, each version the
/// secretary saved, and the final one. Texts are the structured text of core/Minutes.h.
struct Minutes {
  struct Version {
    int version = 0;  ///< 0 is the generated draft
    std::string sha256, text;
    std::int64_t at_ms = 0;
  };
  std::vector<Version> versions;  ///< [0] is the draft; empty before the sitting closed
  int finalVersion = -1;          ///< -1 until finalised
  std::string diff;               ///< draft → final, unified, kept with the final text
  struct Pdf {
    int version = 0;
    std::string sha256;     ///< the unsigned PDF as rendered (store/Documents); signed copies
    std::int64_t size = 0;  ///< begin with exactly these bytes (signatures are appended)
  };
  std::vector<Pdf> pdfs;
  const Version* latest() const { return versions.empty() ? nullptr : &versions.back(); }
};

/// Orders ids made of a letter and a number ("v2" before "v10", "q9" before "q11"): shorter
/// first, then by text. Votes and questions are listed in this order everywhere.
struct ByNumber {
  bool operator()(const std::string& a, const std::string& b) const {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }
};

struct Sitting {
  int id = 0;
  int number = 0;    ///< kỳ họp thứ …
  std::string term;  ///< nhiệm kỳ, e.g. "2026-2031"
  std::string title;
  std::string date;  ///< ISO date
  std::string time;  ///< start time "07:30" (Vietnam), may be empty
  std::string place;
  bool isPublic = true;
  SittingStatus status = SittingStatus::Scheduled;
  CouncilRules rules;
  std::vector<Delegate> roster;
  std::vector<Responder> responders;
  std::vector<AgendaItem> agenda;
  std::string activeItem;
  std::map<std::string, Presence> attendance;
  std::vector<FloorRequest> queue;
  std::vector<Speaker> speakers;
  std::map<std::string, Question, ByNumber> questions;
  int nextQuestion = 1;
  std::map<std::string, Vote, ByNumber> votes;
  int nextVote = 1;
  std::string openVote;  ///< at most one vote is open
  struct Shared {
    std::string sha256;
    int page = 0;
  } shared;  ///< follow the presenter
  Minutes minutes;
  /// id -> index into roster; rebuilt by indexRoster() (a 500-seat chamber looks up often).
  std::unordered_map<std::string, std::size_t> rosterIndex;
  void indexRoster();

  const Delegate* delegate(const std::string& id) const;
  const Responder* responder(const std::string& id) const;
  AgendaItem* item(const std::string& id);
  int inOfficeCount() const;
  int presentCount() const;  ///< present and in office
  int seatCount() const;
  bool quorate() const;
  bool isPresent(const std::string& delegateId) const;
};

/// The media process's own state, as it reports it.
struct MediaState {
  std::string state = "idle";  ///< idle, starting, live, reconnecting, failed
  std::string error;
  std::string detail;
  std::string recording;
  std::int64_t recordingStarted_ms = 0;
  bool recordingRequested = false;  ///< by the sitting's opening or the chair's command
};

/// Everything the server holds: the council's roster and every sitting.
struct State {
  std::vector<Delegate> council;  ///< used when a sitting is created
  std::vector<Responder> responders;
  std::map<int, Sitting> sittings;
  MediaState media;
  std::vector<Resolution> resolutions;  ///< in the order numbered
  /// The last number given, per year and kind: numbers restart on 1 January.
  std::map<std::pair<int, ResolutionKind>, int> lastResolution;
  Petitions petitions;  ///< citizens' petitions, council-wide

  /// The sitting commands go to: the latest not closed, else the latest.
  Sitting* current();
  const Sitting* current() const;
  const Sitting* sitting(int id) const;
  /// An office on the council's list (People's Committee officials who answer), or nullptr.
  const Responder* responder(const std::string& id) const;
};

/// Whether what the cameras see now may reach the public (live HLS, RTMP): not while the
/// current sitting is closed to the public (họp kín).
bool livePublic(const State& state);

std::string_view name(QuestionStatus s);
std::string_view name(VoteForm f);
std::string_view name(VoteKind k);
std::string_view name(VoteStatus s);
std::string_view name(SittingStatus s);
std::string_view name(Base b);
std::string_view name(ResolutionKind k);

}  // namespace chamber::core
