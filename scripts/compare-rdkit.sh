#!/usr/bin/env bash
# Differential test against RDKit: the same rules on the same molecules through this tool
# (`transforms check` on the shaded jar, rdkit dialect, --fragments keep) and through RDKit's
# RunReactants (one product per match, components and the parent's untouched components in one
# molecule, sanitized, stereo cleaned, unique per parent+rule); both sides re-canonicalised by
# RDKit. Prints per set and per rule: RDKit's unique products, found %, extras %, and the remaining
# differences by rule with a cause and an example.
#
# Usage: scripts/compare-rdkit.sh [POLYPHENOLS=20000] [RULES=FILE]
#   Sets: NCI 5K, the 8,400 peptides, the first POLYPHENOLS polyphenols (../shared/data).
#   Rules: SyGMa phase 1 + 2 (read from ../shared/data/rules/sygma, GPL, never copied into the
#   repo) and the five reference transforms in RDKit's form (scripts/reference-transforms.tsv).
#   Work files go to ${WORK:-/tmp/compare-rdkit}; the report also to $WORK/report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
WORK=${WORK:-/tmp/compare-rdkit}
POLYPHENOLS=${1:-20000}
PY=/usr/bin/python3   # Debian's python3-rdkit is installed for the system Python only
mkdir -p "$WORK"

if ! "$PY" -c 'import rdkit' 2>/dev/null; then
  echo "RDKit is missing for $PY: installing Debian's python3-rdkit (apt-get install -y python3-rdkit)" >&2
  apt-get install -y python3-rdkit >&2
fi
echo "RDKit $("$PY" -c 'import rdkit; print(rdkit.__version__)'), $(java -version 2>&1 | head -1), $(nproc) cores"
[ -f target/transform.jar ] || mvn -q -B package -DskipTests
cp target/transform.jar "$WORK/transform.jar"   # a rebuild during the run does not change it

RULES=${2:-$WORK/rules.txt}
if [ -z "${2:-}" ]; then
  { grep -v '^#' "$DATA/rules/sygma/phase1.txt"; grep -v '^#' "$DATA/rules/sygma/phase2.txt"
    grep -v '^#' scripts/reference-transforms.tsv | grep -v '^smirks'; } > "$RULES"
fi
echo "rules: $(grep -cv '^\s*$' "$RULES") from $RULES"

# zcat ends on SIGPIPE when head has its lines: not a failure
(set +o pipefail; zcat "$DATA/polyphenols_1m.smi.gz" | head -n "$POLYPHENOLS" > "$WORK/polyphenols.smi")
: > "$WORK/report.txt"
for set in nci:$DATA/nci_first_5k.smi peptides:$DATA/peptides_8400.smi polyphenols:$WORK/polyphenols.smi; do
  name=${set%%:*}; smi=${set#*:}
  n=$(grep -cv '^\s*$' "$smi")
  start=$(date +%s)
  # the two sides run at the same time, one core each
  java -Xmx2g -jar "$WORK/transform.jar" transforms check --input "$smi" --limit "$n" \
    --transforms "$RULES" --dialect rdkit --fragments keep > "$WORK/$name.ours.txt" 2> "$WORK/$name.ours.log" &
  ours=$!
  "$PY" scripts/compare_rdkit.py rdkit "$RULES" "$smi" "$n" "$WORK/$name.rdkit.tsv"
  wait "$ours"
  "$PY" scripts/compare_rdkit.py ours "$WORK/$name.ours.txt" "$WORK/$name.ours.tsv"
  echo "$name: $n molecules, $(( $(date +%s) - start )) s" | tee -a "$WORK/report.txt"
  "$PY" scripts/compare_rdkit.py compare "$name" "$WORK/$name.rdkit.tsv" "$WORK/$name.ours.tsv" "$smi" \
    | tee -a "$WORK/report.txt"
done
