#!/usr/bin/env bash
# End-to-end benchmark of `apply` on the shaded jar: memory that does not grow with the input,
# speed on every core. Prints one table, then the scaling and pipeline-overhead figures.
#
#   scripts/bench.sh            # 10k, 100k and 1M rows (about 15-20 min on 2 cores)
#   scripts/bench.sh --quick    # 10k and 100k rows
#
# Environment: LIBRARY (default ../shared/data/polyphenols_1m.smi.gz), HEAP (default 1g: the
# documented heap for default settings; given as -Xms and -Xmx, so the heap is sized up front and
# peak RSS compares runs, not the JVM's heap-growth policy over runs of different lengths), GC (default -XX:+UseParallelGC, the throughput collector
# recommended in USAGE_GUIDE.md; G1, the JVM default, costs ~15% more CPU here), TRANSFORMS (default: the five reference transforms, the
# work the RDKit baseline of ~4,100 products/s per core does), OUT (default target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."

LIBRARY=${LIBRARY:-../shared/data/polyphenols_1m.smi.gz}
HEAP=${HEAP:-1g}
GC=${GC:--XX:+UseParallelGC}
OUT=${OUT:-target/bench}
TRANSFORMS=${TRANSFORMS:-phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,amine_n_acetylation}
SIZES=(10000 100000 1000000)
[ "${1:-}" = "--quick" ] && SIZES=(10000 100000)

[ -f "$LIBRARY" ] || { echo "bench: missing $LIBRARY (set LIBRARY=...)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -f target/transform.jar ] || mvn -q -B package -DskipTests
JAR=target/transform.jar
mkdir -p "$OUT"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); -Xms$HEAP -Xmx$HEAP $GC; transforms: $TRANSFORMS"

# library of n rows, as Parquet, made once
library() {
  local n=$1 smi="$OUT/polyphenols_$1.smi" pq="$OUT/polyphenols_$1.parquet"
  if [ ! -f "$pq" ]; then
    zcat "$LIBRARY" | head -n "$n" > "$smi"
    java -jar "$JAR" convert --input "$smi" --output "$pq" --overwrite >/dev/null
    rm -f "$smi"
  fi
  echo "$pq"
}

# run apply; prints: products unique wall cpu rss_mb heap_mb inflight consumer_busy_s
run() {
  local input=$1 output=$2; shift 2
  local timing="$output.time"
  /usr/bin/time -v -o "$timing" java "-Xms$HEAP" "-Xmx$HEAP" $GC -jar "$JAR" apply --input "$input" \
      --output "$output" --overwrite --quiet --only "$TRANSFORMS" "$@" >"$output.out" 2>&1
  python3 - "$output.summary.json" "$timing" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(\S+)", t).group(1)
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
p, perf = s["products"], s["performance"]
print(p["generated"], p["written"], f"{wall:.1f}", f"{cpu:.1f}", f"{rss:.0f}",
      f"{perf['peakHeapUsedBytes'] / 2**20:.0f}", perf["maxInFlightObserved"],
      f"{perf['consumerBusySeconds']:.1f}")
PY
}

printf '\n%9s %11s %11s %8s %8s %11s %14s %13s %13s %10s %12s\n' rows products unique "wall s" "CPU s" products/s "per core used" "peak RSS MB" "peak heap MB" "in-flight" "consumer s"
declare -A RSS
for n in "${SIZES[@]}"; do
  read -r products unique wall cpu rss heap inflight busy < <(run "$(library "$n")" "$OUT/out_$n.parquet")
  RSS[$n]=$rss
  printf '%9d %11d %11d %8.1f %8.1f %11.0f %14.0f %13.0f %13.0f %10s %12s\n' "$n" "$products" "$unique" \
      "$wall" "$cpu" "$(echo "$products / $wall" | bc -l)" "$(echo "$products / $cpu" | bc -l)" "$rss" "$heap" "$inflight" "$busy"
done

if [ -n "${RSS[1000000]:-}" ]; then
  echo
  echo "peak RSS 1M / 100k: $(echo "${RSS[1000000]} / ${RSS[100000]}" | bc -l | cut -c1-5) (target <= 1.1)"
fi

echo
echo "scaling on 100k rows (products/s, wall clock):"
pq=$(library 100000)
read -r p1 _ w1 c1 _ < <(run "$pq" "$OUT/w1.parquet" --workers 1)
read -r p2 _ w2 c2 _ < <(run "$pq" "$OUT/w2.parquet" --workers 2)
r1=$(echo "$p1 / $w1" | bc -l); r2=$(echo "$p2 / $w2" | bc -l)
printf '  1 worker: %.0f/s   2 workers: %.0f/s   ratio %.2f (target >= 1.8)\n' "$r1" "$r2" "$(echo "$r2 / $r1" | bc -l)"

echo
echo "single-thread chemistry rate on the first 20,000 rows (ChemistryBenchmark):"
chem_out=$(java -Xmx2g $GC -cp "$JAR" org.transformpipeline.bench.ChemistryBenchmark "$LIBRARY" 20000 4)
echo "$chem_out" | sed 's/^/  /'
chem=$(echo "$chem_out" | sed -n 's/^best: \([0-9,]*\).*/\1/p' | tr -d ,)
printf '  end-to-end with 2 workers / (2 x chemistry rate) = %.2f (target >= 0.9)\n' "$(echo "$r2 / (2 * $chem)" | bc -l)"
