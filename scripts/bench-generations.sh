#!/usr/bin/env bash
# Memory and speed of a multi-generation run (issue 11): the 1X -> 2X run of the tool this one
# replaces, scaled down. The same library through one generation, and through two in one run, at
# the same heap; prints per generation: parents, products generated and written, products/s, the
# JVM heap pools' peak and the process's peak RSS during that generation (the summary's
# `generations` block; RSS peaks are reset at each generation through /proc/self/clear_refs), and
# the ratios the issue asks for: generation 2 / generation 1 and generation 2 / the 1-generation run.
# Runs the README's command, scripts/transform (parallel collector, heap sized up front), with
# TRANSFORM_HEAP=$HEAP. Besides the pools' peak (when the collector chose to collect) it prints the
# peak heap right after a collection (what the run held).
#
#   scripts/bench-generations.sh [ROWS=100000]
#
# Environment: LIBRARY (default ../shared/data/polyphenols_1m.smi.gz), HEAP (default 1g, the
# launcher's), JAR (default target/transform.jar), TRANSFORMS (default: the five reference transforms), OUT (default target/bench-gen).
# 100k polyphenols: about 1.2 M products in generation 1 and 10 M in generation 2; ~30 min on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
LIBRARY=${LIBRARY:-../shared/data/polyphenols_1m.smi.gz}
HEAP=${HEAP:-1g}
OUT=${OUT:-target/bench-gen}
TRANSFORMS=${TRANSFORMS:-phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,amine_n_acetylation}
[ -f "$LIBRARY" ] || { echo "bench-generations: missing $LIBRARY (set LIBRARY=...)" >&2; exit 1; }
JAR=${JAR:-target/transform.jar}   # a copy keeps a rebuild during the run from changing it
[ -f "$JAR" ] || mvn -q -B package -DskipTests
mkdir -p "$OUT"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); scripts/transform, TRANSFORM_HEAP=$HEAP; $ROWS rows; transforms: $TRANSFORMS"
pq="$OUT/polyphenols_$ROWS.parquet"
if [ ! -f "$pq" ]; then
  (set +o pipefail; zcat "$LIBRARY" | head -n "$ROWS" > "$OUT/lib.smi")
  java -jar "$JAR" convert --input "$OUT/lib.smi" --output "$pq" --overwrite >/dev/null
  rm -f "$OUT/lib.smi"
fi
for k in 1 2; do
  /usr/bin/time -v -o "$OUT/gen$k.time" env TRANSFORM_HEAP="$HEAP" TRANSFORM_JAR="$JAR" scripts/transform apply \
    --input "$pq" --output "$OUT/gen$k.parquet" --overwrite --quiet --only "$TRANSFORMS" \
    --generations "$k" > "$OUT/gen$k.out" 2>&1
done
python3 - "$OUT/gen1.parquet.summary.json" "$OUT/gen2.parquet.summary.json" "$OUT/gen2.time" <<'PY'
import json, re, sys
one, two = (json.load(open(p)) for p in sys.argv[1:3])
rss_total = int(re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", open(sys.argv[3]).read()).group(1)) / 1024
mib = lambda b: b / 1048576
print(f"{'run':<14}{'gen':>4}{'parents':>10}{'generated':>12}{'written':>11}{'products/s':>12}{'heap MiB':>10}{'after GC':>10}{'RSS MiB':>9}")
for name, s in (("1 generation", one), ("2 generations", two)):
    for g in s["generations"]:
        print(f"{name:<14}{g['generation']:>4}{g['parents']['read']:>10,}{g['products']['generated']:>12,}"
              f"{g['products']['written']:>11,}{g['productsPerSecond']:>12,.0f}{mib(g['peakHeapPoolBytes']):>10.0f}"
              f"{mib(g.get('peakHeapAfterGcBytes', 0)):>10.0f}{mib(g['peakRssBytes']):>9.0f}")
g1, g2 = two["generations"]
alone = one["generations"][0]
for what, key in (("peak heap", "peakHeapPoolBytes"), ("peak heap after GC", "peakHeapAfterGcBytes"), ("peak RSS", "peakRssBytes")):
    print(f"{what}: generation 2 / generation 1 = {g2[key] / g1[key]:.3f}; "
          f"generation 2 / 1-generation run = {g2[key] / alone[key]:.3f} (target: within 10%)")
print(f"whole 2-generation process: peak RSS {rss_total:.0f} MiB (/usr/bin/time)")
PY
