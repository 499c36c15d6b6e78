#pragma once
// chamberctl's commands for the register of citizens' petitions: its set-up (topics with the
// office answering each, areas, answer days) and the period's report.
#include <CLI/CLI.hpp>
#include <memory>

#include "store/Store.h"

namespace chamber::ctl {

struct PetitionOptions;

class PetitionCommands {
 public:
  explicit PetitionCommands(CLI::App& app);
  ~PetitionCommands();
  /// -1: none of these was given.
  int runOnStore(store::Store& st, core::State& state);

 private:
  std::unique_ptr<PetitionOptions> o_;
};

/// The register's set-up from TOML: answer_days, areas = [...], and [[topic]] tables with
/// key, label and responder (an account with the role responder).
core::PetitionCatalogue readPetitionCatalogue(const std::filesystem::path& file);

}  // namespace chamber::ctl
