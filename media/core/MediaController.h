#pragma once
/// When chamber-media records, and what leaves the building, decided from the sitting's
/// events: it records from a sitting's opening (or resumption) to its closing and while the
/// chair has not switched the recording off; a closed sitting (họp kín) is recorded for the
/// archive only — no HLS, no push — or not at all under the rule record_closed_sittings =
/// false. Pure: media/main.cpp carries its decisions out; tests drive it with events.
#include <map>

#include "core/Events.h"

namespace chamber::media {

class MediaController {
 public:
  /// `standalone`: no session server (tests, a chamber without one) — record at once.
  explicit MediaController(bool standalone) : want_(standalone) {}

  /// Folds one event of sitting `sitting`.
  void onEvent(int sitting, const core::EventData& e);

  enum class Action { None, Start, Stop };
  /// What to do, given whether the pipeline is recording now.
  Action next(bool recording) const;
  /// For Start: whether the recording may go public (HLS, pushes).
  bool publicOutputs() const;
  bool wantRecording() const { return want_; }
  int currentSitting() const { return current_; }
  /// Whether the current sitting runs (opened or resumed, not closed): a Stop while it runs is
  /// the chair's pause, not the end of the live stream.
  bool sittingRuns() const { return runs_; }

 private:
  struct Privacy {
    bool isPublic = true;
    bool recordIfClosed = true;
  };
  bool mayRecord() const;
  std::map<int, Privacy> sittings_;
  int current_ = 0;
  bool want_ = false;
  bool runs_ = false;
};

}  // namespace chamber::media
