#!/usr/bin/env bash
# Installs, with apt, only the Debian packages the project needs that are missing.
# Idempotent: a second run installs nothing. Run as root on Debian 12 (bookworm).
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config ccache git curl python3 time
  # session server
  libwebsockets-dev libsqlite3-dev sqlite3 libssl-dev openssl nlohmann-json3-dev
  libcli11-dev libspdlog-dev libtomlplusplus-dev
  # tests and benchmarks; clang with libFuzzer and the sanitizers' runtimes (the sanitize
  # preset and bench/fuzz.sh); clang-format 14 (scripts/format.sh, checked by the tests)
  libgtest-dev libgmock-dev libbenchmark-dev procps clang libclang-rt-14-dev clang-format-14
  # PDFs: demo papers are written with Qt's QPdfWriter; poppler checks them
  qt6-base-dev qt6-base-dev-tools fonts-dejavu-core poppler-utils
  # the papers after a sitting: PDF structure (PoDoFo), PKCS#11 tokens (libp11; OpenSC for
  # real USB tokens, SoftHSM2 in the tests), the Times-compatible font with Vietnamese
  libpodofo-dev libp11-dev opensc softhsm2 fonts-liberation2
  # the tablet app (Qt 6 QML, QtPdf, Qt WebSockets, Qt Linguist)
  qt6-declarative-dev qt6-declarative-dev-tools qt6-websockets-dev qt6-pdf-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qtquick-pdf qml6-module-qt-labs-animation
  qml6-module-qttest qml6-module-qtquick-shapes
  # media: GStreamer for live work, FFmpeg libav for files, nginx-rtmp as a test server
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-tools gstreamer1.0-alsa gstreamer1.0-x
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
  # IP cameras in the tests: an RTSP test camera built with gst-rtsp-server
  libgstrtspserver-1.0-dev
  # the sub-second live view: Janus fans out WebRTC from chamber-media's RTP (tests, bench)
  janus
  nginx-light libnginx-mod-rtmp
  # the Debian packages (CPack): checked by lintian, manual pages from --help, units verified
  lintian help2man dpkg-dev systemd
  # the portal: tested in Debian's Chromium (driven by playwright-core from npm); wrk for
  # the serving benchmark
  chromium chromium-driver wrk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm install the portal's browser libraries. A machine that already has a
# Node.js with npm (Debian's or another packaging) keeps it; otherwise Debian's.
if ! command -v npm >/dev/null 2>&1; then
  for p in nodejs npm; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages present"
else
  echo "bootstrap: installing ${#missing[@]} missing packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: run as root (apt-get install is needed)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's janus package starts its own service with sample mountpoints (HTTP 8088, RTP
# 5002/5004, an echo test): the chamber runs Janus with deploy/janus/ only, so that one is
# stopped and not started at boot (where systemd runs at all).
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ] &&
   systemctl is-enabled janus >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] && systemctl disable --now janus >/dev/null 2>&1 &&
    echo "bootstrap: stopped Debian's sample Janus service (the chamber runs its own)" || true
fi

node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
if [ "${node_major:-0}" -lt 20 ]; then
  echo "bootstrap: Node.js ${node_major:-none} found; the portal's browser tests need 20 or newer" \
       "(playwright-core) and will be skipped" >&2
fi
# The portal's browser libraries (hls.js, and playwright-core + axe-core for its tests),
# exactly as package-lock.json pins them. Skipped when they are already in place.
cd "$(dirname "$0")/../portal"
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-installed; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-installed
fi
# What the pages load is served from portal/vendor/: nothing comes from elsewhere at run time.
mkdir -p vendor
cp -u node_modules/hls.js/dist/hls.min.js vendor/
