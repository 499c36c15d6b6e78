#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (each with a timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/format.sh --check  # the C++ as .clang-format says (bash scripts/format.sh fixes it)
bash scripts/build.sh
(cd build && ctest --output-on-failure -j2 --timeout 300 "$@")
# Again under ASan + UBSan (clang): the core, store, protocol and server tests, and every
# libFuzzer target briefly from its seed corpus. CHAMBER_SKIP_SANITIZE=1 skips it.
if [ "${CHAMBER_SKIP_SANITIZE:-0}" != 1 ]; then
  cmake --preset sanitize > build-sanitize.log 2>&1 || { cat build-sanitize.log; exit 1; }
  rm -f build-sanitize.log
  ninja -C build-sanitize -j"${JOBS:-2}"
  (cd build-sanitize && ctest --output-on-failure -j2 --timeout 300 -L "core|store|protocol|net|fault|tools|fuzz" "$@")
fi
