#pragma once
/// The camera follows the speaker: from the sitting's events, which camera is on the
/// program (and which PTZ preset to recall) and what the lower third says. Pure logic,
/// fed with the core's typed events (decoded by protocol/Client.h); the pipeline only
/// carries it out.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Events.h"
#include "core/Hardware.h"

namespace chamber::media {

struct Shot {
  std::string camera;
  std::optional<int> preset;
  std::string item;     ///< lower third, first line: the active agenda item
  std::string speaker;  ///< second line: "Name — title", empty when nobody speaks
  bool operator==(const Shot&) const = default;
};

/// The lower third's text for textoverlay, which reads Pango markup: the item, then the
/// speaker, with &, <, >, ' and " escaped — an agenda title "Kinh tế & Xã hội" unescaped is
/// invalid markup, and the overlay then shows nothing at all.
std::string lowerThirdText(const Shot& shot);

class Director {
 public:
  explicit Director(const Hardware& hw);
  /// Folds one event; true if the shot changed.
  bool onEvent(const core::EventData& e);
  const Shot& shot() const { return shot_; }

 private:
  void recompute();
  struct Person {
    std::string name, title;
    int seat = 0;
  };
  const Hardware& hw_;
  std::map<std::string, Person> people_;
  std::map<std::string, std::string> items_;
  std::string activeItem_;
  std::vector<std::string> speakers_;  ///< in order of grant
  Shot shot_;
};

}  // namespace chamber::media
