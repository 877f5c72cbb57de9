#!/usr/bin/env bash
# Bounded memory: scans generated repositories of 100k and 1M lines (bench/generate-repo.py) with
# small heaps and prints time, peak RSS, findings and errors for each. Peak memory should barely
# move with a tenfold larger repository: it follows the largest file and the thread count.
# Usage: bench/memory.sh [HEAP...]   (default: 128m 256m)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heaps=("$@")
[ ${#heaps[@]} -eq 0 ] && heaps=(128m 256m)
"$here/prodlint" --version > /dev/null
if ! command -v /usr/bin/time > /dev/null; then echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$here/bench/generate-repo.py" "$tmp/repo-100k" 100000
python3 "$here/bench/generate-repo.py" "$tmp/repo-1m" 1000000
printf '%-10s %-6s %9s %9s %12s %9s %7s\n' repo heap lines seconds peakRSS_MB findings errors
for repo in repo-100k repo-1m; do
  for heap in "${heaps[@]}"; do
    /usr/bin/time -f '%e %M' -o "$tmp/time" java -Xmx"$heap" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -jar "$here/prodlint-cli/target/prodlint.jar" check "$tmp/$repo" --threads 2 --format json -o "$tmp/out.json" 2> "$tmp/err" || true
    read -r secs rss < <(tail -1 "$tmp/time")
    read -r lines findings errors < <(python3 -c "import json;d=json.load(open('$tmp/out.json'));print(d['stats']['lines'],len(d['findings']),len(d['errors']))")
    printf '%-10s %-6s %9d %9.1f %12.0f %9d %7d\n' "$repo" "$heap" "$lines" "$secs" "$((rss / 1024))" "$findings" "$errors"
  done
done
