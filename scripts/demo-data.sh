#!/usr/bin/env bash
# Builds the demo data folder from assets/demo with chamberctl: council, accounts, the
# sitting with its agenda and rules, and the generated PDFs attached to their items.
#   bash scripts/demo-data.sh OUT_DIR      (OUT_DIR/data is the server's data folder)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/demo}"
build="${CHAMBER_BUILD:-build}"
ctl="$build/tools/chamberctl"
demo=assets/demo
rm -rf "$out"
mkdir -p "$out"
"$ctl" --data "$out/data" council import "$demo/delegates.csv"
tail -n +2 "$demo/accounts.csv" | while IFS=, read -r id name title role password; do
  CHAMBER_ACCOUNT_PASSWORD="$password" "$ctl" --data "$out/data" account --id "$id" --name "$name" --title "$title" --role "$role"
done
"$ctl" --data "$out/data" sitting create --number 5 --term "2026-2031" \
  --title "Kỳ họp thứ năm, HĐND xã Côn Minh khóa I" --date 2026-12-10 --time 07:30 \
  --place "Hội trường UBND xã Côn Minh" --agenda "$demo/agenda.json" --rules "$demo/rules.toml"
"$build/assets/make-demo-pdfs" "$demo/documents.json" "$out/pdfs" > /dev/null
python3 - "$demo/documents.json" <<'PY' | while IFS=$'\t' read -r file item title classified; do
import json, sys
for d in json.load(open(sys.argv[1])):
    print("\t".join([d["file"], d["item"], d["title"], "1" if d.get("classified") else "0"]))
PY
  flag=""
  [ "$classified" = "1" ] && flag="--classified"
  "$ctl" --data "$out/data" document attach "$out/pdfs/$file" --item "$item" --title "$title" $flag
done
# Documents the council has already issued, published on the portal (Decree 42/2022 fields).
"$build/assets/make-demo-pdfs" "$demo/publications.json" "$out/published" > /dev/null
python3 - "$demo/publications.json" <<'PY' | while IFS=$'\t' read -r file title type number summary issuer signer issued effective; do
import json, sys
for d in json.load(open(sys.argv[1])):
    print("\t".join([d["file"], d["title"], d["type"], d["number"], d["summary"], d["issuer"], d["signer"], d["issued"], d["effective"] or "-"]))
PY
  eff=()
  [ "$effective" != "-" ] && eff=(--effective "$effective")
  "$ctl" --data "$out/data" document publish "$out/published/$file" --title "$title" --type "$type" \
    --number "$number" --summary "$summary" --issuer "$issuer" --signer "$signer" --issued "$issued" "${eff[@]}"
done
# The register of citizens' petitions: topics and the offices that answer them, areas.
"$ctl" --data "$out/data" petitions configure "$demo/petitions.toml"
"$ctl" --data "$out/data" verify
