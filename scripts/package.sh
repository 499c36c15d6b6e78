#!/usr/bin/env bash
# Builds the Debian packages (chamber-server, chamber-media, chamber-tablet, chamber-portal)
# into build/packages/ and checks them with lintian. Install them on the council's server with
#   apt install ./build/packages/chamber-server_*.deb ./build/packages/chamber-portal_*.deb ...
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
rm -rf build/packages
(cd build && cpack -G DEB -B "$PWD/packages" > packages.log 2>&1) || { cat build/packages.log; exit 1; }
rm -rf build/packages/_CPack_Packages
lintian --tag-display-limit 0 build/packages/*.deb || true
ls -l build/packages/*.deb
