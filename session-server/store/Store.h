#pragma once
/// The store as one piece: the database and its repositories, and the two operations the
/// server and chamberctl share — recording a decision, and rebuilding the state.
#include <filesystem>
#include <string>
#include <vector>

#include "core/Session.h"
#include "store/Council.h"
#include "store/Database.h"
#include "store/Documents.h"
#include "store/EventLog.h"
#include "store/PetitionSenders.h"
#include "store/Publications.h"
#include "store/Replies.h"
#include "store/Search.h"
#include "store/SecretBallots.h"

namespace chamber::store {

class Store {
 public:
  /// Opens `dataDir/chamber.db` (creating and migrating it) and `dataDir/documents/`.
  explicit Store(const std::filesystem::path& dataDir);

  Database db;
  EventLog log;
  Replies replies;
  SecretBallots secret;
  Council council;
  Documents documents;
  Publications publications;
  PetitionSenders senders;
  Search search;

  /// Writes a decision's events within the open transaction and stages a secret ballot's
  /// choice in memory (the caller commits or discards it with the transaction). Returns the events
  /// as stored, with seq and hashes.
  std::vector<StoredEvent> record(const core::Actor& actor, const core::Decision& d,
                                  std::int64_t now_ms);

  /// Rebuilds the whole state: the council from its tables, then every event, then the
  /// in-memory counts of open secret ballots. Returns the head sequence number through `head`.
  core::State load(std::int64_t& head);

  /// Commands that name a stored document take its facts from the store: attaching a
  /// document that is not stored is refused, and one stored as classified ("mật") stays
  /// classified whatever the command says. Returns the refusal, if any.
  std::optional<core::Error> bindDocuments(core::Command& cmd);

  /// The minutes' texts come from the store, never from the wire: minutes.draft gets the
  /// draft generated from the sitting's events, minutes.save the hash of its text.
  void bindMinutes(const core::State& state, core::Command& cmd);

  /// The draft of a sitting's minutes, generated from its events in the log and `pending`
  /// ones not yet written (at `now_ms`).
  std::string draftMinutes(const core::State& state, int sitting,
                           const std::vector<core::EventData>& pending = {},
                           std::int64_t now_ms = 0);

  /// Indexes for search every stored document not indexed yet (the text of its pages).
  /// Returns how many were indexed.
  int indexDocuments();
  /// Indexes one stored document (its pages' text), replacing what was indexed for it.
  void indexDocument(const DocumentMeta& m);

  /// The one record routine of the server and chamberctl: binds the command's documents,
  /// decides, and if accepted records the events within the caller's open transaction
  /// (`stored` gets them as stored). The caller commits, then applyDecision().
  core::Decision decideAndRecord(const core::State& state, const core::Actor& actor,
                                 const core::Command& cmd, std::int64_t now_ms,
                                 std::vector<StoredEvent>& stored);

  /// Decides, records, commits and applies one command (chamberctl; the server batches
  /// several commands in one transaction, with decideAndRecord and applyDecision).
  /// Another process (the server) may have written since load(): what it wrote is folded
  /// into `state` within the transaction first, so the decision is taken on the whole log
  /// (two writers never give one resolution number twice).
  core::Decision run(core::State& state, const core::Actor& actor, const core::Command& cmd,
                     std::int64_t now_ms, std::vector<StoredEvent>* stored = nullptr);

 private:
  std::int64_t seen_ = 0;
  /// Keeps the search index of petitions as their public text changes (within the turn).
  void indexPetitions(
      const core::State& before,
      const core::Decision& d);  ///< the last event folded into the state load() gave
};

std::string actorString(const core::Actor& a);

/// Folds an accepted decision into the state: its events, then a secret ballot's choice
/// (counted in memory only).
void applyDecision(core::State& state, const core::Decision& d, std::int64_t now_ms);

/// Folds a stored event into the state (replay, or events written by another process).
void applyStored(core::State& state, const StoredEvent& e);

}  // namespace chamber::store
