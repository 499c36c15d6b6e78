#!/usr/bin/env bash
# Runs every libFuzzer target for a fixed number of executions (default 10 million each, two
# at a time on two cores) under ASan + UBSan, and prints, per target: executions, time,
# executions per second, corpus size, coverage and crashes. Builds the "sanitize" preset.
# The corpus each target grows stays in build-sanitize/fuzz-out/<target>/corpus, so a
# later run goes on from it.
#   bash bench/fuzz.sh                          # 10 000 000 executions each
#   RUNS=200000 bash bench/fuzz.sh              # a quick pass
#   TARGETS="fuzz_csv fuzz_toml" bash bench/fuzz.sh
# A crash leaves its input as build-sanitize/fuzz-out/<target>/crash-*; add it to
# tests/fuzz/corpus/<target>/ with the fix, as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10000000}"
TARGETS=(${TARGETS:-fuzz_protocol fuzz_http fuzz_csv fuzz_toml})
cmake --preset sanitize > /dev/null
ninja -C build-sanitize -j2 "${TARGETS[@]}" > /dev/null
out=build-sanitize/fuzz-out
mkdir -p "$out"
maxlen() { case $1 in fuzz_csv) echo 1024 ;; *) echo 4096 ;; esac; }  # a council's CSV rows are short
run() {
  local t=$1
  mkdir -p "$out/$t/corpus"
  rm -f "$out/$t/result"
  local start=$(date +%s.%N)
  ( cd "$out/$t" && ../../tests/fuzz/$t -runs="$RUNS" -max_len="$(maxlen "$t")" -timeout=10 -print_final_stats=1 \
      corpus "$PWD/../../../tests/fuzz/corpus/$t" > log 2>&1 ) && rc=0 || rc=$?
  local end=$(date +%s.%N)
  echo "$rc $start $end" > "$out/$t/result"
}
for ((i = 0; i < ${#TARGETS[@]}; i += 2)); do
  run "${TARGETS[$i]}" &
  [ $((i + 1)) -lt ${#TARGETS[@]} ] && run "${TARGETS[$((i + 1))]}" &
  wait
done
printf "%-14s %12s %9s %10s %8s %8s %8s\n" target executions seconds exec/s corpus cov crashes
for t in "${TARGETS[@]}"; do
  read -r rc start end < "$out/$t/result"
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t/log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$out/$t/log" | tail -1 | grep -o '[0-9]*' || echo 0)
  corpus=$(ls "$out/$t/corpus" | wc -l)
  crashes=$(ls "$out/$t" | grep -c '^\(crash\|leak\|timeout\|oom\)-' || true)
  secs=$(python3 -c "print(f'{$end-$start:.0f}')")
  printf "%-14s %12s %9s %10s %8s %8s %8s\n" "$t" "$execs" "$secs" "$(python3 -c "print(int($execs/max(1,$end-$start)))")" \
    "$corpus" "$cov" "$crashes$([ "$rc" = 0 ] || echo " (exit $rc)")"
done
