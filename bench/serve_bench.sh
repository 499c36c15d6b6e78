#!/usr/bin/env bash
# The session server serving what citizens download — a document (PDF), the portal's page and
# a live HLS segment — against nginx serving the same files, in the same run, with wrk on
# loopback. Both get one event loop (nginx: worker_processes 1), keep-alive connections.
#   bash bench/serve_bench.sh [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
conns="${2:-50}"
build="${CHAMBER_BUILD:-build}"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The files: the portal as it is, a 2-s HLS segment at the livestream's 3 Mb/s, and a
# ~1 MiB PDF published for download.
mkdir -p "$tmp/live" "$tmp/www/live" "$tmp/www/api/documents"
ffmpeg -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -t 2 -c:v libx264 -b:v 3M -minrate 3M \
  -maxrate 3M -bufsize 1M -x264-params nal-hrd=cbr -f mpegts "$tmp/live/segment00001.ts"
python3 - "$tmp/doc.pdf" <<'PY'
import sys, random
random.seed(7)
body = b"%PDF-1.4\n" + bytes(random.getrandbits(8) for _ in range(1 << 20)) + b"\n%%EOF\n"
open(sys.argv[1], "wb").write(body)
PY
"$build/tools/chamberctl" --data "$tmp/data" document publish "$tmp/doc.pdf" --type "Nghị quyết" \
  --number "01/NQ-HĐND" --title "Tài liệu đo" --issuer "HĐND xã" --issued 2026-01-01 > "$tmp/sha.txt"
sha=$(cut -d' ' -f1 < "$tmp/sha.txt")
cp -r portal/index.html portal/assets "$tmp/www/"
cp "$tmp/live/segment00001.ts" "$tmp/www/live/"
cp "$tmp/doc.pdf" "$tmp/www/api/documents/$sha"

port=$(freeport)
"$build/session-server/chamber-server" --port "$port" --data "$tmp/data" --portal portal --hls "$tmp/live" \
  --log-level warn &
nport=$(freeport)
mkdir -p "$tmp/nginx/logs"
cat > "$tmp/nginx/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1;
error_log $tmp/nginx/logs/error.log; pid $tmp/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  server { listen 127.0.0.1:$nport; root $tmp/www; location /api/documents/ { default_type application/pdf; } }
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
sleep 1

echo "# serve_bench: ${secs}s per run, $conns connections, wrk -t1 (2 cores shared by wrk and the server)"
printf "%-14s %-8s %12s %14s %10s\n" "what" "server" "requests/s" "throughput" "size"
run() {  # what url-path
  local what=$1 path=$2 size
  size=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$path")
  for s in chamber nginx; do
    local p=$port; [ $s = nginx ] && p=$nport
    local out; out=$(wrk -t1 -c"$conns" -d"${secs}s" "http://127.0.0.1:$p$path")
    local rps tput
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    tput=$(awk '/Transfer\/sec/ {print $2}' <<<"$out")
    printf "%-14s %-8s %12s %14s %10s\n" "$what" "$s" "$rps" "$tput/s" "$size"
    eval "${s}_rps=$rps"
  done
  python3 -c "print(f'{\"\":14} ratio    {$chamber_rps/$nginx_rps:12.2f}x nginx')"
}
run "portal page" "/index.html"
run "HLS segment" "/live/segment00001.ts"
run "document" "/api/documents/$sha"
