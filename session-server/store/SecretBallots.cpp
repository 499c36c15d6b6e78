#include "store/SecretBallots.h"

#include "store/Crypto.h"

namespace chamber::store {

namespace {
// Choices are stored sorted and joined: "a\x1fb".
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& c : v) {
    if (!s.empty()) s += '\x1f';
    s += c;
  }
  return s;
}
}  // namespace

void SecretBallots::add(int sitting, const std::string& vote, const std::vector<std::string>& choices) {
  const auto key = randomBytes(16);
  auto& s = db_.cached("INSERT INTO secret_ballots(id, sitting, vote, choices) VALUES(?,?,?,?)");
  s.bindBlob(1, key.data(), static_cast<int>(key.size())).bind(2, sitting).bind(3, vote);
  s.bind(4, join(choices));
  s.run();
}

std::map<std::string, int> SecretBallots::counts(int sitting, const std::string& vote) {
  std::map<std::string, int> out;
  auto s = db_.prepare("SELECT choices FROM secret_ballots WHERE sitting = ? AND vote = ?");
  s.bind(1, sitting).bind(2, vote);
  while (s.step()) {
    const std::string all = s.text(0);
    std::size_t start = 0;
    while (start <= all.size()) {
      auto end = all.find('\x1f', start);
      if (end == std::string::npos) end = all.size();
      if (end > start) ++out[all.substr(start, end - start)];
      start = end + 1;
    }
  }
  return out;
}

std::vector<std::pair<int, std::string>> SecretBallots::votes() {
  std::vector<std::pair<int, std::string>> out;
  auto s = db_.prepare("SELECT DISTINCT sitting, vote FROM secret_ballots");
  while (s.step()) out.emplace_back(static_cast<int>(s.integer(0)), s.text(1));
  return out;
}

}  // namespace chamber::store
