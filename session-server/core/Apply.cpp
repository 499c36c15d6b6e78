// apply(): folds one event into the state. Events are facts: nothing here refuses.
#include <algorithm>

#include "core/Decide.h"
#include "core/Session.h"

namespace chamber::core {

namespace {

void eraseSpeaker(Sitting& s, const std::string& who) {
  std::erase_if(s.speakers, [&](const Speaker& sp) { return sp.person == who; });
}

void eraseRequest(Sitting& s, const std::string& who) {
  std::erase_if(s.queue, [&](const FloorRequest& r) { return r.delegate == who; });
}

struct Applier {
  State& state;
  Sitting* s;  // null only for SittingCreated and council-wide events
  int sittingId;
  std::int64_t ts;

  void operator()(const SittingCreated& e) {
    Sitting n;
    n.id = sittingId;
    n.number = e.number;
    n.term = e.term;
    n.title = e.title;
    n.date = e.date;
    n.time = e.time;
    n.place = e.place;
    n.isPublic = e.isPublic;
    n.rules = e.rules;
    n.roster = e.roster;
    n.responders = e.responders;
    n.agenda = e.agenda;
    n.indexRoster();
    state.sittings[sittingId] = std::move(n);
  }
  void operator()(const SittingOpened&) {
    s->status = SittingStatus::Open;
    state.media.recordingRequested = true;  // the recording starts with the sitting
  }
  void operator()(const SittingSuspended&) { s->status = SittingStatus::Suspended; }
  void operator()(const SittingResumed&) { s->status = SittingStatus::Open; }
  void operator()(const SittingClosed&) {
    s->status = SittingStatus::Closed;
    state.media.recordingRequested = false;
    s->queue.clear();
    s->speakers.clear();
  }
  void operator()(const AttendanceChanged& e) {
    s->attendance[e.delegate] = Presence{e.present, e.via, ts};
    if (!e.present) eraseRequest(*s, e.delegate);
  }
  void operator()(const ItemActivated& e) { s->activeItem = e.item; }
  void operator()(const DocumentAttached& e) {
    if (AgendaItem* i = s->item(e.item)) i->documents.push_back(e.document);
  }
  void operator()(const PageShared& e) { s->shared = {e.sha256, e.page}; }
  void operator()(const FloorRequested& e) {
    FloorRequest r{e.delegate, e.kind, ts};
    if (e.kind == "point_of_order") {
      // Points of order jump the queue, in their own arrival order.
      auto pos = std::find_if(s->queue.begin(), s->queue.end(),
                              [](const FloorRequest& q) { return q.kind != "point_of_order"; });
      s->queue.insert(pos, r);
    } else {
      s->queue.push_back(r);
    }
  }
  void operator()(const FloorCancelled& e) { eraseRequest(*s, e.delegate); }
  void operator()(const FloorGranted& e) {
    eraseRequest(*s, e.person);
    s->speakers.push_back(Speaker{e.person, e.kind, ts, e.limit_s});
  }
  void operator()(const FloorEnded& e) { eraseSpeaker(*s, e.person); }
  void operator()(const QuestionSubmitted& e) {
    Question q;
    q.id = e.question;
    q.from = e.from;
    q.to = e.to;
    q.text = e.text;
    s->questions[e.question] = q;
    ++s->nextQuestion;
  }
  void operator()(const QuestionsGrouped& e) {
    for (const auto& id : e.questions) s->questions[id].group = e.group;
  }
  void operator()(const QuestionAnswered& e) {
    Question& q = s->questions[e.question];
    if (!e.text.empty()) q.answers.push_back(e.text);
    if (e.mode == "in_person") q.status = QuestionStatus::Answered;
    if (e.mode == "written") {
      q.status = QuestionStatus::WrittenPending;
      q.due_ms = e.due_ms;
    }
    if (e.mode == "written_answer") q.status = QuestionStatus::AnsweredWritten;
  }
  void operator()(const QuestionFollowedUp& e) {
    Question& q = s->questions[e.question];
    q.followUps.push_back(e.text);
    q.status = QuestionStatus::FollowUp;
  }
  void operator()(const VoteCreated& e) {
    Vote v;
    v.id = e.vote;
    v.item = e.item;
    v.title = e.title;
    v.form = e.form;
    v.kind = e.kind;
    v.rule = e.rule;
    v.options = e.options;
    v.maxChoices = e.maxChoices;
    v.resolution = e.resolution;
    s->votes[e.vote] = std::move(v);
    ++s->nextVote;
  }
  void operator()(const VoteOpened& e) {
    Vote& v = s->votes[e.vote];
    v.status = VoteStatus::Open;
    v.present = e.present;
    v.inOffice = e.inOffice;
    s->openVote = e.vote;
  }
  void operator()(const BallotCast& e) {
    Vote& v = s->votes[e.vote];
    if (v.form == VoteForm::Secret) {
      // Turnout only; the choice is counted by applySecretChoice.
      if (v.voted.insert(e.delegate).second) ++v.ballots;
      return;
    }
    auto prev = v.choiceOf.find(e.delegate);
    if (prev != v.choiceOf.end()) {  // a changed ballot (when the rules allow it)
      for (const auto& c : prev->second) --v.counts[c];
      --v.ballots;
    }
    v.choiceOf[e.delegate] = e.choices;
    for (const auto& c : e.choices) ++v.counts[c];
    ++v.ballots;
    v.voted.insert(e.delegate);
  }
  void operator()(const VoteClosed& e) {
    Vote& v = s->votes[e.vote];
    v.status = VoteStatus::Closed;
    v.result = e.tally;
    if (s->openVote == e.vote) s->openVote.clear();
  }
  void operator()(const VoteVoided& e) {
    Vote& v = s->votes[e.vote];
    v.status = VoteStatus::Voided;
    v.voidedReason = e.reason;
    v.counts.clear();
    if (s->openVote == e.vote) s->openVote.clear();
  }
  void operator()(const MediaStateChanged& e) {
    state.media = {e.state,
                   e.error,
                   e.detail,
                   e.recording,
                   e.recordingStarted_ms,
                   state.media.recordingRequested};
  }
  void operator()(const RecordingControlled& e) { state.media.recordingRequested = e.on; }
  void operator()(const SignInCleared&) {}  // the throttle is the server's, not the sitting's
  void operator()(const ResolutionNumbered& e) {
    state.resolutions.push_back(
        {e.number, e.kind, e.year, e.seq, sittingId, e.vote, e.item, e.title, ts});
    int& last = state.lastResolution[{e.year, e.kind}];
    last = std::max(last, e.seq);
  }
  void operator()(const MinutesDrafted& e) {
    s->minutes = {};
    s->minutes.versions.push_back({0, e.sha256, e.text, ts});
  }
  void operator()(const MinutesSaved& e) {
    s->minutes.versions.push_back({e.version, e.sha256, e.text, ts});
  }
  void operator()(const MinutesPdfRecorded& e) {
    s->minutes.pdfs.push_back({e.version, e.sha256, e.size});
  }
  void operator()(const PetitionsConfigured& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionReceived& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionAccepted& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionRejected& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionAssigned& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionAnswered& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionPublished& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionMerged& e) { applyPetition(state, e, ts); }
  void operator()(const PetitionLinked& e) { applyPetition(state, e, ts); }
  void operator()(const MinutesFinalised& e) {
    s->minutes.finalVersion = e.version;
    s->minutes.diff = e.diff;
  }
};

bool isPetitionEvent(const EventData& e) {
  return std::visit(
      [](const auto& x) { return std::string_view(x.kKind).rfind("petition.", 0) == 0; }, e);
}

}  // namespace

void apply(State& state, int sitting, const EventData& event, std::int64_t ts_ms) {
  auto it = state.sittings.find(sitting);
  Sitting* s = it == state.sittings.end() ? nullptr : &it->second;
  const bool needsSitting = !std::holds_alternative<SittingCreated>(event) &&
                            !std::holds_alternative<MediaStateChanged>(event) &&
                            !std::holds_alternative<RecordingControlled>(event) &&
                            !std::holds_alternative<SignInCleared>(event) &&
                            !isPetitionEvent(event);
  if (needsSitting && !s) return;  // an event of an unknown sitting: nothing to fold into
  std::visit(Applier{state, s, sitting, ts_ms}, event);
}

void applySecretChoice(State& state, int sitting, const SecretChoice& choice) {
  auto it = state.sittings.find(sitting);
  if (it == state.sittings.end()) return;
  Vote& v = it->second.votes[choice.vote];
  for (const auto& c : choice.choices) ++v.counts[c];
}

}  // namespace chamber::core
