#pragma once
// chamberctl's commands for the papers after a sitting: resolution numbers, the minutes
// (text to edit, save, finalise, the PDF) and signing with a PKCS#11 token.
#include <CLI/CLI.hpp>
#include <memory>

#include "store/Store.h"

namespace chamber::ctl {

struct PaperOptions;

class PaperCommands {
 public:
  explicit PaperCommands(CLI::App& app);
  ~PaperCommands();
  /// sign and verify-pdf need no data folder: run them if given. -1: none was given.
  int runStandalone(int argc, char** argv);
  /// The commands on the council's record. -1: none was given.
  int runOnStore(store::Store& st, core::State& state, int argc, char** argv);

 private:
  int publishSigned(store::Store& st, core::State& state);
  std::unique_ptr<PaperOptions> o_;
};

}  // namespace chamber::ctl
