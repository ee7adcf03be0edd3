#!/usr/bin/env bash
# bench/knowledge-bench.sh — OVH + STS of every (PTV, OAR) pair of a clinical-size synthetic study
# (CT 512×512×160 at 0.98×0.98×2.5 mm, 3 nested PTVs, 22 OARs up to a ~10⁶-voxel organ) with the exact
# distance transform (one map per PTV, one per pair) against a sampled brute-force baseline.
# See docs/knowledge-base.md ("Performance").
#
# Usage: bench/knowledge-bench.sh [REPS [SAMPLE]]
#   REPS    timed runs per variant after 2 warm-ups (default 5; the median is printed)
#   SAMPLE  OAR voxels per pair timed with the brute force and extrapolated (default 200)
# Compiles rtds-features and its tests through the reactor (no install) when the classes are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLS="$ROOT/rtds-features/target/test-classes/org/rtds/features/knowledge/bench/KnowledgeBench.class"
if [[ ! -f "$CLS" ]]; then
  echo "compiling rtds-features (./mvnw -pl rtds-features -am test-compile) ..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl rtds-features -am test-compile)
fi
exec java -Xmx3g -cp "$ROOT/rtds-features/target/classes:$ROOT/rtds-features/target/test-classes" \
  org.rtds.features.knowledge.bench.KnowledgeBench "${1:-5}" "${2:-200}"
