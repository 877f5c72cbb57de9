#!/usr/bin/env bash
# Benchmark: scans a directory with prodlint, parse only and the whole scan, with 1 and 2 threads,
# and prints files/s, lines/s, MB/s and peak RSS for each, then the phases of the last full scan.
# Whole process, JVM start included.
# Usage: bench/bench.sh DIR [RUNS]   (RUNS: repetitions per configuration, the best is kept; default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?usage: bench/bench.sh DIR [RUNS]}"
runs="${2:-3}"
"$here/prodlint" --version >/dev/null
if ! command -v /usr/bin/time >/dev/null; then echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '%-12s %-7s %8s %9s %9s %8s %8s %9s %9s %10s\n' mode threads files lines MB seconds files/s lines/s MB/s peakRSS_MB
for mode in parse full; do
  for threads in 1 2; do
    best=""
    for ((i = 0; i < runs; i++)); do
      extra=()
      [ "$mode" = parse ] && extra=(--parse-only)
      /usr/bin/time -f '%e %M' -o "$tmp/time" "$here/prodlint" check "$dir" --root "$dir" --threads "$threads" \
        --format json -o "$tmp/out.json" --stats "${extra[@]}" 2>"$tmp/err" || true
      read -r secs rss < <(tail -1 "$tmp/time")
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best%% *})}"; then best="$secs $rss"; fi
    done
    read -r secs rss <<<"$best"
    stats=$(python3 -c "import json;s=json.load(open('$tmp/out.json'))['stats'];print(s['files'],s['lines'])")
    read -r files lines <<<"$stats"
    mb=$(grep -o '[0-9.]* MB in' "$tmp/err" | head -1 | cut -d' ' -f1)
    awk -v m="$mode" -v t="$threads" -v f="$files" -v l="$lines" -v mb="$mb" -v s="$secs" -v r="$rss" \
      'BEGIN{printf "%-12s %-7s %8d %9d %9.1f %8.2f %8.0f %9.0f %9.2f %10.0f\n", m, t, f, l, mb, s, f/s, l/s, mb/s, r/1024}'
  done
done
echo
echo "phases of the last full scan (2 threads):"
grep '^stats: phases' "$tmp/err" | sed 's/^stats: phases: /  /'
