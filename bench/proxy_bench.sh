#!/usr/bin/env bash
# Viewers fetching the live video's segments: straight from chamber-server, and through the
# shipped nginx site (deploy/nginx/chamber.conf: TLS, its cache) as citizens reach it. Prints
# requests a second and what the crowd cost chamber-server — its CPU time and the requests
# that reached it — in each case.
#   bash bench/proxy_bench.sh [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
conns="${2:-50}"
build="${CHAMBER_BUILD:-build}"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A 2-s live segment at the livestream's 3 Mb/s, and its playlist, in a public sitting.
mkdir -p "$tmp/live"
ffmpeg -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -t 2 -c:v libx264 -b:v 3M -minrate 3M \
  -maxrate 3M -bufsize 1M -x264-params nal-hrd=cbr -f mpegts "$tmp/live/segment00001.ts"
printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nsegment00001.ts\n' > "$tmp/live/index.m3u8"
CHAMBER_BUILD="$build" bash scripts/demo-data.sh "$tmp/demo" > /dev/null 2>&1
port=$(freeport)
"$build/session-server/chamber-server" --port "$port" --data "$tmp/demo/data" --portal portal \
  --hls "$tmp/live" --log-level warn --trust-proxy > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.1; done
# The sitting opens: its live video is public. (The command's name from the one definition,
# as the portal takes it: portal/assets/protocol.js, generated from protocol/.)
open_cmd=$(sed -n "s/^  SITTING_OPEN: '\(.*\)',$/\1/p" portal/assets/protocol.js)
python3 - "$port" "$open_cmd" <<'PY'
import base64, json, os, socket, sys
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port))
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
           f"Sec-WebSocket-Protocol: chamber.v1\r\n\r\n").encode())
s.recv(4096)
def send(obj):
    data = json.dumps(obj).encode(); mask = os.urandom(4)
    hdr = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126 else bytes([0x80 | 126]) + len(data).to_bytes(2, "big"))
    s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
    s.recv(65536)
send({"type": "hello", "version": 1})
send({"type": "auth", "id": "a", "method": "pin", "seat": 1, "pin": "101001"})
send({"type": "cmd", "id": "o", "cmd": sys.argv[2], "args": {}})
PY
sleep 0.5
curl -fs -o /dev/null "http://127.0.0.1:$port/live/segment00001.ts" || { echo "the segment is not served"; exit 1; }

# nginx with the shipped site, its addresses moved to this run's (as the browser test does).
nport=$(freeport)
mkdir -p "$tmp/nginx/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout "$tmp/key.pem" \
  -out "$tmp/cert.pem" > /dev/null 2>&1
tests/support/nginx-site.sh "$port" 9 "$nport" "$(freeport)" "$tmp/cert.pem" "$tmp/key.pem" \
  "$tmp/nginx/cache" > "$tmp/nginx/site.conf"
cat > "$tmp/nginx/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1;
pid $tmp/nginx/nginx.pid; error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  log_format cache '\$upstream_cache_status';
  access_log $tmp/nginx/logs/access.log cache;
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/f; uwsgi_temp_path $tmp/nginx/u; scgi_temp_path $tmp/nginx/s;
  include $tmp/nginx/site.conf;
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
for _ in $(seq 50); do curl -fsk "https://127.0.0.1:$nport/health" > /dev/null && break; sleep 0.1; done

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # utime + stime, clock ticks
hz=$(getconf CLK_TCK)
# Requests that reached chamber-server through nginx: every one its cache did not answer.
forwarded() { grep -vc '^HIT$' "$tmp/nginx/logs/access.log" 2>/dev/null || true; }
echo "# proxy_bench: ${secs}s per run, $conns connections, wrk -t1, one 2-s segment ($(stat -c %s "$tmp/live/segment00001.ts") bytes)"
printf "%-34s %12s %14s %18s %16s\n" "path" "requests/s" "throughput" "server CPU (s)" "reached server"
for path in "direct:http://127.0.0.1:$port" "nginx (TLS, cache):https://127.0.0.1:$nport"; do
  name=${path%%:*}; base=${path#*:}
  c0=$(cpu); r0=$(forwarded)
  out=$(wrk -t1 -c"$conns" -d"${secs}s" "$base/live/segment00001.ts")
  c1=$(cpu); r1=$(forwarded)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  tput=$(awk '/Transfer\/sec/ {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  printf "%-34s %12s %14s %18s %16s\n" "$name" "$rps" "$tput" \
    "$(awk -v a="$c0" -v b="$c1" -v h="$hz" 'BEGIN {printf "%.2f", (b - a) / h}')" \
    "$([ "$name" = direct ] && echo "all $total" || echo "$((r1 - r0)) of $total")"
done
