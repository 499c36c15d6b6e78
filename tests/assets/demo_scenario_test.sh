#!/usr/bin/env bash
# The demo as a newcomer runs it (scripts/demo.sh), on ports of the test's own:
#  1. a port in use: a clear message naming it, and nothing started;
#  2. the scripted sitting in fast mode: every step printed, the process ids and logs listed,
#     the archive built, the portal and the app photographed in their end state — the
#     pictures are real renderings and the pages say what the sitting did; everything stops;
#  3. an earlier demo's folder is never written over.
#   tests/assets/demo_scenario_test.sh SOURCE BUILD
set -euo pipefail
root="$1"; build="$2"
tmp=$(mktemp -d)
listener=""
cleanup() {
  [ -n "$listener" ] && kill "$listener" 2>/dev/null || true
  pkill -f "$tmp/" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$root"
free() { python3 -c "import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_STREAM if sys.argv[1]=='tcp' else socket.SOCK_DGRAM); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])" "$1"; }
export CHAMBER_DEMO_NO_BUILD=1 CHAMBER_BUILD="$build"
export PORT=$(free tcp) JANUS_PORT=$(free tcp) CAMERA_PORT=$(free tcp) RTP_VIDEO=$(free udp) RTP_AUDIO=$(free udp)

echo "== a port in use"
python3 -c "import socket,sys,time; s=socket.socket(); s.bind(('127.0.0.1',int(sys.argv[1]))); s.listen(); time.sleep(120)" "$JANUS_PORT" &
listener=$!
sleep 0.5
if CHAMBER_DEMO_DIR="$tmp/busy" timeout 60 bash scripts/demo.sh --scenario --fast --exit > "$tmp/busy.out" 2>&1; then
  fail "the demo started with a port in use"
fi
cat "$tmp/busy.out"
grep -q "Cổng $JANUS_PORT (tcp) đang được dùng" "$tmp/busy.out" || fail "the message does not name the port"
grep -q "port $JANUS_PORT (tcp) is in use (Janus)" "$tmp/busy.out" || fail "no English message naming Janus"
grep -q "JANUS_PORT=<port>" "$tmp/busy.out" || fail "the message does not say how to choose another"
[ ! -e "$tmp/busy" ] || fail "a demo folder was made although nothing could start"
pgrep -f "$tmp/busy" > /dev/null && fail "a process was started"
kill "$listener"; listener=""

echo "== the scripted sitting, fast"
start=$(date +%s)
CHAMBER_DEMO_DIR="$tmp/demo" timeout 500 bash scripts/demo.sh --scenario --fast --exit > "$tmp/demo.out" 2>&1 ||
  { cat "$tmp/demo.out"; fail "demo.sh --scenario --fast --exit failed"; }
cat "$tmp/demo.out"
echo "(took $(( $(date +%s) - start )) s)"
for want in "13/13" "Kỳ họp đã bế mạc / the sitting is closed" "point of order" \
            "lưu trữ / archive: http://127.0.0.1:$PORT/sitting.html?id=1" "Đã dừng / stopped"; do
  grep -qF "$want" "$tmp/demo.out" || fail "the output does not say: $want"
done
for p in server media archive app-chair app-display janus; do
  grep -qE "^  $p +[0-9]+ +$tmp/demo/logs/$p.log" "$tmp/demo.out" || fail "no pid and log listed for $p"
done
sleep 1
pgrep -f "$tmp/demo" > /dev/null && { pgrep -af "$tmp/demo"; fail "processes left running after the demo stopped"; }
# Not one warning a newcomer cannot place: the app's QML, Qt's runtime folder, swscaler.
if grep -hE "TypeError|XDG_RUNTIME_DIR|runtime directory|deprecated pixel format|Protocol \"\" is unknown" "$tmp"/demo/logs/*.log; then
  fail "warnings in the demo's logs (above)"
fi

echo "== the end state"
mp4="$tmp/demo/archive/sitting-1/archive.mp4"
[ -s "$mp4" ] || fail "no archive video"
dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$mp4")
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 4 else 1)" "$dur" || fail "the archive is $dur s"
# The pictures: the right size, and drawn (a blank or failed render has a handful of shades).
for shot in app-chair:1280x800 app-delegate:1280x800 app-display:1920x1080 portal-sitting:1280x2200 portal-sittings:1280x2200; do
  f="$tmp/demo/screenshots/${shot%%:*}.png"
  [ -s "$f" ] || fail "no screenshot ${shot%%:*}"
  size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$f")
  [ "$size" = "${shot##*:}" ] || fail "${shot%%:*} is $size, not ${shot##*:}"
  shades=$(ffmpeg -v error -i "$f" -f rawvideo -pix_fmt gray - | python3 -c "import sys; print(len(set(sys.stdin.buffer.read())))")
  [ "$shades" -gt 40 ] || fail "${shot%%:*} has $shades shades of grey: not a rendering"
  echo "${shot%%:*}: $size, $shades shades"
done
# What the sitting did, as the portal says it (the screenshots were taken of these pages).
page=$(timeout 60 chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=8000 --dump-dom \
  "http://127.0.0.1:$PORT/sitting.html?id=1" 2>/dev/null || true)
[ -z "$page" ] && {
  # (the demo has stopped: its server is started again on the same data for the check)
  "$build/session-server/chamber-server" --port 0 --port-file "$tmp/port" --data "$tmp/demo/data" \
    --portal portal --archive "$tmp/demo/archive" --log-level warn > /dev/null 2>&1 &
  check=$!
  for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  page=$(timeout 60 chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=8000 --dump-dom \
    "http://127.0.0.1:$(cat "$tmp/port")/sitting.html?id=1" 2>/dev/null)
  kill "$check" 2>/dev/null || true
}
for want in "Đã bế mạc" "Thông qua Nghị quyết về chuyển đổi số" "Thông qua dự toán thu, chi ngân sách xã năm 2027" \
            "Thông qua phương án kiện toàn nhân sự" "22/25" "archive-video" "đường liên thôn Nà Pục" \
            "hoàn thành trước ngày 30/4/2027"; do
  grep -qF "$want" <<< "$page" || fail "the sitting's page does not show: $want"
done
grep -qE '>null<|>undefined<' <<< "$page" && fail "the page shows null or undefined"

echo "== an earlier demo is kept"
if CHAMBER_DEMO_DIR="$tmp/demo" timeout 60 bash scripts/demo.sh --exit > "$tmp/again.out" 2>&1; then
  fail "the demo ran again over an earlier one"
fi
grep -q "never writes over an earlier one" "$tmp/again.out" || { cat "$tmp/again.out"; fail "no reason given"; }
[ -f "$mp4" ] || fail "the earlier demo's archive is gone"
echo PASS
