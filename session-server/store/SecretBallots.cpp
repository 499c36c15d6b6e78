#include "store/SecretBallots.h"

namespace chamber::store {

void SecretBallots::stage(int sitting, const std::string& vote,
                          const std::vector<std::string>& choices) {
  staged_.push_back({{sitting, vote}, choices, false});
}

void SecretBallots::stageForget(int sitting, const std::string& vote) {
  staged_.push_back({{sitting, vote}, {}, true});
}

void SecretBallots::commitStaged() {
  for (const auto& s : staged_) {
    if (s.forget) {
      counts_.erase(s.vote);
      continue;
    }
    auto& c = counts_[s.vote];
    for (const auto& choice : s.choices) ++c[choice];
  }
  staged_.clear();
}

void SecretBallots::discardStaged() {
  staged_.clear();
}

std::map<std::string, int> SecretBallots::counts(int sitting, const std::string& vote) const {
  auto it = counts_.find({sitting, vote});
  return it == counts_.end() ? std::map<std::string, int>{} : it->second;
}

}  // namespace chamber::store
