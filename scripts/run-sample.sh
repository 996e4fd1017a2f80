#!/usr/bin/env bash
# Converts test-data/nci_first_5k.smi to Parquet and runs `apply` on it into target/sample/,
# then prints the run summary. Builds target/transform.jar first if it is missing.
# Usage: scripts/run-sample.sh [extra apply options...]   e.g. --dedup exact --workers 1
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/transform.jar
OUT=target/sample
[ -f "$JAR" ] || mvn -q -B package -DskipTests
mkdir -p "$OUT"
java -jar "$JAR" convert --input test-data/nci_first_5k.smi --output "$OUT/nci_first_5k.parquet" --overwrite
java -Xmx2g -jar "$JAR" apply \
  --input "$OUT/nci_first_5k.parquet" \
  --output "$OUT/nci_first_5k.products.parquet" \
  --overwrite \
  --only phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,amine_n_acetylation \
  --batch-size 500 \
  --expected-products 1000000 \
  "$@"
echo
echo "Products: $OUT/nci_first_5k.products.parquet"
echo "Summary (JSON): $OUT/nci_first_5k.products.parquet.summary.json"
