#include "store/PetitionSenders.h"

#include <cctype>

namespace chamber::store {

std::string contactKey(const std::string& contact) {
  std::string key;
  if (contact.find('@') != std::string::npos) {
    for (const char c : contact)
      if (!std::isspace(static_cast<unsigned char>(c)))
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
  }
  for (const char c : contact)
    if (std::isdigit(static_cast<unsigned char>(c))) key += c;
  if (key.rfind("84", 0) == 0 && key.size() >= 11) key = "0" + key.substr(2);  // +84 → 0
  return key;
}

void PetitionSenders::add(const PetitionSender& s) {
  db_.cached(
         "INSERT INTO petition_senders(code, name, contact, contact_key, consent_ms, created_ms) "
         "VALUES(?,?,?,?,?,?)")
      .bind(1, s.code)
      .bind(2, s.name)
      .bind(3, s.contact)
      .bind(4, contactKey(s.contact))
      .bind(5, s.consent_ms)
      .bind(6, s.created_ms)
      .run();
}

std::vector<PetitionSender> PetitionSenders::of(const std::vector<std::string>& codes) {
  std::vector<PetitionSender> out;
  auto& q = db_.cached(
      "SELECT code, name, contact, consent_ms, created_ms FROM petition_senders WHERE code = ? "
      "ORDER BY id");
  for (const auto& code : codes) {
    q.reset();
    q.bind(1, code);
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.integer(3), q.integer(4)});
  }
  q.reset();
  return out;
}

int PetitionSenders::countByContact(const std::string& contact, std::int64_t since_ms) {
  const std::string key = contactKey(contact);
  if (key.empty()) return 0;
  auto& q =
      db_.cached("SELECT count(*) FROM petition_senders WHERE contact_key = ? AND created_ms >= ?");
  q.reset();
  q.bind(1, key).bind(2, since_ms);
  const int n = q.step() ? static_cast<int>(q.integer(0)) : 0;
  q.reset();
  return n;
}

int PetitionSenders::erase(const std::string& code) {
  db_.cached("UPDATE petition_senders SET name = '', contact = '', contact_key = '' WHERE code = ?")
      .bind(1, code)
      .run();
  return db_.changes();
}

}  // namespace chamber::store
