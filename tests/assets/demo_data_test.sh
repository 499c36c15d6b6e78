#!/usr/bin/env bash
# The demo data builds from assets/demo: the council, the sitting, real PDFs with
# Vietnamese text (the 100-page appendix too), attached to their items; the log verifies.
set -euo pipefail
root="$1"; build="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/demo"
cd "$root"
CHAMBER_BUILD="$build" bash scripts/demo-data.sh "$out" > "$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep -q "chain intact" "$tmp/log" || { echo "verify did not pass"; cat "$tmp/log"; exit 1; }
pages=$(pdfinfo "$out/pdfs/phu-luc-ngan-sach-2027.pdf" | awk '/^Pages:/{print $2}')
[ "$pages" -eq 100 ] || { echo "appendix has $pages pages, not 100"; exit 1; }
# (text captured first: grep -q closing the pipe early would fail the pipeline)
budget=$(pdftotext "$out/pdfs/du-toan-ngan-sach-2027.pdf" -)
grep -q "Dự toán thu ngân sách nhà nước" <<< "$budget" || { echo "Vietnamese text not found in the budget PDF"; exit 1; }
plan=$(pdftotext "$out/pdfs/ke-hoach-chuyen-doi-so.pdf" -)
grep -q "chuyển đổi số" <<< "$plan" || { echo "plan text missing"; exit 1; }
count=$(grep -c "→" "$tmp/log")
[ "$count" -eq 6 ] || { echo "expected 6 attached documents, got $count"; exit 1; }
echo "demo data: 6 PDFs attached, appendix $pages pages, log verified"
