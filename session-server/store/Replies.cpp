#include "store/Replies.h"

namespace chamber::store {

std::optional<std::string> Replies::find(const std::string& principal,
                                         const std::string& clientId) {
  auto& s = db_.cached("SELECT reply FROM command_replies WHERE principal = ? AND client_id = ?");
  s.bind(1, principal).bind(2, clientId);
  std::optional<std::string> out;
  if (s.step()) out = s.text(0);
  s.reset();
  return out;
}

void Replies::put(const std::string& principal, const std::string& clientId,
                  const std::string& reply) {
  auto& s = db_.cached(
      "INSERT OR IGNORE INTO command_replies(principal, client_id, reply) VALUES(?,?,?)");
  s.bind(1, principal).bind(2, clientId).bind(3, reply);
  s.run();
}

}  // namespace chamber::store
