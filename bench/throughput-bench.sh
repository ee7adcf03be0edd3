#!/usr/bin/env bash
# throughput-bench.sh — how many clinical-size RT studies RTDS ingests and computes per hour, all features included
# (volumes, DVHs, isodoses, OVH and STS of every PTV level x organ pair, similarity with every stored study in both
# directions), with the server as ./rtds run starts it (Payara Micro + embedded MariaDB).
#
# WHAT
#   1. Generates (once, cached) N clinical-size studies with rtds-testdata: CT 512x512 x S slices (default 160) +
#      RTSTRUCT (30 ROIs: 2 PTV levels, 24 organs with TG-263 names) + RTPLAN + RTDOSE, one patient per seed.
#   2. Starts RTDS on a fresh RTDS_DATA_DIR and free ports and waits for "RTDS ready at".
#   3. Sends every study with ./rtds import (HTTP, 4 parallel uploads), one study after the other, as a department's
#      nightly export would, and polls every study's features until all are DONE (or FAILED).
#   4. Prints: studies, objects, GB, wall time from the first upload to the last DONE, studies per hour, and the
#      per-study computation times RTDS logged ("Features of study N computed in X ms"): median, the first, the last
#      (the similarity step grows with the knowledge base, so the last study costs more than the first).
#
# HOW
#   bench/throughput-bench.sh [--studies N (10)] [--slices S (160)] [--keep] [--work DIR]
#   Environment: BENCH_WORK (default <repo>/bench/work), BENCH_JAVA_OPTS (server JVM, default -Xms512m -Xmx3g),
#   BENCH_START_TIMEOUT (s, 600), BENCH_FEATURES_TIMEOUT (s, default 120 per study).
#
# PREREQUISITES
#   JDK 17 and the build (./rtds run once, or ./mvnw -B -DskipTests install); curl, jq, python3, bc.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STUDIES=10
SLICES=160
KEEP=0
WORK="${BENCH_WORK:-$ROOT/bench/work}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
JAVA_OPTS_SERVER="${BENCH_JAVA_OPTS:--Xms512m -Xmx3g}"
ADMIN_PASSWORD="bench-admin-$(date +%s)"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "throughput-bench: $*" >&2; exit 2; }
log() { echo "throughput-bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --studies) STUDIES="${2:?--studies needs a number}"; shift 2 ;;
    --slices) SLICES="${2:?--slices needs a number}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$STUDIES" =~ ^[0-9]+$ && "$STUDIES" -ge 1 ]] || die "--studies must be a positive number"
[[ "$SLICES" =~ ^[0-9]+$ && "$SLICES" -ge 1 ]] || die "--slices must be a positive number"
FEATURES_TIMEOUT="${BENCH_FEATURES_TIMEOUT:-$((120 * STUDIES))}"
for tool in java curl jq python3 bc; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (see the header of $0)"
done

LAUNCHER_JAR="$ROOT/rtds-launcher/target/rtds-launcher.jar"
testdata_jar() { find "$ROOT/rtds-testdata/target" -maxdepth 1 -name 'rtds-testdata-*.jar' \
  ! -name '*-sources.jar' ! -name '*-tests.jar' 2>/dev/null | head -1; }
if [[ ! -f "$LAUNCHER_JAR" || ! -f "$ROOT/rtds-launcher/target/rtds.war" || -z "$(testdata_jar)" ]]; then
  log "building the launcher and rtds-testdata ..."
  (cd "$ROOT" && ./mvnw -o -B -q -DskipTests -Dspotless.check.skip=true package -pl rtds-launcher,rtds-testdata -am) \
    || die "the build failed; run ./mvnw -B -DskipTests install to see why"
fi
TESTDATA_JAR="$(testdata_jar)"

RUN_DIR="$WORK/throughput-$(date +%Y%m%d-%H%M%S)-$$"
CACHE="$WORK/cache"
mkdir -p "$RUN_DIR" "$CACHE"
LAUNCHER_PID=""

stop_rtds() {
  [[ -n "$LAUNCHER_PID" ]] || return 0
  if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true # the launcher's shutdown hook stops Payara and MariaDB
    for _ in $(seq 1 90); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$LAUNCHER_PID" 2>/dev/null || true
  fi
  LAUNCHER_PID=""
}
cleanup() {
  local rc=$?
  set +e
  stop_rtds
  if [[ "$KEEP" -eq 1 || $rc -ne 0 ]]; then log "logs and data kept in $RUN_DIR"; else rm -rf "$RUN_DIR"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }

# --- data ----------------------------------------------------------------------------------------------------------
declare -a DIRS UIDS
for i in $(seq 1 "$STUDIES"); do
  dir="$CACHE/clinical-$SLICES-seed-$((100 + i))"
  if [[ ! -f "$dir.complete" ]]; then
    log "generating study $i/$STUDIES: CT 512x512x$SLICES + RTSTRUCT + RTPLAN + RTDOSE ..."
    rm -rf "$dir" "$dir.complete"
    java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate clinical "$dir" --slices "$SLICES" --seed "$((100 + i))" \
      --patient-id "TP-$i" >"$dir.manifest.txt"
    touch "$dir.complete"
  fi
  DIRS+=("$dir")
  UIDS+=("$(sed -n 's/^StudyInstanceUID[ :=]*//p' "$dir.manifest.txt" | head -1 | tr -d '[:space:]')")
done
[[ -n "${UIDS[0]}" ]] || die "no StudyInstanceUID in $CACHE/*.manifest.txt (Generate's manifest format changed?)"
OBJECTS=$(for d in "${DIRS[@]}"; do find "$d" -type f -name '*.dcm'; done | wc -l)
BYTES=$(for d in "${DIRS[@]}"; do find "$d" -type f -name '*.dcm' -printf '%s\n'; done | awk '{s+=$1} END {printf "%d", s}')

# --- RTDS ----------------------------------------------------------------------------------------------------------
HTTP="$(free_port)"
DICOM="$(free_port)"
log "starting RTDS (HTTP $HTTP) ..."
env -u RTDS_DB_URL -u RTDS_DB_USER -u RTDS_DB_PASSWORD \
  RTDS_DATA_DIR="$RUN_DIR/rtds-data" RTDS_HTTP_PORT="$HTTP" RTDS_DICOM_PORT="$DICOM" \
  RTDS_ADMIN_PASSWORD="$ADMIN_PASSWORD" RTDS_JAVA_OPTS="$JAVA_OPTS_SERVER" \
  java -Xmx128m -jar "$LAUNCHER_JAR" run >"$RUN_DIR/rtds-console.log" 2>&1 &
LAUNCHER_PID=$!
T0=$(now)
until grep -q "RTDS ready at" "$RUN_DIR/rtds-console.log"; do
  kill -0 "$LAUNCHER_PID" 2>/dev/null || { tail -30 "$RUN_DIR/rtds-console.log" >&2; die "RTDS exited before it was ready"; }
  (( $(echo "$(now) - $T0 > $START_TIMEOUT" | bc) )) && die "RTDS not ready within $START_TIMEOUT s"
  sleep 1
done
BASE="http://127.0.0.1:$HTTP/rtds"

# --- run -----------------------------------------------------------------------------------------------------------
START=$(now)
for i in "${!DIRS[@]}"; do
  log "importing study $((i + 1))/$STUDIES ..."
  RTDS_PASSWORD="$ADMIN_PASSWORD" java -Xmx256m -jar "$LAUNCHER_JAR" import --url "$BASE" --user admin \
    "${DIRS[$i]}" >>"$RUN_DIR/import.log" 2>&1 || die "import of ${DIRS[$i]} failed (see $RUN_DIR/import.log)"
done
IMPORTED=$(now)
log "all imported after $(printf '%.0f' "$(echo "$IMPORTED - $START" | bc)") s; waiting for the features ..."
while :; do
  pending=0
  for uid in "${UIDS[@]}"; do
    status=$(curl -sf -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/studies/$uid" | jq -r '.features.status' || echo "?")
    [[ "$status" == "DONE" || "$status" == "FAILED" ]] || pending=$((pending + 1))
    [[ "$status" == "FAILED" ]] && die "features of $uid FAILED (see $RUN_DIR/rtds-console.log)"
  done
  [[ $pending -eq 0 ]] && break
  (( $(echo "$(now) - $IMPORTED > $FEATURES_TIMEOUT" | bc) )) && die "$pending studies not DONE within $FEATURES_TIMEOUT s"
  sleep 2
done
END=$(now)

# --- report --------------------------------------------------------------------------------------------------------
WALL=$(echo "$END - $START" | bc)
mapfile -t MS < <(grep -o 'computed in [0-9,]* ms' "$RUN_DIR/rtds-console.log" | tr -d ',' | awk '{print $3}')
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '\n%-10s %8s %8s %10s %12s %14s %14s %14s %14s\n' studies objects GB "wall s" "studies/h" \
  "features s med" "first study s" "last study s" "import s"
printf '%-10s %8s %8.2f %10.0f %12.1f %14.1f %14.1f %14.1f %14.0f\n' "$STUDIES" "$OBJECTS" \
  "$(echo "$BYTES / 1000000000" | bc -l)" "$WALL" "$(echo "$STUDIES * 3600 / $WALL" | bc -l)" \
  "$(echo "$(median "${MS[@]}") / 1000" | bc -l)" "$(echo "${MS[0]} / 1000" | bc -l)" \
  "$(echo "${MS[-1]} / 1000" | bc -l)" "$(echo "$IMPORTED - $START" | bc)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RAW studies=$STUDIES slices=$SLICES wall_s=$WALL feature_ms=${MS[*]}"
