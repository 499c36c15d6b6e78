#!/usr/bin/env bash
# chamber-archive on a long recording: N minutes of 1280x720 30 fps, 3 Mb/s H.264 + AAC in
# 10-s MPEG-TS segments (timestamps as GStreamer's mpegtsmux writes them: running time + 1 h),
# a chapter every 30 s from an event log. Prints the time to build the archive (remux +
# chapters + one thumbnail per chapter) and compares it with ffmpeg's own concat remux.
#   bash bench/archive_bench.sh [minutes=5]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-5}"
build="${CHAMBER_BUILD:-build}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
started=1796000000000
mkdir -p "$tmp/rec"
secs=$((minutes * 60))
echo "# archive_bench: $minutes min recording; making the segments with ffmpeg…"
ffmpeg -loglevel error -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
  -t "$secs" -c:v libx264 -preset ultrafast -b:v 3M -g 60 -keyint_min 60 -sc_threshold 0 -c:a aac -b:a 128k \
  -output_ts_offset 3600 -f segment -segment_time 10 -segment_format mpegts -reset_timestamps 0 \
  "$tmp/rec/recording-$started-%05d.ts"
python3 - "$tmp/events.json" "$started" "$secs" <<'PY'
import json, re, sys
out, started, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# Event kinds from the protocol's generated names (portal/assets/protocol.js), not typed here.
js = open("portal/assets/protocol.js").read()
K = dict(re.findall(r"^  (\w+): '([a-z_.]+)',$", js.split("export const EVENTS")[1].split("});")[0], re.M))
agenda = [{"id": str(i), "title": f"Nội dung số {i}"} for i in range(1, 11)]
roster = [{"id": f"db{i:02d}", "name": f"Đại biểu số {i}", "title": "Đại biểu HĐND xã"} for i in range(1, 26)]
ev = [{"seq": 1, "ts": started - 5000, "sitting": 1, "kind": K["SITTING_CREATED"],
       "data": {"number": 1, "title": "Kỳ họp đo hiệu năng", "agenda": agenda, "roster": roster, "responders": []}},
      {"seq": 2, "ts": started, "sitting": 1, "kind": K["MEDIA_STATE"],
       "data": {"state": "live", "recording": f"recording-{started}-%05d.ts", "recordingStarted_ms": started}}]
t, n, seq = 15000, 0, 3
while t < secs * 1000:
    kind = K["AGENDA_ACTIVATED"] if n % 4 == 0 else K["FLOOR_GRANTED"]
    data = {"item": str(n // 4 % 10 + 1)} if kind == K["AGENDA_ACTIVATED"] else {"person": f"db{n % 25 + 1:02d}", "kind": "speech"}
    ev.append({"seq": seq, "ts": started + t, "sitting": 1, "kind": kind, "data": data})
    seq, n, t = seq + 1, n + 1, t + 30000
json.dump(ev, open(out, "w"), ensure_ascii=False)
PY
size=$(du -sh "$tmp/rec" | cut -f1)
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB max RSS" -o "$tmp/time" \
  "$build/media/chamber-archive" --events "$tmp/events.json" --sitting 1 --recordings "$tmp/rec" --out "$tmp/out" 2> "$tmp/log"
chapters=$(python3 -c "import json;print(len(json.load(open('$tmp/out/sitting-1/archive.json'))['chapters']))")
echo "chamber-archive: $(cat "$tmp/time") — $chapters chapters + thumbnails, $size of segments"
ls "$tmp/rec"/*.ts | sed 's/^/file /' > "$tmp/list.txt"
/usr/bin/time -f "%e s wall, %U s user, %S s sys" -o "$tmp/time2" \
  ffmpeg -loglevel error -f concat -safe 0 -i "$tmp/list.txt" -c copy -movflags +faststart "$tmp/ffmpeg.mp4"
echo "ffmpeg concat remux (no chapters, no thumbnails): $(cat "$tmp/time2")"
