#!/usr/bin/env bash
# Configures and builds the whole project into build/ (Ninja, ccache, 2 jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > build-configure.log 2>&1 || {
  cat build-configure.log; exit 1; }
rm -f build-configure.log
ninja -C build -j"${JOBS:-2}"
