#!/usr/bin/env bash
# Installs what is missing, builds, prepares the demo sitting of the People's Council of
# Côn Minh commune (25 delegates, agenda, real PDFs) and runs the session server with it.
#   PORT=8080 HOST=127.0.0.1 bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
bash scripts/demo-data.sh build/demo
PORT="${PORT:-8080}"
HOST="${HOST:-127.0.0.1}"
echo
echo "Kỳ họp mẫu HĐND xã Côn Minh / demo sitting: ws://$HOST:$PORT (subprotocol chamber.v1)"
echo "  sức khỏe / health:   http://$HOST:$PORT/health"
echo "  trạng thái / state:  http://$HOST:$PORT/api/state"
echo "  tài liệu / papers:   http://$HOST:$PORT/api/documents"
echo "  đại biểu: ghế 1..25, PIN 1001..1025 (assets/demo/delegates.csv)"
echo "Dừng / stop: Ctrl+C"
exec build/session-server/chamber-server --host "$HOST" --port "$PORT" --data build/demo/data
