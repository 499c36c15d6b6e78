// Must NOT compile: an event kind added to the log's variant without a line in kVisibility.
// Built by ctest (core_compile_fail_event_without_audience, WILL_FAIL); the same file with
// -DCHAMBER_CONTROL (the known kinds only) must compile, so the failure is the missing line
// and not a broken include path.
#include <variant>

#include "core/Visibility.h"

namespace chamber::core {
struct ForgottenKind {  // a new kind whose author forgot who may see it
  static constexpr const char* kKind = "example.forgotten";
  std::string text;
};
}  // namespace chamber::core

int main() {
  using namespace chamber::core;
#ifdef CHAMBER_CONTROL
  std::variant<SittingOpened, BallotCast> e;
#else
  std::variant<SittingOpened, BallotCast, ForgottenKind> e;
#endif
  return static_cast<int>(std::visit(kVisibility, e).audience);
}
