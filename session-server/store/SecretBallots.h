#pragma once
/// The choices of secret ballots, kept apart from the log. A row holds the vote and the
/// choices only: no voter, no time, no sequence number. Its key is random and the table is
/// WITHOUT ROWID, so the rows' physical order is the random keys' order, not the order of
/// casting. Several ballots often share one transaction (group commit).
#include <map>
#include <string>
#include <vector>

#include "store/Database.h"

namespace chamber::store {

class SecretBallots {
 public:
  explicit SecretBallots(Database& db) : db_(db) {}
  /// Within the caller's transaction.
  void add(int sitting, const std::string& vote, const std::vector<std::string>& choices);
  /// Per option: how many ballots chose it.
  std::map<std::string, int> counts(int sitting, const std::string& vote);
  /// Every (sitting, vote) that has secret ballots.
  std::vector<std::pair<int, std::string>> votes();

 private:
  Database& db_;
};

}  // namespace chamber::store
