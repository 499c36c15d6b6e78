#pragma once
/// The ballot box of secret votes: the choices, counted in the server's memory only.
///
/// Nothing of a secret choice is ever written — not a row, not a page, not a WAL frame, not
/// a log line — so no file can link a voter to a choice, whatever its layout or order (see
/// docs/security.md). The log holds only who has voted (ballot.cast, turnout) and, at the
/// close, the tally. The price: a server that stops while a secret vote is open cannot
/// count it; on start the server voids such a vote (vote.voided) and the chair runs it again.
///
/// Choices of a loop turn are staged and counted only when the turn's transaction commits,
/// so a rolled-back ballot.cast never leaves a counted choice behind.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace chamber::store {

class SecretBallots {
 public:
  /// A choice whose ballot.cast is in the open transaction.
  void stage(int sitting, const std::string& vote, const std::vector<std::string>& choices);
  /// The transaction committed: the staged choices count.
  void commitStaged();
  /// The transaction rolled back: the staged choices never happened.
  void discardStaged();

  /// Per option: how many committed ballots chose it (empty for an unknown vote).
  std::map<std::string, int> counts(int sitting, const std::string& vote) const;
  /// The vote is counted (closed) or voided: its choices go from memory once the
  /// transaction that says so commits.
  void stageForget(int sitting, const std::string& vote);

 private:
  using Key = std::pair<int, std::string>;
  struct Staged {
    Key vote;
    std::vector<std::string> choices;
    bool forget = false;
  };
  std::vector<Staged> staged_;
  std::map<Key, std::map<std::string, int>> counts_;
};

}  // namespace chamber::store
