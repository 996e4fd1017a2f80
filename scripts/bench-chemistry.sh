#!/usr/bin/env bash
# Single-thread chemistry speed (parse + apply + canonical key) on the first N polyphenols.
# Usage: scripts/bench-chemistry.sh [molecules=20000] [passes=5]
# Prints products/s per core (CPU time of the benchmark thread) and the time split.
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=${LIBRARY:-../shared/data/polyphenols_1m.smi.gz}
[ -f target/transform.jar ] || mvn -q -B package -DskipTests
[ -f "$LIB" ] || { echo "missing $LIB (set LIBRARY=...)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
exec java -Xmx2g -cp target/transform.jar org.transformpipeline.bench.ChemistryBenchmark "$LIB" "${1:-20000}" "${2:-5}"
