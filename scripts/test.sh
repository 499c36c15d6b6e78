#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (each with a timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 300 "$@"
