#!/usr/bin/env bash
# Side by side: prodlint against ESLint (typescript-eslint's recommended rules) on a TypeScript
# corpus and PMD 7 (CloseResource + the bestpractices category) on a Java corpus, each tool timed
# as a whole process (JVM or Node start included) with 2 threads where it has them, best of RUNS.
# Prints each time, prodlint's speed-up over each tool, and prodlint's phases and peak memory.
# The other tools are installed into a scratch folder (npm; Maven Central through Maven).
# Usage: bench/compare.sh [--ts DIR] [--java DIR] [--runs N]
#        (default: a generated 1M-line repository, bench/generate-repo.py: its ts/ and java/ halves)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ts_dir="" java_dir="" runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --ts) ts_dir="$2"; shift 2 ;;
    --java) java_dir="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: bench/compare.sh [--ts DIR] [--java DIR] [--runs N]" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
"$here/prodlint" --version > /dev/null
rm -f "$work"/prodlint-*.stats   # a scratch folder kept between runs must not show an earlier run's phases
if [ -z "$ts_dir" ] && [ -z "$java_dir" ]; then
  [ -d "$work/repo-1m" ] || python3 "$here/bench/generate-repo.py" "$work/repo-1m" 1000000
  ts_dir="$work/repo-1m/ts" java_dir="$work/repo-1m/java"
fi

# best wall time of RUNS runs of a command: prints "seconds peakRSS_MB"
timed() {
  local best="" rss=""
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
    read -r s m < <(tail -1 "$work/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best="$s" rss="$m"; fi
  done
  echo "$best $((rss / 1024))"
}
lines_of() { find "$1" -type f \( -name "$2" -o -name "$3" \) -not -path '*/node_modules/*' -print0 | xargs -0 cat | wc -l; }
# as ./prodlint runs it, class data sharing archive included when the launcher made one; with
# --include-tests below, since ESLint and PMD read test files too
prodlint=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
[ -f "$here/prodlint-cli/target/prodlint.jsa" ] && prodlint+=(-XX:SharedArchiveFile="$here/prodlint-cli/target/prodlint.jsa" -Xlog:cds=off)
prodlint+=(-jar "$here/prodlint-cli/target/prodlint.jar")
row() { printf '%-34s %9s %9s %10s %s\n' "$@"; }

row "tool and corpus" lines seconds peakRSS_MB "prodlint is"
if [ -n "$ts_dir" ]; then
  if [ ! -x "$work/eslint/node_modules/.bin/eslint" ]; then
    npm install --prefix "$work/eslint" --no-audit --no-fund --silent eslint@9.39.5 typescript-eslint@8.74.0 typescript@5.9.3 > /dev/null
    cat > "$work/eslint/eslint.config.mjs" <<'CFG'
import tseslint from 'typescript-eslint';
export default [...tseslint.configs.recommended];
CFG
  fi
  lines=$(lines_of "$ts_dir" '*.ts' '*.tsx')
  read -r p_s p_m < <(timed "${prodlint[@]}" check "$ts_dir" --root "$ts_dir" --include-tests --threads 2 --format json -o "$work/p.json" --stats)
  cp "$work/err" "$work/prodlint-ts.stats"
  read -r e_s e_m < <(cd "$ts_dir" && timed "$work/eslint/node_modules/.bin/eslint" -c "$work/eslint/eslint.config.mjs" \
      --no-warn-ignored --no-error-on-unmatched-pattern -f json -o "$work/eslint.json" '**/*.ts' '**/*.tsx')
  row "prodlint, TypeScript" "$lines" "$p_s" "$p_m" ""
  row "ESLint + typescript-eslint recommended" "$lines" "$e_s" "$e_m" "$(awk "BEGIN{printf \"%.1fx faster\", $e_s / $p_s}")"
fi
if [ -n "$java_dir" ]; then
  if [ ! -f "$work/pmd/lib.ok" ]; then
    mkdir -p "$work/pmd"
    cat > "$work/pmd/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>pmd</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-cli</artifactId><version>7.26.0</version></dependency>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-java</artifactId><version>7.26.0</version></dependency>
  </dependencies>
</project>
POM
    mvn -q -B -f "$work/pmd/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/pmd/lib" > /dev/null
    touch "$work/pmd/lib.ok"
  fi
  lines=$(lines_of "$java_dir" '*.java' '*.java')
  read -r p_s p_m < <(timed "${prodlint[@]}" check "$java_dir" --root "$java_dir" --include-tests --threads 2 --format json -o "$work/p.json" --stats)
  cp "$work/err" "$work/prodlint-java.stats"
  read -r m_s m_m < <(timed java -cp "$work/pmd/lib/*" net.sourceforge.pmd.cli.PmdCli check -d "$java_dir" \
      -R category/java/errorprone.xml/CloseResource,category/java/bestpractices.xml -t 2 -f text --no-cache --no-progress -r "$work/pmd.txt")
  row "prodlint, Java" "$lines" "$p_s" "$p_m" ""
  row "PMD 7 CloseResource + bestpractices" "$lines" "$m_s" "$m_m" "$(awk "BEGIN{printf \"%.1fx faster\", $m_s / $p_s}")"
fi
echo
for f in "$work"/prodlint-ts.stats "$work"/prodlint-java.stats; do
  [ -f "$f" ] && { echo "prodlint $(basename "$f" .stats | sed 's/prodlint-//'):"; grep '^stats:' "$f" | sed 's/^/  /'; }
done
