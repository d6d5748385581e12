#!/usr/bin/env bash
# A/B benchmark of Occam against itself: the bench workloads at a baseline commit and at a new one,
# each built in a temporary git worktree, run alternately in fresh JVMs with identical JVM flags.
# Prints per workload the median (over fresh JVMs) of each JVM's median per-call main-thread CPU
# time and wall time, and the ratio new/old (> 1: the new commit is slower).
#
#   bench/ab.sh [--base COMMIT] [--new COMMIT] [--workloads LIST] [--threads 1,2] [--fresh N]
#               [--dtypes float32] [--quick] [--jvm "FLAGS"] [--workdir DIR] [--json FILE]
#
# Defaults: --base 3eac238 (the last commit before the engine layer, issue 18), --new HEAD,
# --workloads mlp,cnn_step,resnet20_step, --threads 1,2, --fresh 5, --dtypes float32, the JVM
# flags of today's launcher with a fixed heap (below). --workdir keeps the builds (DIR/<sha>) for
# a rerun; without it they go to a temporary folder removed at the end. "1 thread" runs are pinned
# to CPU 0 with -XX:ParallelGCThreads=1 -XX:CICompilerCount=2, as ./occam bench does, on both sides.
# Compare only on an idle machine: the load average is printed before and after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE=3eac238
NEW=HEAD
WORKLOADS=mlp,cnn_step,resnet20_step
THREADS=1,2
FRESH=5
DTYPES=float32
QUICK=()
JVM="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss8m -Xmx4g -Xmn256m -XX:+UseG1GC -XX:GCTimeRatio=1 -XX:MaxHeapFreeRatio=100"
WORKDIR=""
JSON=""
usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --new) NEW="$2"; shift 2 ;;
    --workloads) WORKLOADS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --fresh) FRESH="$2"; shift 2 ;;
    --dtypes) DTYPES="$2"; shift 2 ;;
    --quick) QUICK=(--quick); shift ;;
    --jvm) JVM="$2"; shift 2 ;;
    --workdir) WORKDIR="$2"; shift 2 ;;
    --json) JSON="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/ab.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$FRESH" =~ ^[1-9][0-9]*$ ]] || { echo "bench/ab.sh: --fresh must be a positive integer, got '$FRESH'" >&2; exit 2; }

JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA" ] || { echo "bench/ab.sh: no java at $JAVA; set JAVA_HOME to a JDK 25" >&2; exit 1; }
export JAVA_HOME="$(dirname "$(dirname "$JAVA")")" PATH="$(dirname "$JAVA"):$PATH"

SHA_BASE="$(git -C "$ROOT" rev-parse --verify "$BASE^{commit}")" || { echo "bench/ab.sh: --base '$BASE' is not a commit" >&2; exit 2; }
SHA_NEW="$(git -C "$ROOT" rev-parse --verify "$NEW^{commit}")" || { echo "bench/ab.sh: --new '$NEW' is not a commit" >&2; exit 2; }

TMP="$(mktemp -d)"
[ -n "$WORKDIR" ] || WORKDIR="$TMP/builds"
mkdir -p "$WORKDIR"
WORKDIR="$(cd "$WORKDIR" && pwd)"
TREES=()
cleanup() {
  for t in "${TREES[@]}"; do git -C "$ROOT" worktree remove --force "$t" >/dev/null 2>&1 || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# Builds the CLI jar of one commit in a temporary worktree; DIR/<sha>/ keeps the jar and its lib/.
build() {
  local sha="$1" out="$WORKDIR/$1"
  if [ -f "$out/occam-cli.jar" ]; then echo "reusing the build of ${sha:0:9} in $out" >&2; return; fi
  local tree="$TMP/tree-${sha:0:9}"
  git -C "$ROOT" worktree add --detach "$tree" "$sha" >/dev/null 2>&1
  TREES+=("$tree")
  echo "building ${sha:0:9} ($(git -C "$ROOT" log -1 --format=%s "$sha" | cut -c1-60))..." >&2
  (cd "$tree" && mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -pl occam-cli -am package) >&2
  mkdir -p "$out"
  cp "$tree/occam-cli/target/occam-cli.jar" "$out/"
  cp -r "$tree/occam-cli/target/lib" "$out/"
  git -C "$ROOT" worktree remove --force "$tree" >/dev/null 2>&1 || true
}
build "$SHA_BASE"
build "$SHA_NEW"

RAW="$TMP/raw.jsonl"
: > "$RAW"
echo "load before: $(cat /proc/loadavg)" >&2
IFS=, read -ra TS <<< "$THREADS"
IFS=, read -ra WS <<< "$WORKLOADS"
for w in "${WS[@]}"; do
  for t in "${TS[@]}"; do
    for ((r = 0; r < FRESH; r++)); do
      # alternate which side goes first, so neither always runs right after the other
      if ((r % 2 == 0)); then order=(old new); else order=(new old); fi
      for side in "${order[@]}"; do
        sha="$SHA_BASE"; [ "$side" = new ] && sha="$SHA_NEW"
        pin=(); extra=()
        if [ "$t" = 1 ]; then
          [ -x /usr/bin/taskset ] && pin=(/usr/bin/taskset -c 0)
          extra=(-XX:ParallelGCThreads=1 -XX:CICompilerCount=2)
        fi
        # shellcheck disable=SC2086
        "${pin[@]}" "$JAVA" $JVM "${extra[@]}" -cp "$WORKDIR/$sha/occam-cli.jar:$WORKDIR/$sha/lib/*" \
          org.occam.cli.Main bench --worker --workloads "$w" --dtypes "$DTYPES" --threads "$t" "${QUICK[@]}" \
          2>/dev/null | grep '^{' | sed "s/^{/{\"side\":\"$side\",\"fresh\":$r,/" >> "$RAW" \
          || echo "bench/ab.sh: $side ${sha:0:9} $w threads=$t produced no record" >&2
        echo "  $w threads=$t fresh $((r + 1))/$FRESH $side done" >&2
      done
    done
  done
done
echo "load after: $(cat /proc/loadavg)" >&2
[ -z "$JSON" ] || cp "$RAW" "$JSON"

/usr/bin/env python3 - "$RAW" "${SHA_BASE:0:9}" "${SHA_NEW:0:9}" "$JVM" <<'EOF'
import json, statistics, sys
raw, base, new, jvm = sys.argv[1:5]
rows = {}
for line in open(raw):
    r = json.loads(line)
    size = f"batch={r['batch']}" if r.get("batch") is not None else f"{r.get('m')}x{r.get('k')}x{r.get('n')}"
    key = (r["workload"], r["dtype"], r["threads"], size)
    d = rows.setdefault(key, {"old": [], "new": []})
    d[r["side"]].append((r["cpu_ms"], r["median_ms"], r.get("other_load") or 0.0))
med = lambda xs: statistics.median(xs) if xs else float("nan")
print(f"A/B: old = {base}, new = {new}; JVM flags (both): {jvm}")
print("per workload: median over fresh JVMs of each JVM's median per call; cpu = main-thread CPU time; load = max other_load")
print(f"{'workload':<17} {'dtype':<7} {'thr':>3} {'size':<12} {'n':>3} {'old cpu':>9} {'new cpu':>9} {'cpu n/o':>7}"
      f" {'old ms':>9} {'new ms':>9} {'ms n/o':>7} {'load':>5}")
for key in sorted(rows):
    d = rows[key]
    oc, om = med([x[0] for x in d["old"]]), med([x[1] for x in d["old"]])
    nc, nm = med([x[0] for x in d["new"]]), med([x[1] for x in d["new"]])
    load = max([x[2] for x in d["old"] + d["new"]] or [0])
    n = min(len(d["old"]), len(d["new"]))
    print(f"{key[0]:<17} {key[1]:<7} {key[2]:>3} {key[3]:<12} {n:>3} {oc:9.3f} {nc:9.3f} {nc / oc:7.3f}"
          f" {om:9.3f} {nm:9.3f} {nm / om:7.3f} {load:5.2f}")
EOF
