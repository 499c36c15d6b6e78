#pragma once
/// Who sent a petition: their name and contact, given only if they chose to, with the time
/// they agreed to the personal-data notice (Decree 13/2023). Kept apart from the event log so
/// that it never reaches a public page, a feed or an export, and so that it can be erased
/// (the log is append-only). Only staff read it, to reply to a sender.
#include <cstdint>
#include <string>
#include <vector>

#include "store/Database.h"

namespace chamber::store {

struct PetitionSender {
  std::string code;
  std::string name, contact;
  std::int64_t consent_ms = 0, created_ms = 0;
};

/// "0912 345 678" and "+84 912345678" are one phone; "An@Mail.vn" and "an@mail.vn" one
/// address: the key the per-contact limit counts by. Empty for an empty contact.
std::string contactKey(const std::string& contact);

class PetitionSenders {
 public:
  explicit PetitionSenders(Database& db) : db_(db) {}
  void add(const PetitionSender& s);
  /// The senders of a petition and of those merged into it are listed with their own code.
  std::vector<PetitionSender> of(const std::vector<std::string>& codes);
  /// Petitions sent from one contact since `since_ms` (the per-contact limit).
  int countByContact(const std::string& contact, std::int64_t since_ms);
  /// Erases the personal data of one petition's senders (a sender's request). Returns how many.
  int erase(const std::string& code);

 private:
  Database& db_;
};

}  // namespace chamber::store
