#!/usr/bin/env bash
# The demo: installs what is missing, builds, prepares the demo sitting of the People's Council
# of Côn Minh commune (25 delegates, agenda, real PDFs) in a folder of its own, and runs the
# whole chamber: session server, test cameras and microphones (chamber-media), Janus, the
# archive, and the tablet app four times (the chair's console, two delegates, the hall display)
# — in windows when a display exists, offscreen otherwise.
#
#   bash scripts/demo.sh                 the chamber, waiting for you to run the sitting
#   bash scripts/demo.sh --scenario      ... and a whole sitting played at a human pace, each
#                                        step printed; then the archive and screenshots
#   bash scripts/demo.sh --scenario --fast --exit    the same quickly, then stop (CI)
#
# Environment: PORT (8080), HOST (127.0.0.1), JANUS_PORT (8088), CAMERA_PORT (8554),
# RTP_VIDEO (5404), RTP_AUDIO (5402); CHAMBER_DEMO_DIR (default build/demos/<date-time>);
# CHAMBER_DEMO_NO_BUILD=1 skips the install and build steps. Ctrl+C stops everything cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=0 fast=0 exit_after=0
for a in "$@"; do
  case "$a" in
    --scenario) scenario=1 ;;
    --fast) fast=1 ;;
    --exit) exit_after=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown option $a (--scenario, --fast, --exit)" >&2; exit 2 ;;
  esac
done

if [ -z "${CHAMBER_DEMO_NO_BUILD:-}" ]; then
  bash scripts/bootstrap.sh
  bash scripts/build.sh
fi
build="${CHAMBER_BUILD:-build}"
PORT="${PORT:-8080}"
HOST="${HOST:-127.0.0.1}"
JANUS_PORT="${JANUS_PORT:-8088}"
CAMERA_PORT="${CAMERA_PORT:-8554}"
RTP_VIDEO="${RTP_VIDEO:-5404}"
RTP_AUDIO="${RTP_AUDIO:-5402}"

# Every port first: when one is taken, nothing is started.
taken() {  # proto host port
  ! python3 - "$@" <<'PY' 2>/dev/null
import socket, sys
kind = socket.SOCK_STREAM if sys.argv[1] == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
# (as the servers bind: a port whose last connections are still closing is free)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[2], int(sys.argv[3])))
if kind == socket.SOCK_STREAM:
    s.listen()
PY
}
busy=0
for spec in "tcp $HOST $PORT PORT máy-chủ/session-server" "tcp 127.0.0.1 $JANUS_PORT JANUS_PORT Janus" \
            "tcp 127.0.0.1 $CAMERA_PORT CAMERA_PORT camera-IP/IP-camera" \
            "udp 127.0.0.1 $RTP_VIDEO RTP_VIDEO RTP-video" "udp 127.0.0.1 $RTP_AUDIO RTP_AUDIO RTP-audio"; do
  set -- $spec
  if taken "$1" "$2" "$3"; then
    echo "Cổng $3 ($1) đang được dùng bởi chương trình khác / port $3 ($1) is in use (${5//-/ })." >&2
    echo "  Ai đang dùng / who holds it: ss -lnp 'sport = :$3'" >&2
    echo "  Chọn cổng khác / choose another: $4=<port> bash scripts/demo.sh" >&2
    busy=1
  fi
done
if [ "$busy" = 1 ]; then
  echo "Không khởi động gì / nothing was started." >&2
  exit 1
fi

# A folder per demo: an earlier demo's recordings and archive are never touched.
stamp=$(date +%Y%m%d-%H%M%S)
demo="${CHAMBER_DEMO_DIR:-build/demos/$stamp}"
if [ -e "$demo" ]; then
  echo "$demo đã có / already exists: the demo never writes over an earlier one." >&2
  exit 1
fi
mkdir -p "$(dirname "$demo")"
echo "Chuẩn bị dữ liệu mẫu / preparing the demo data in $demo …"
CHAMBER_BUILD="$build" bash scripts/demo-data.sh "$demo" > "$(dirname "$demo")/$(basename "$demo").data.log" 2>&1 || {
  cat "$(dirname "$demo")/$(basename "$demo").data.log"; exit 1; }
mv "$(dirname "$demo")/$(basename "$demo").data.log" "$demo/data.log"
[ -z "${CHAMBER_DEMO_DIR:-}" ] && ln -sfn "$stamp" build/demos/latest
demo=$(cd "$demo" && pwd)
logs="$demo/logs"
mkdir -p "$logs" "$demo/media/live" "$demo/janus" "$demo/screenshots"
# Qt wants a private runtime folder (mode 0700); without one it warns on every start.
export XDG_RUNTIME_DIR="$demo/runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

names=() pids=() stopping=0
start() {  # name command...: output to logs/<name>.log, never to this terminal
  local name=$1; shift
  "$@" > "$logs/$name.log" 2>&1 &
  pids+=($!) names+=("$name")
}
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  echo
  echo "Đang dừng / stopping …"
  # The apps first, the server last: the media process closes its recording while it can
  # still tell the server.
  local i
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  for ((i=${#pids[@]}-1; i>=0; i--)); do
    for _ in $(seq 100); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${pids[i]}" 2>/dev/null || true
  done
  echo "Đã dừng / stopped. Dữ liệu của bản trình diễn / the demo's data: $demo"
}
trap 'stop_all; exit 130' INT TERM
trap 'stop_all' EXIT

# Janus with the shipped configuration, its folders and ports made the demo's.
for f in deploy/janus/*.jcfg; do
  sed -e "s|/etc/chamber/janus|$demo/janus|" -e "s/\bport = 8088\b/port = $JANUS_PORT/" \
      -e "s/\baudioport = 5402\b/audioport = $RTP_AUDIO/" -e "s/\bvideoport = 5404\b/videoport = $RTP_VIDEO/" \
      "$f" > "$demo/janus/$(basename "$f")"
done
# The chamber's description with the demo's ports; no PTZ head answers VISCA in the demo.
sed -e "s|rtsp://127.0.0.1:8554/|rtsp://127.0.0.1:$CAMERA_PORT/|" -e '/^visca = /d' \
    -e "s/^video_port = 5404/video_port = $RTP_VIDEO/" -e "s/^audio_port = 5402/audio_port = $RTP_AUDIO/" \
    hardware/con-minh.toml > "$demo/chamber.toml"

start janus janus -C "$demo/janus/janus.jcfg" -F "$demo/janus" -o -d 2
# An IP camera (RTSP) for the chamber's right-hand camera.
start camera "$build/media/chamber-test-camera" --port "$CAMERA_PORT" --pattern snow --label "ptz-right"
start server "$build/session-server/chamber-server" --host "$HOST" --port "$PORT" --data "$demo/data" \
  --portal portal --hls "$demo/media/live" --archive "$demo/archive" \
  --webrtc "http://127.0.0.1:$JANUS_PORT/janus" \
  --council "Hội đồng nhân dân xã Côn Minh" --council-en "Côn Minh Commune People’s Council"
base="http://$HOST:$PORT"
up=0
for _ in $(seq 100); do
  curl -fs "$base/health" > /dev/null 2>&1 && { up=1; break; }
  kill -0 "${pids[2]}" 2>/dev/null || break
  sleep 0.1
done
if [ "$up" = 0 ]; then
  echo "Máy chủ không khởi động được / the server did not start:" >&2
  tail -5 "$logs/server.log" >&2
  exit 1
fi

# The media process: films the test cameras and microphones, records from the opening, writes
# the live HLS. Its password comes from the environment, never the command line (ps).
export CHAMBER_MEDIA_PASSWORD=demo-media
start media "$build/media/chamber-media" --hardware "$demo/chamber.toml" --data "$demo/media" \
  --server "ws://$HOST:$PORT" --user media
# The archive: when the chair closes the sitting, the recording becomes one chaptered MP4.
start archive "$build/media/chamber-archive" --follow --server "ws://$HOST:$PORT" --user media \
  --recordings "$demo/media/recordings" --out "$demo/archive" --settle 5

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  export QT_QPA_PLATFORM=offscreen
  offscreen=1
else
  offscreen=0
fi
app="$build/delegate-app/delegate-app"
url="ws://$HOST:$PORT"
start app-chair "$app" --server "$url" --seat 1 --pin 101001 --data "$demo/app-chair"
start app-seat3 "$app" --server "$url" --seat 3 --pin 101003 --data "$demo/app-seat3"
start app-seat4 "$app" --server "$url" --seat 4 --pin 101004 --data "$demo/app-seat4" --lang en
start app-display "$app" --server "$url" --user display --password demo-display --size 1920x1080 \
  --data "$demo/app-display"

echo
echo "Kỳ họp mẫu HĐND xã Côn Minh / the demo sitting of Côn Minh commune"
echo "  cổng thông tin / portal:  $base/   (trực tiếp, kỳ họp, văn bản, kiến nghị, dữ liệu mở)"
echo "  máy tính bảng / tablets:  $url (chamber.v1) — ghế 1..25, PIN 101001..101025"
echo "  trực tiếp / live:         WebRTC qua Janus http://127.0.0.1:$JANUS_PORT/janus, HLS $base/live/index.m3u8"
echo "  camera IP / IP camera:    rtsp://127.0.0.1:$CAMERA_PORT/camera"
echo "  dữ liệu / data:           $demo"
echo
printf "  %-12s %-8s %s\n" "tiến trình" "pid" "nhật ký / log"
for i in "${!pids[@]}"; do printf "  %-12s %-8s %s\n" "${names[i]}" "${pids[i]}" "$logs/${names[i]}.log"; done
echo
if [ "$offscreen" = 1 ]; then
  echo "(Không có màn hình: bốn ứng dụng chạy offscreen — xem ảnh chụp bên dưới, hoặc README."
  echo " No display: the four apps run offscreen — see the screenshots below, or the README.)"
fi

# Screenshots of what people see: the portal in headless Chromium, the app offscreen.
shots() {
  local out="$demo/screenshots"
  # (the sitting's record and the list: the live page holds a connection open for good)
  for page in "sitting.html?id=1:portal-sitting" "sittings.html:portal-sittings"; do
    timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=8000 \
      --window-size=1280,2200 --screenshot="$out/${page##*:}.png" "$base/${page%%:*}" \
      >> "$logs/chromium.log" 2>&1 || true
  done
  local shot_args=(--server "$url" --after 4000)
  QT_QPA_PLATFORM=offscreen timeout 60 "$app" "${shot_args[@]}" --seat 1 --pin 101001 --data "$demo/shot-chair" \
    --size 1280x800 --screenshot "$out/app-chair.png" >> "$logs/screenshots.log" 2>&1 || true
  QT_QPA_PLATFORM=offscreen timeout 60 "$app" "${shot_args[@]}" --seat 3 --pin 101003 --data "$demo/shot-seat3" \
    --size 1280x800 --screenshot "$out/app-delegate.png" >> "$logs/screenshots.log" 2>&1 || true
  QT_QPA_PLATFORM=offscreen timeout 60 "$app" "${shot_args[@]}" --user display --password demo-display \
    --data "$demo/shot-display" --size 1920x1080 --screenshot "$out/app-display.png" \
    >> "$logs/screenshots.log" 2>&1 || true
  echo "Ảnh chụp / screenshots:"
  ls -1 "$out"/*.png | sed 's/^/  /'
}

if [ "$scenario" = 1 ]; then
  pace=4
  [ "$fast" = 1 ] && pace=0.3
  echo "Kịch bản kỳ họp / the scripted sitting (mỗi bước cách $pace giây / $pace s between steps):"
  # The people: the chair and the delegates on their tablets, the People's Committee official.
  CHAMBER_RESPONDER_PASSWORD=demo-responder "$build/tools/chamber-scenario" --server "$url" --pace "$pace"
  echo "Đang dựng video lưu trữ theo chương / building the chaptered archive …"
  built=0
  for _ in $(seq 300); do
    if curl -fs "$base/api/sittings/1" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["sitting"].get("archive") else 1)' 2>/dev/null; then
      built=1; break
    fi
    sleep 1
  done
  if [ "$built" = 1 ]; then
    echo "  lưu trữ / archive: $base/sitting.html?id=1 (video theo chương / chaptered video)"
  else
    echo "  chưa dựng xong lưu trữ / the archive is not built yet: see $logs/archive.log" >&2
  fi
  shots
fi

if [ "$exit_after" = 1 ]; then
  exit 0
fi
echo "Dừng / stop: Ctrl+C"
wait "${pids[2]}"  # the server
