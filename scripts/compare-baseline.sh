#!/usr/bin/env bash
# Runs scripts/run-sample.sh and a 20k-polyphenol apply with target/transform.jar and compares
# their products, rejects and summary with a baseline made by an earlier jar the same way:
# Parquet files byte for byte (cmp), summaries as JSON less what depends on timing
# (performance, timeline). Exits 1 on the first difference.
# Usage: scripts/compare-baseline.sh BASELINE_DIR
#   BASELINE_DIR holds nci_first_5k.products.parquet{,.rejects.parquet,.summary.json},
#   poly20k.smi and poly20k.products.parquet{,.rejects.parquet,.summary.json}, made by
#   scripts/run-sample.sh and, in BASELINE_DIR,
#   java -jar OLD.jar convert --input poly20k.smi --output poly20k.parquet --overwrite &&
#   java -Xmx2g -jar OLD.jar apply --input poly20k.parquet --output poly20k.products.parquet \
#     --overwrite --quiet
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$(cd "${1:?usage: $0 BASELINE_DIR}" && pwd)
JAR=$(pwd)/target/transform.jar
[ -f "$JAR" ] || mvn -q -B package -DskipTests
status=0

same() { # same BASELINE_PREFIX NEW_PREFIX
  for ext in "" .rejects.parquet; do
    if cmp "$1$ext" "$2$ext"; then echo "identical: $(basename "$2$ext")"; else status=1; fi
  done
  local timing='del(.performance, .timeline)'
  if diff <(jq -S "$timing" "$1.summary.json") <(jq -S "$timing" "$2.summary.json"); then
    echo "identical less timings: $(basename "$2").summary.json"
  else
    status=1
  fi
}

scripts/run-sample.sh > target/compare-sample.log 2>&1
same "$BASE/nci_first_5k.products.parquet" target/sample/nci_first_5k.products.parquet

POLY=target/poly20k
mkdir -p "$POLY"
cp "$BASE/poly20k.smi" "$POLY/"
(cd "$POLY" &&
  java -jar "$JAR" convert --input poly20k.smi --output poly20k.parquet --overwrite > /dev/null &&
  java -Xmx2g -jar "$JAR" apply --input poly20k.parquet --output poly20k.products.parquet \
    --overwrite --quiet > /dev/null)
same "$BASE/poly20k.products.parquet" "$POLY/poly20k.products.parquet"
exit $status
