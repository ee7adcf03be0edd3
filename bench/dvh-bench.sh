#!/usr/bin/env bash
# bench/dvh-bench.sh — "Measure" of issue 5: the offline RTDS DVH command against dicompyler-core on one
# clinical-size study, in one run.
#
# What it does
#   1. Makes sure the tools exist: the rtds-testdata and rtds-tools jars (built with ./mvnw -pl rtds-tools -am
#      when missing) and Debian's python3-dicompylercore (installed with apt-get when missing and run as root;
#      otherwise it stops and says so).
#   2. Generates a synthetic head-and-neck study with rtds-testdata:
#        java -cp rtds-testdata/target/rtds-testdata-*.jar org.rtds.testdata.Generate clinical OUT --slices N
#      (CT 512×512×N at 2.5 mm, 30 ROIs, RTPLAN, one 2.5 mm RTDOSE).
#   3. RTDS: `java -jar rtds-tools/target/rtds-tools.jar OUT --metrics Dmean,D95%,Dmin,Dmax --timing`, RUNS times
#      as given, and RUNS times with the JVM options ./rtds dvh uses by default (RTDS_DVH_JAVA_OPTS, C1 only and
#      the serial GC: less JIT work for a short-lived process). Per run: wall time of the process (JVM start
#      included), its CPU time (user+sys, from rusage) and the "compute total" the command prints with --timing
#      (everything after JVM start: reading, DVH, output).
#   4. dicompyler-core: a Python process that reads RS and RD once with pydicom and calls
#      dicompylercore.dvhcalc.get_dvh(rtss, rtdose, roi_number) for every ROI (default options: dose-grid voxel
#      centres, no interpolation, calculate_full_volume=True); PY_RUNS times; wall and CPU time per study, and
#      the time inside get_dvh.
#   5. Prints a table (tool | seconds per study | ratio) with medians, and per metric the largest difference
#      between the two tools over the ROIs (and that ROI): Dmean and D95 in Gy and %, Volume (dicompyler's DVH
#      volume against RTDS's DvhVolume and against RTDS's prism Volume).
#
# Usage: bench/dvh-bench.sh [--slices N] [--runs N] [--py-runs N] [--out DIR] [--keep]
#   --slices N   CT slices of the generated study (default 160)
#   --runs N     RTDS runs per variant (default 5; the median is reported)
#   --py-runs N  dicompyler-core runs (default 1; one run takes tens of seconds)
#   --out DIR    work folder (default: a new temporary folder, deleted at the end unless --keep)
#   --keep       keep the work folder (study, CSV, JSON)
# Environment: RTDS_DVH_JAVA_OPTS (default "-XX:+UseSerialGC -XX:TieredStopAtLevel=1").
#
# Timings on a shared machine depend on its load: the script prints the load average before and after, and the
# CPU time of every process, which load changes much less than wall time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3   # Debian's python: python3-dicompylercore lives in its dist-packages
SLICES=160
RUNS=5
PY_RUNS=1
WORK=""
KEEP=0
FAST_OPTS="${RTDS_DVH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

die() { echo "dvh-bench: $*" >&2; exit 2; }
say() { echo "dvh-bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --slices) SLICES="${2:?--slices needs a value}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --py-runs) PY_RUNS="${2:?--py-runs needs a value}"; shift 2 ;;
    --out) WORK="${2:?--out needs a value}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$SLICES" =~ ^[0-9]+$ && "$RUNS" =~ ^[1-9][0-9]*$ && "$PY_RUNS" =~ ^[1-9][0-9]*$ ]] \
  || die "--slices, --runs and --py-runs take positive integers"

command -v java >/dev/null 2>&1 || die "java (17 or newer) is needed"
[[ -x "$PY" ]] || die "$PY is needed (Debian's python3)"

# --- dicompyler-core (Debian package), idempotent ---
if ! "$PY" -c 'import dicompylercore' >/dev/null 2>&1; then
  if [[ "$(id -u)" -ne 0 ]]; then
    die "python3-dicompylercore is not installed; run 'apt-get install python3-dicompylercore' as root, or this script as root"
  fi
  say "installing python3-dicompylercore with apt-get ..."
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-dicompylercore >&2; then
    apt-get update -q >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-dicompylercore >&2 \
      || die "apt-get install python3-dicompylercore failed"
  fi
  "$PY" -c 'import dicompylercore' || die "dicompylercore still cannot be imported by $PY"
fi

# --- jars ---
TOOLS_JAR="$ROOT/rtds-tools/target/rtds-tools.jar"
testdata_jar() { find "$ROOT/rtds-testdata/target" -maxdepth 1 -name 'rtds-testdata-*.jar' \
  ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' 2>/dev/null | head -n 1; }
if [[ ! -f "$TOOLS_JAR" || -z "$(testdata_jar)" ]]; then
  say "building rtds-tools and rtds-testdata (./mvnw -pl rtds-tools -am package) ..."
  "$ROOT/scripts/install-pixelmed.sh" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl rtds-tools -am) >&2 || die "the build failed"
fi
TESTDATA_JAR="$(testdata_jar)"
[[ -f "$TOOLS_JAR" && -n "$TESTDATA_JAR" ]] || die "jars missing after the build"

# --- work folder and study ---
if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/rtds-dvh-bench.XXXXXX")"
  [[ "$KEEP" -eq 1 ]] || trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"
fi
STUDY="$WORK/study"
rm -rf "$STUDY"
say "generating a clinical study with $SLICES CT slices in $STUDY ..."
java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate clinical "$STUDY" --slices "$SLICES" > "$WORK/manifest.txt" \
  || die "the study could not be generated"
grep -E '^(CT|RTDOSE) ' "$WORK/manifest.txt" >&2 || true

# --- measure and compare (Python: timing with rusage, dicompyler-core, table) ---
export STUDY WORK RUNS PY_RUNS TOOLS_JAR FAST_OPTS PY
"$PY" - <<'PYEOF'
import json, os, resource, shlex, statistics, subprocess, sys, time

study, work = os.environ["STUDY"], os.environ["WORK"]
runs, py_runs = int(os.environ["RUNS"]), int(os.environ["PY_RUNS"])
jar, fast, py = os.environ["TOOLS_JAR"], shlex.split(os.environ["FAST_OPTS"]), os.environ["PY"]

def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])

def timed(cmd, stdout_path):
    """Runs cmd; returns (wall s, cpu s, returncode, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(stdout_path, "w") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode, p.stderr

print(f"machine: {os.cpu_count()} processors, load average {load()} (1, 5, 15 min) at start")

# RTDS
metrics = "Dmean,D95%,Dmin,Dmax"
rtds = {}
for label, opts in (("RTDS  java -jar", []), ("RTDS  java " + " ".join(fast) + " -jar", fast)):
    walls, cpus, computes = [], [], []
    for i in range(runs):
        csv_path = os.path.join(work, "rtds.csv")
        wall, cpu, rc, err = timed(["java", *opts, "-jar", jar, study, "--metrics", metrics, "--timing"], csv_path)
        if rc != 0:
            sys.exit(f"dvh-bench: RTDS failed (exit {rc}):\n{err}")
        compute = None
        for line in err.splitlines():
            if "timing:" in line and "compute total" in line:
                compute = float(line.split("compute total ")[1].split(" ms")[0]) / 1000
        walls.append(wall); cpus.append(cpu); computes.append(compute)
    rtds[label] = (walls, cpus, computes)
    print(f"{label}: wall {' '.join(f'{w:.2f}' for w in walls)} s; cpu {' '.join(f'{c:.2f}' for c in cpus)} s;"
          f" compute {' '.join(f'{c:.2f}' for c in computes)} s")

ours = {}
with open(os.path.join(work, "rtds.csv")) as f:
    import csv
    for row in csv.DictReader(f):
        ours.setdefault(int(row["roi_number"]), {"name": row["roi_name"]})[row["metric"]] = (
            float(row["value"]) if row["value"] else None)

# dicompyler-core, in its own process (imports and file reading count as part of its time per study)
child = r'''
import glob, json, os, sys, time, warnings, io, contextlib
t0 = time.perf_counter()
import pydicom
from dicompylercore import dicomparser, dvhcalc
study = sys.argv[1]
rs_path = [p for p in glob.glob(os.path.join(study, "**", "*"), recursive=True) if os.path.basename(p).startswith("RS")][0]
rd_path = [p for p in glob.glob(os.path.join(study, "**", "*"), recursive=True) if os.path.basename(p).startswith("RD")][0]
rs, rd = pydicom.dcmread(rs_path), pydicom.dcmread(rd_path)
structures = dicomparser.DicomParser(rs).GetStructures()
t1 = time.perf_counter()
out = {}
sink = io.StringIO()
for number, s in structures.items():
    with contextlib.redirect_stdout(sink), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = dvhcalc.get_dvh(rs, rd, number)
    ok = d.volume > 0 and d.counts.size > 0
    out[number] = {"name": s["name"], "volume": float(d.volume),
                   "mean": float(d.mean) if ok else None,
                   "D95": float(d.statistic("D95").value) if ok else None,
                   "min": float(d.min) if ok else None, "max": float(d.max) if ok else None}
t2 = time.perf_counter()
json.dump({"rois": out, "setup_s": t1 - t0, "dvh_s": t2 - t1}, sys.stdout)
'''
walls, cpus, inner = [], [], []
for i in range(py_runs):
    json_path = os.path.join(work, "dicompyler.json")
    wall, cpu, rc, err = timed([py, "-c", child, study], json_path)
    if rc != 0:
        sys.exit(f"dvh-bench: dicompyler-core failed (exit {rc}):\n{err}")
    with open(json_path) as f:
        dc = json.load(f)
    walls.append(wall); cpus.append(cpu); inner.append(dc["dvh_s"])
    print(f"dicompyler-core: wall {wall:.2f} s, cpu {cpu:.2f} s, imports+reading {dc['setup_s']:.2f} s,"
          f" get_dvh of {len(dc['rois'])} ROIs {dc['dvh_s']:.2f} s")
theirs = {int(k): v for k, v in dc["rois"].items()}
print(f"load average {load()} at end")

# table
med = statistics.median
dc_wall = med(walls)
print()
print(f"{'tool':<58} | {'s/study (wall, median)':>22} | {'CPU s':>6} | {'compute s':>9} | {'ratio dicompyler/tool':>21}")
print("-" * 128)
for label, (w, c, comp) in rtds.items():
    print(f"{label:<58} | {med(w):>22.2f} | {med(c):>6.2f} | {med(comp):>9.2f} | {dc_wall / med(w):>20.1f}x")
print(f"{'dicompyler-core 0.5.5 get_dvh (default options)':<58} | {dc_wall:>22.2f} | {med(cpus):>6.2f} |"
      f" {med(inner):>9.2f} | {1.0:>20.1f}x")
print(f"(compute s: RTDS = 'compute total' after JVM start; dicompyler = time inside get_dvh, without imports and"
      f" reading)")

# differences
def worst(pairs):
    """pairs: (roi label, ours, theirs) -> (max abs diff, roi, max rel diff %, roi)"""
    best_abs, best_rel = (0.0, "-"), (0.0, "-")
    for roi, a, b in pairs:
        if a is None or b is None:
            continue
        d = abs(a - b)
        r = 100 * d / abs(a) if a else 0.0
        if d > best_abs[0]:
            best_abs = (d, roi)
        if r > best_rel[0]:
            best_rel = (r, roi)
    return best_abs, best_rel

common = sorted(set(ours) & set(theirs))
rows = {
    "Dmean (Gy)": [(f"{n} {ours[n]['name']}", ours[n].get("Dmean"), theirs[n]["mean"]) for n in common],
    "D95 (Gy)": [(f"{n} {ours[n]['name']}", ours[n].get("D95%"), theirs[n]["D95"]) for n in common],
    "Dmax (Gy)": [(f"{n} {ours[n]['name']}", ours[n].get("Dmax"), theirs[n]["max"]) for n in common],
    "Volume: dicompyler DVH vs RTDS DvhVolume (cc)":
        [(f"{n} {ours[n]['name']}", ours[n].get("DvhVolume"), theirs[n]["volume"]) for n in common],
    "Volume: dicompyler DVH vs RTDS prism Volume (cc)":
        [(f"{n} {ours[n]['name']}", ours[n].get("Volume"), theirs[n]["volume"]) for n in common],
}
print()
print(f"{len(common)} ROIs compared. Largest difference RTDS - dicompyler-core per metric (absolute, and relative to RTDS):")
print(f"{'metric':<50} | {'max |diff|':>10} | {'ROI':<20} | {'max rel %':>9} | {'ROI':<20} | within 1 %")
print("-" * 130)
for name, pairs in rows.items():
    (d, roi), (r, roi_r) = worst(pairs)
    valid = [(a, b) for _, a, b in pairs if a is not None and b is not None]
    within = sum(1 for a, b in valid if abs(a - b) <= 0.01 * abs(a))
    print(f"{name:<50} | {d:>10.4f} | {roi:<20} | {r:>9.2f} | {roi_r:<20} | {within}/{len(valid)}")
with open(os.path.join(work, "per-roi.csv"), "w") as f:
    f.write("roi_number,roi_name,rtds_volume,rtds_dvh_volume,dc_volume,rtds_dmean,dc_dmean,rtds_d95,dc_d95,rtds_dmax,dc_dmax\n")
    for n in common:
        o, t = ours[n], theirs[n]
        f.write(",".join(str(x) for x in (n, '"' + o["name"] + '"', o.get("Volume"), o.get("DvhVolume"), t["volume"],
                o.get("Dmean"), t["mean"], o.get("D95%"), t["D95"], o.get("Dmax"), t["max"])) + "\n")
print(f"\nper-ROI values: {os.path.join(work, 'per-roi.csv')}")
PYEOF
if [[ "$KEEP" -eq 1 ]]; then say "kept $WORK"; fi
