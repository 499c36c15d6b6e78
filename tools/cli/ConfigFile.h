// --config FILE for the services: each long option may also be given in a TOML file, one
// `name = value` per line (`port = 8080`, `trust-proxy = true`), as the Debian packages ship
// them in /etc/chamber/. The command line wins over the file. A name the program does not
// know is an error, not a silent no-op: a misspelt setting must not be ignored.
#pragma once

#include <CLI/CLI.hpp>

namespace chamber::cli {

inline void addConfigFile(CLI::App& app) {
  app.set_config("--config", "",
                 "settings file (TOML: one 'option = value' per line, e.g. /etc/chamber/*.conf)");
  app.allow_config_extras(CLI::config_extras_mode::error);
}

}  // namespace chamber::cli
