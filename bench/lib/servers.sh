# bench/lib/servers.sh — what the benchmarks share: RTDS started as ./rtds run starts it (the launcher jar, embedded
# MariaDB) and Orthanc (Debian package) on free ports with fresh data, clean-up on exit, the generated clinical-size
# studies (cached), DCMTK storescu pushes and waiting for RTDS's features. Sourced by a bench script after it has set
# BENCH_NAME, ROOT, WORK, KEEP, SLICES, (optionally ROIS: 30–53, default 30), START_TIMEOUT, FEATURES_TIMEOUT, JAVA_OPTS_SERVER and ADMIN_PASSWORD and
# defined log and die; it builds the launcher and rtds-testdata when they are missing and makes this run's folders.

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
  local rois="${ROIS:-30}"
  local dir="$CACHE/clinical-$SLICES-$1"
  [[ "$rois" == 30 ]] || dir="$dir-rois-$rois"
  if [[ ! -f "$dir.complete" ]]; then
    log "generating $1: CT 512x512x$SLICES + RTSTRUCT ($rois ROIs) + RTPLAN + RTDOSE in $dir ..."
    rm -rf "$dir" "$dir.complete"
    java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate clinical "$dir" --slices "$SLICES" --seed "$2" \
      --patient-id "$3" --rois "$rois" >"$dir.manifest.txt"
    touch "$dir.complete"
  fi
  echo "$dir"
}
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
  "Name": "$BENCH_NAME",
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
declare -A SECONDS_OF=() LATENCY_OF=() COMPUTE_OF=() STEPS_OF=()
push() { # key ae port dir... -> SECONDS_OF[key]: one storescu association per folder, all at once
  local key="$1" ae="$2" port="$3" t0 t1 i rc n ok total=0 aet out
  shift 3
  local -a pids=() dirs=("$@")
  t0=$(now)
  for i in "${!dirs[@]}"; do
    aet=BENCH; [[ $i -eq 0 ]] || aet="BENCH$i"
    storescu -aet "$aet" -aec "$ae" -R +sd +r -v localhost "$port" "${dirs[$i]}" >"$RUN_DIR/storescu-$key-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    rc=0
    wait "${pids[$i]}" || rc=$?
    out="$RUN_DIR/storescu-$key-$i.log"
    n=$(count_files "${dirs[$i]}")
    total=$((total + n))
    ok=$(grep -c "Received Store Response (Success)" "$out" || true)
    [[ $rc -eq 0 && "$ok" -eq "$n" ]] \
      || { tail -20 "$out" >&2; die "storescu $i to $ae: exit $rc, $ok of $n Success responses (log: $out)"; }
  done
  t1=$(now)
  LAST_END="$t1"
  SECONDS_OF[$key]=$(echo "$t1 - $t0" | bc)
  log "$key: $total instances over ${#dirs[@]} association(s) in $(printf '%.2f' "${SECONDS_OF[$key]}") s"
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
  STEPS_OF[$key]=$(grep -o "Features of study [0-9]* steps: .*" "$RUN_DIR/rtds-data/logs/server.log" \
    | tail -1 | sed 's/.* steps: //')
}

