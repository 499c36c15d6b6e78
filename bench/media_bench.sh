#!/usr/bin/env bash
# chamber-media against the ffmpeg command line, same run, same machine:
#   CPU time per minute of 1280x720 30 fps with recording + HLS + one RTMP push (to a local
#   nginx-rtmp), and the delay from capture to a segment appearing in the HLS playlist;
#   then chamber-media again with the WebRTC branch on (RTP of the same H.264 + an Opus
#   encode): the cost of the live view.
#   bash bench/media_bench.sh [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$tmp/nginx/rec" "$tmp/nginx/logs"
cat > "$tmp/nginx/nginx.conf" <<CONF
daemon off; master_process off;
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
error_log $tmp/nginx/logs/error.log; pid $tmp/nginx/nginx.pid;
events {}
rtmp { server { listen 127.0.0.1:$port; application live { live on; } } }
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
sleep 0.5
cat > "$tmp/bench.toml" <<CONF
[output]
width = 1280
height = 720
fps = 30
video_bitrate_kbps = 3000
[[camera]]
id = "overview"
pattern = "smpte100"   # colour bars without the noise block: what ffmpeg's smptebars draws
[[microphone]]
id = "chair"
[[destination]]
id = "local"
url = "rtmp://127.0.0.1:$port/live"
key_env = "BENCH_KEY"
CONF
export BENCH_KEY=chamber

# chamber-media, and a watch on its playlist for the first segment's arrival.
start=$(date +%s.%N)
( while [ ! -s "$tmp/media/live/index.m3u8" ] || ! grep -q '\.ts' "$tmp/media/live/index.m3u8"; do sleep 0.02; done
  echo "$(date +%s.%N)" > "$tmp/first-segment" ) &
/usr/bin/time -f "%U %S" -o "$tmp/media.time" build/media/chamber-media --hardware "$tmp/bench.toml" \
  --data "$tmp/media" --duration "$secs" 2> "$tmp/media.log"
read -r mu ms < "$tmp/media.time"
first=$(cat "$tmp/first-segment" 2>/dev/null || echo 0)

# The same with the live view in WebRTC: RTP to two local UDP ports (Janus's, in a chamber).
{ cat "$tmp/bench.toml"; printf '[webrtc]\nvideo_port = 45004\naudio_port = 45002\n'; } > "$tmp/webrtc.toml"
/usr/bin/time -f "%U %S" -o "$tmp/webrtc.time" build/media/chamber-media --hardware "$tmp/webrtc.toml" \
  --data "$tmp/media-webrtc" --duration "$secs" 2> "$tmp/webrtc.log"
read -r wu ws < "$tmp/webrtc.time"

# ffmpeg: the same three outputs from the same kind of test source, one encode.
mkdir -p "$tmp/ff/live"
/usr/bin/time -f "%U %S" -o "$tmp/ff.time" ffmpeg -hide_banner -loglevel error -re \
  -f lavfi -i "smptebars=size=1280x720:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$secs" \
  -c:v libx264 -preset veryfast -tune zerolatency -b:v 3000k -maxrate 3000k -bufsize 3000k -g 60 -keyint_min 60 \
  -x264-params nal-hrd=cbr:filler=1 \
  -sc_threshold 0 -c:a aac -b:a 128k -ac 2 -map 0:v -map 1:a -flags +global_header -f tee \
  "[f=mpegts]$tmp/ff/rec.ts|[f=hls:hls_time=2:hls_list_size=6]$tmp/ff/live/index.m3u8|[f=flv:onfail=ignore]rtmp://127.0.0.1:$port/live/ff"
read -r fu fs < "$tmp/ff.time"

python3 - "$secs" "$mu" "$ms" "$fu" "$fs" "$start" "$first" "$wu" "$ws" <<'PY'
import sys
secs, mu, ms, fu, fs, start, first, wu, ws = map(float, sys.argv[1:])
m = (mu + ms) * 60 / secs
f = (fu + fs) * 60 / secs
w = (wu + ws) * 60 / secs
print(f"{secs:.0f} s of 1280x720 30 fps + AAC, recording + HLS + 1 RTMP push")
print(f"chamber-media: {mu:.1f} s user + {ms:.1f} s sys = {m:.1f} CPU-s per minute")
print(f"ffmpeg CLI:    {fu:.1f} s user + {fs:.1f} s sys = {f:.1f} CPU-s per minute")
print(f"ratio chamber-media / ffmpeg: {m / f:.2f}x")
print(f"chamber-media + WebRTC branch: {w:.1f} CPU-s per minute ({w - m:+.1f} for the live view)")
if first > 0:
    print(f"first HLS segment (2 s of content) in the playlist {first - start:.2f} s after chamber-media started")
PY
