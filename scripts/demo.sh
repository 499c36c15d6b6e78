#!/usr/bin/env bash
# Installs what is missing, builds, prepares the demo sitting of the People's Council of
# Côn Minh commune (25 delegates, agenda, real PDFs), runs the session server with it and
# starts the app four times: the chair's console, two delegates' tablets and the hall
# display — in windows when a display exists, offscreen otherwise.
#   PORT=8080 HOST=127.0.0.1 bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
bash scripts/demo-data.sh build/demo
PORT="${PORT:-8080}"
HOST="${HOST:-127.0.0.1}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM

mkdir -p build/demo/media/live build/demo/janus
# The live view in WebRTC: Janus with the shipped configuration (its folders made the demo's).
for f in deploy/janus/*.jcfg; do
  sed "s|/etc/chamber/janus|$PWD/build/demo/janus|" "$f" > "build/demo/janus/$(basename "$f")"
done
janus -C build/demo/janus/janus.jcfg -F build/demo/janus -o -d 2 > build/demo/janus.log 2>&1 &
pids+=($!)
# An IP camera (RTSP) for the chamber's right-hand PTZ camera (hardware/con-minh.toml).
build/media/chamber-test-camera --port 8554 --pattern snow --label "ptz-right" \
  > build/demo/camera.log 2>&1 &
pids+=($!)
build/session-server/chamber-server --host "$HOST" --port "$PORT" --data build/demo/data \
  --portal portal --hls build/demo/media/live --archive build/demo/archive \
  --webrtc "http://127.0.0.1:8088/janus" &
pids+=($!)
for i in $(seq 50); do curl -fs "http://$HOST:$PORT/health" > /dev/null 2>&1 && break; sleep 0.1; done

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  export QT_QPA_PLATFORM=offscreen
  echo "(không có màn hình: ứng dụng chạy offscreen / no display: the apps run offscreen)"
fi
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
# The media process with the demo chamber's test cameras and microphones: it records from
# the opening of the sitting and writes the live HLS served at /live/.
# The media account's password comes from the environment, never the command line (ps).
export CHAMBER_MEDIA_PASSWORD=demo-media
build/media/chamber-media --hardware hardware/con-minh.toml --data build/demo/media \
  --server "ws://$HOST:$PORT" --user media &                       pids+=($!)
# The archive: when the chair closes the sitting, its recording becomes one chaptered MP4
# on the portal's page of the sitting.
build/media/chamber-archive --follow --server "ws://$HOST:$PORT" --user media \
  --recordings build/demo/media/recordings --out build/demo/archive &                      pids+=($!)
app=build/delegate-app/delegate-app
url="ws://$HOST:$PORT"
"$app" --server "$url" --seat 1 --pin 101001 --data build/demo/app-chair &                 pids+=($!)
"$app" --server "$url" --seat 3 --pin 101003 --data build/demo/app-seat3 &                 pids+=($!)
"$app" --server "$url" --seat 4 --pin 101004 --data build/demo/app-seat4 --lang en &       pids+=($!)
"$app" --server "$url" --user display --password demo-display --size 1920x1080 \
       --data build/demo/app-display &                                                   pids+=($!)

echo
echo "Kỳ họp mẫu HĐND xã Côn Minh / demo sitting: $url (subprotocol chamber.v1)"
echo "  bàn chủ tọa ghế 1, đại biểu ghế 3 (tiếng Việt) và ghế 4 (English), màn hình hội trường"
echo "  cổng thông tin / portal: http://$HOST:$PORT/  (trực tiếp, kỳ họp, văn bản, dữ liệu mở)"
echo "  sức khỏe / health:   http://$HOST:$PORT/health"
echo "  trạng thái / state:  http://$HOST:$PORT/api/state"
echo "  tài liệu / papers:   http://$HOST:$PORT/api/documents"
echo "  đại biểu: ghế 1..25, PIN 101001..101025 (assets/demo/delegates.csv)"
echo "  ghi hình / recording: build/demo/media/recordings (từ khi khai mạc / from the opening)"
echo "  phát trực tiếp / live: WebRTC qua Janus (http://127.0.0.1:8088/janus), HLS http://$HOST:$PORT/live/index.m3u8"
echo "  camera IP / IP camera: rtsp://127.0.0.1:8554/camera (chamber-test-camera)"
echo "  lưu trữ / archive: build/demo/archive (sau khi bế mạc / after the closing)"
echo "Dừng / stop: Ctrl+C"
wait "${pids[2]}"  # the server
