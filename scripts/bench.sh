#!/usr/bin/env bash
# End-to-end benchmark of `apply` as users run it (issue 13): the README's command
# (scripts/transform, default options: adaptive batch size, every core), the five reference
# transforms, polyphenols. Prints in one run, so the ratios compare figures from one machine state:
#   - the RDKit reference rate (RunReactants + sanitize + canonical SMILES, scripts/compare_rdkit.py,
#     one core; when /usr/bin/python3 has RDKit) and the single-thread kernel rate (ChemistryBenchmark);
#   - end-to-end at 10k/50k/100k/200k/1M rows: products/s, products per CPU-second, peak RSS;
#   - 10k rows with 1 worker and plain `java -jar` (JVM defaults) for the start-up and RSS story;
#   - the targets' ratios and a CPU split per product of the 200k run (JFR, scripts/jfr_split.py).
#
#   scripts/bench.sh            # all sizes (about 40 min on 2 cores)
#   scripts/bench.sh --quick    # 10k, 50k, 100k and 200k rows
#
# Environment: LIBRARY (default ../shared/data/polyphenols_1m.smi.gz), OUT (default target/bench),
# JAR (default target/transform.jar; copied to $OUT so a rebuild during the run changes nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

LIBRARY=${LIBRARY:-../shared/data/polyphenols_1m.smi.gz}
OUT=${OUT:-target/bench}
TRANSFORMS=phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,amine_n_acetylation
SIZES=(10000 50000 100000 200000 1000000)
[ "${1:-}" = "--quick" ] && SIZES=(10000 50000 100000 200000)

[ -f "$LIBRARY" ] || { echo "bench: missing $LIBRARY (set LIBRARY=...)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -f "${JAR:-target/transform.jar}" ] || mvn -q -B package -DskipTests
mkdir -p "$OUT"
cp "${JAR:-target/transform.jar}" "$OUT/transform.jar"
JAR=$OUT/transform.jar
rm -f "$OUT/transform.jsa"
export TRANSFORM_JAR=$JAR

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); command: scripts/transform apply (default options); transforms: the five reference ones"

library() {
  local n=$1 pq="$OUT/polyphenols_$1.parquet"
  if [ ! -f "$pq" ]; then
    (set +o pipefail; zcat "$LIBRARY" | head -n "$n" > "$OUT/lib.smi")
    java -jar "$JAR" convert --input "$OUT/lib.smi" --output "$pq" --overwrite >/dev/null
    rm -f "$OUT/lib.smi"
  fi
  echo "$pq"
}

# run LAUNCHER INPUT OUTPUT [apply options]; prints: generated written wall cpu rss_mib batch
run() {
  local launcher=$1 input=$2 output=$3; shift 3
  local cmd=(scripts/transform)
  [ "$launcher" = plain ] && cmd=(java -jar "$JAR")
  /usr/bin/time -v -o "$output.time" "${cmd[@]}" apply --input "$input" --output "$output" \
      --overwrite --quiet --only "$TRANSFORMS" "$@" >"$output.out" 2>&1
  python3 - "$output.summary.json" "$output.time" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
field = lambda name: re.search(re.escape(name) + r":\s*(\S+)", t).group(1)
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
print(s["products"]["generated"], s["products"]["written"], f"{wall:.2f}", f"{cpu:.2f}", f"{rss:.0f}", s["settings"]["batchSize"])
PY
}

# the archive of classes scripts/transform makes on its first run: made here, before any timing
scripts/transform apply --input "$(library 10000)" --output "$OUT/warm.parquet" --overwrite --quiet \
    --only "$TRANSFORMS" >/dev/null 2>&1

rdkit=""
if /usr/bin/python3 -c 'import rdkit' 2>/dev/null; then
  (set +o pipefail; zcat "$LIBRARY" | head -n 5000 > "$OUT/rdkit.smi")
  /usr/bin/time -f "%U %S" -o "$OUT/rdkit.time" /usr/bin/python3 scripts/compare_rdkit.py rdkit \
      scripts/reference-transforms.tsv "$OUT/rdkit.smi" 5000 "$OUT/rdkit.tsv"
  rdkit_products=$(grep -vc '!parent' "$OUT/rdkit.tsv")
  rdkit=$(awk -v n="$rdkit_products" '{ printf "%.0f", n / ($1 + $2) }' "$OUT/rdkit.time")
  echo "RDKit reference: $rdkit_products products of 5,000 polyphenols, $rdkit products per CPU-second (one core)"
else
  echo "RDKit reference: skipped (/usr/bin/python3 has no rdkit: apt-get install python3-rdkit)"
fi

kernel_out=$(java -Xmx2g -XX:+UseParallelGC -cp "$JAR" org.transformpipeline.bench.ChemistryBenchmark "$LIBRARY" 20000 4)
kernel=$(echo "$kernel_out" | sed -n 's/^best: \([0-9,]*\).*/\1/p' | tr -d ,)
echo "kernel (single thread, first 20,000 rows, best of passes 2-4): $kernel products/s per core"
echo "$kernel_out" | grep '^pass' | sed 's/^/  /'

printf '\n%-26s %9s %6s %11s %11s %8s %8s %11s %12s %9s\n' run rows batch products unique "wall s" "CPU s" products/s "per CPU-s" "RSS MiB"
declare -A WALL CPU RATE RSS PRODUCTS
row() {
  local name=$1 n=$2; shift 2
  read -r products unique wall cpu rss batch < <(run "$@")
  WALL[$name]=$wall; CPU[$name]=$cpu; RSS[$name]=$rss; PRODUCTS[$name]=$products
  RATE[$name]=$(echo "$products / $cpu" | bc -l)
  printf '%-26s %9d %6d %11d %11d %8.1f %8.1f %11.0f %12.0f %9.0f\n' "$name" "$n" "$batch" "$products" "$unique" \
      "$wall" "$cpu" "$(echo "$products / $wall" | bc -l)" "${RATE[$name]}" "$rss"
}
for n in "${SIZES[@]}"; do
  row "$n" "$n" launcher "$(library "$n")" "$OUT/out_$n.parquet"
done
row "10000, 1 worker" 10000 launcher "$(library 10000)" "$OUT/w1_10000.parquet" --workers 1
row "10000, plain java -jar" 10000 plain "$(library 10000)" "$OUT/plain_10000.parquet"
row "50000, plain java -jar" 50000 plain "$(library 50000)" "$OUT/plain_50000.parquet"
row "200000, plain java -jar" 200000 plain "$(library 200000)" "$OUT/plain_200000.parquet"

ratio() { echo "$1 / $2" | bc -l | awk '{ printf "%.2f", $1 }'; }
echo
echo "targets (ratios from this run):"
if [ -n "$rdkit" ]; then
  echo "  products per CPU-second, 50k rows / RDKit reference:        $(ratio "${RATE[50000]}" "$rdkit") (target >= 3)"
  echo "  products per CPU-second, 10k rows, 1 worker / RDKit:        $(ratio "${RATE[10000, 1 worker]}" "$rdkit") (target >= 2)"
fi
echo "  10k rows: wall with 1 worker / with 2 workers:              $(ratio "${WALL[10000, 1 worker]}" "${WALL[10000]}") (target >= 1.6)"
r200=$(echo "${PRODUCTS[200000]} / ${WALL[200000]}" | bc -l)
echo "  200k rows end to end / (2 x kernel):                        $(ratio "$r200" "$(echo "2 * $kernel" | bc -l)") (target >= 0.85)"
if [ -n "${RSS[1000000]:-}" ]; then
  echo "  peak RSS 1M / 100k rows:                                    $(ratio "${RSS[1000000]}" "${RSS[100000]}") (target <= 1.1)"
fi
echo "  peak RSS 200k / 100k rows:                                  $(ratio "${RSS[200000]}" "${RSS[100000]}")"
echo "  plain java -jar peak RSS 200k / 10k rows:                   $(ratio "${RSS[200000, plain java -jar]}" "${RSS[10000, plain java -jar]}") (the JVM's defaults)"

echo
echo "where the CPU goes, 200k rows (JFR, sampled every 10 ms):"
pq=$(library 200000)
/usr/bin/time -v -o "$OUT/jfr.time" env JAVA_OPTS="-XX:StartFlightRecording=filename=$OUT/run.jfr,settings=profile -XX:+UnlockDiagnosticVMOptions -XX:+CITime" \
    scripts/transform apply --input "$pq" --output "$OUT/jfr.parquet" --overwrite --quiet --only "$TRANSFORMS" \
    >"$OUT/jfr.out" 2>&1
read -r products _ wall cpu _ _ < <(python3 - "$OUT/jfr.parquet.summary.json" "$OUT/jfr.time" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1])); t = open(sys.argv[2]).read()
field = lambda name: re.search(re.escape(name) + r":\s*(\S+)", t).group(1)
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))))
print(s["products"]["generated"], 0, wall, float(field("User time (seconds)")) + float(field("System time (seconds)")), 0, 0)
PY
)
jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.GCPhasePause,jdk.Compilation "$OUT/run.jfr" \
    | python3 scripts/jfr_split.py "$wall" "$cpu" "$products" \
        "$(sed -n 's/^ *Total compilation time *: *\([0-9.]*\) s.*/\1/p' "$OUT/jfr.out")"
