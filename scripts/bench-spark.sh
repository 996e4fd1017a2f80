#!/usr/bin/env bash
# The Spark job's scaling in local mode (issue 12): the same polyphenol library through SparkApply
# with local[1] and local[2], and through apply (--dedup exact, --workers 1 and 2) for the cost of
# running on Spark. Prints per run: products generated and written, elapsed seconds (the job's own,
# from the summary, without JVM and Spark start-up; and the process's wall time), products/s; then
# Spark's parallel efficiency (local[2] rate / (2 x local[1] rate)) and the cost ratios
# (apply rate / Spark rate at the same number of cores). Checks that every run wrote the same
# number of products.
#
#   scripts/bench-spark.sh [ROWS=100000]
#
# Environment: LIBRARY (default ../shared/data/polyphenols_1m.smi.gz), HEAP (default 3g),
# PARTITIONS (default 8), TRANSFORMS (default: the five reference transforms), OUT (default
# target/bench-spark).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
LIBRARY=${LIBRARY:-../shared/data/polyphenols_1m.smi.gz}
HEAP=${HEAP:-3g}
PARTITIONS=${PARTITIONS:-8}
OUT=${OUT:-target/bench-spark}
TRANSFORMS=${TRANSFORMS:-phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,amine_n_acetylation}
[ -f "$LIBRARY" ] || { echo "bench-spark: missing $LIBRARY (set LIBRARY=...)" >&2; exit 1; }
[ -f target/transform.jar ] && [ -f target/transform-spark.jar ] || mvn -q -B package -DskipTests
mkdir -p "$OUT"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); -Xmx$HEAP; $ROWS rows; $PARTITIONS partitions; transforms: $TRANSFORMS"
pq="$OUT/polyphenols_$ROWS.parquet"
if [ ! -f "$pq" ]; then
  (set +o pipefail; zcat "$LIBRARY" | head -n "$ROWS" > "$OUT/lib.smi")
  java -jar target/transform.jar convert --input "$OUT/lib.smi" --output "$pq" --overwrite >/dev/null
  rm -f "$OUT/lib.smi"
fi

# summary JSON -> "generated written seconds"
figures() {
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); p=s["products"]; print(p["generated"], p["written"], s["performance"]["elapsedSeconds"])' "$1"
}

declare -A GEN WRITTEN SECS WALL
run() { # name, command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$OUT/$name.log" 2>&1 || { echo "bench-spark: $name failed, see $OUT/$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  WALL[$name]=$(python3 -c "print(f'{$end - $start:.1f}')")
}

for cores in 1 2; do
  name="spark-local$cores"
  SPARK_DRIVER_MEMORY=$HEAP run "$name" scripts/spark-apply.sh --master "local[$cores]" \
    --partitions "$PARTITIONS" --input "$pq" --output "$OUT/$name" --overwrite --only "$TRANSFORMS"
  read -r GEN[$name] WRITTEN[$name] SECS[$name] < <(figures "$OUT/$name/_summary.json")
  name="apply-workers$cores"
  run "$name" java -Xmx"$HEAP" -jar target/transform.jar apply --input "$pq" \
    --output "$OUT/$name.parquet" --overwrite --only "$TRANSFORMS" --dedup exact \
    --workers "$cores" --quiet
  read -r GEN[$name] WRITTEN[$name] SECS[$name] < <(figures "$OUT/$name.parquet.summary.json")
done

printf '%-16s %12s %12s %10s %10s %12s\n' run generated written "job s" "wall s" "products/s"
for name in spark-local1 spark-local2 apply-workers1 apply-workers2; do
  rate=$(python3 -c "print(f'{${GEN[$name]} / ${SECS[$name]}:.0f}')")
  printf '%-16s %12s %12s %10.1f %10s %12s\n' "$name" "${GEN[$name]}" "${WRITTEN[$name]}" "${SECS[$name]}" "${WALL[$name]}" "$rate"
done
for name in spark-local2 apply-workers1 apply-workers2; do
  [ "${WRITTEN[$name]}" = "${WRITTEN[spark-local1]}" ] || { echo "bench-spark: $name wrote ${WRITTEN[$name]} products, spark-local1 ${WRITTEN[spark-local1]}" >&2; exit 1; }
done
python3 - "${SECS[spark-local1]}" "${SECS[spark-local2]}" "${SECS[apply-workers1]}" "${SECS[apply-workers2]}" <<'PY'
import sys
s1, s2, a1, a2 = map(float, sys.argv[1:])
print(f"Spark parallel efficiency local[1] -> local[2]: {s1 / s2 / 2:.0%} (speed-up {s1 / s2:.2f}x)")
print(f"apply parallel efficiency 1 -> 2 workers:      {a1 / a2 / 2:.0%} (speed-up {a1 / a2:.2f}x)")
print(f"cost of Spark (apply rate / Spark rate): 1 core {s1 / a1:.2f}x, 2 cores {s2 / a2:.2f}x")
PY
