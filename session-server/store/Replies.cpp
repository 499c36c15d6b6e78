#include "store/Replies.h"

namespace chamber::store {

std::optional<Replies::Stored> Replies::find(const std::string& principal,
                                             const std::string& clientId) {
  auto& s =
      db_.cached("SELECT reply, digest FROM command_replies WHERE principal = ? AND client_id = ?");
  s.bind(1, principal).bind(2, clientId);
  std::optional<Stored> out;
  if (s.step()) out = Stored{s.text(0), s.text(1)};
  s.reset();
  return out;
}

void Replies::put(const std::string& principal, const std::string& clientId,
                  const std::string& digest, const std::string& reply) {
  auto& s = db_.cached(
      "INSERT OR IGNORE INTO command_replies(principal, client_id, reply, digest) "
      "VALUES(?,?,?,?)");
  s.bind(1, principal).bind(2, clientId).bind(3, reply).bind(4, digest);
  s.run();
}

}  // namespace chamber::store
