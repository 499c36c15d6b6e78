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
  std::string item;          ///< the active agenda item ("3. Dự toán ngân sách 2027")
  std::string speaker;       ///< who holds the floor (the name), empty when nobody speaks
  std::string speakerTitle;  ///< their title ("Đại biểu", "Chủ tịch UBND xã"), may be empty
  bool operator==(const Shot&) const = default;
};

/// The lower third's text for textoverlay, which reads Pango markup: the speaker's name in
/// bold at 1.44× the size (x-large) with their title beside it, then the item on at most two
/// lines of `charsPerLine` characters (words kept whole; what does not fit ends in "…").
/// &, <, >, ' and " are escaped — an agenda title "Kinh tế & Xã hội" unescaped is invalid
/// markup, and the overlay then shows nothing at all. Empty when there is nothing to say.
std::string lowerThirdText(const Shot& shot, int charsPerLine = 60);

/// `text` in at most `maxLines` lines of at most `perLine` characters (code points), broken
/// between words; the last line ends in "…" when text is left over.
std::vector<std::string> wrapLines(const std::string& text, int perLine, int maxLines);

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
