#!/usr/bin/env bash
# bench/dvh-bench.sh — the offline RTDS DVH command against dicompyler-core on the same studies, in one run
# (issues 5 and 14).
#
# What it does
#   1. Makes sure the tools exist: the rtds-testdata and rtds-tools jars (built with ./mvnw -pl rtds-tools -am
#      when missing) and Debian's python3-dicompylercore (installed with apt-get when missing and run as root;
#      otherwise it stops and says so).
#   2. Generates two clinical-size head-and-neck studies with rtds-testdata (Generate clinical, 30 ROIs, RTPLAN):
#        clinical  CT 512x512xN (--slices, default 160) at 2.5 mm, one 2.5 mm RTDOSE, explicit VR little endian
#        coarse    CT 512x512x150, a 4 mm RTDOSE grid, implicit VR little endian (as many planning systems export)
#      plus every folder given with --study (e.g. a real study; not generated, not kept).
#   3. Per study:
#      - RTDS, one study per process, as users run it: `./rtds dvh DIR --metrics Dmean,D95%,Dmin,Dmax --timing`
#        RUNS times (after one untimed run that writes the class-data-sharing archive), and RUNS times with
#        RTDS_TOOLS_CDS=off. Per run: wall time of the whole process (JVM start included), its CPU time (user+sys)
#        and the "compute total" the command prints (everything after JVM start: reading, DVH, output).
#      - RTDS cohort: `./rtds dvh DIR DIR ...` (the folder COHORT times) in one process; per study = wall/COHORT.
#      - dicompyler-core, one study per process: a Python process that reads RS and RD with pydicom and calls
#        dicompylercore.dvhcalc.get_dvh(rtss, rtdose, roi_number) for every ROI (default options: dose-grid voxel
#        centres, no interpolation, calculate_full_volume=True); PY_RUNS times.
#      - dicompyler-core cohort: one Python process doing the same for the folder COHORT times; per study =
#        wall/COHORT (imports paid once, as RTDS's JVM start is in the RTDS cohort).
#   4. Prints per study a table (tool | seconds per study | CPU | ratio dicompyler/RTDS, single to single and
#      cohort to cohort) with medians, and per metric the largest difference between the two tools over the ROIs:
#      Dmean, D95 and Dmax in Gy and %, Volume (dicompyler's DVH volume against RTDS's DvhVolume and prism Volume).
#
# Usage: bench/dvh-bench.sh [--slices N] [--runs N] [--py-runs N] [--cohort N] [--study DIR]... [--out DIR] [--keep]
#   --slices N   CT slices of the generated "clinical" study (default 160)
#   --runs N     RTDS runs per variant (default 5; the median is reported)
#   --py-runs N  dicompyler-core runs (default 1; one run takes seconds to tens of seconds)
#   --cohort N   studies per cohort run (the same folder N times; default 10; 0 skips the cohort runs)
#   --study DIR  also measure this study folder (repeatable)
#   --out DIR    work folder (default: a new temporary folder, deleted at the end unless --keep)
#   --keep       keep the work folder (studies, CSV, JSON)
# Environment: RTDS_DVH_JAVA_OPTS as for ./rtds dvh.
#
# Timings on a shared machine depend on its load: the script prints the load average before and after, and the
# CPU time of every process, which load changes much less than wall time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3   # Debian's python: python3-dicompylercore lives in its dist-packages
SLICES=160
RUNS=5
PY_RUNS=1
COHORT=10
EXTRA_STUDIES=()
WORK=""
KEEP=0

die() { echo "dvh-bench: $*" >&2; exit 2; }
say() { echo "dvh-bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --slices) SLICES="${2:?--slices needs a value}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --py-runs) PY_RUNS="${2:?--py-runs needs a value}"; shift 2 ;;
    --cohort) COHORT="${2:?--cohort needs a value}"; shift 2 ;;
    --study) [[ -d "${2:-}" ]] || die "--study needs a folder"; EXTRA_STUDIES+=("$(cd "$2" && pwd)"); shift 2 ;;
    --out) WORK="${2:?--out needs a value}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$SLICES" =~ ^[0-9]+$ && "$RUNS" =~ ^[1-9][0-9]*$ && "$PY_RUNS" =~ ^[1-9][0-9]*$ && "$COHORT" =~ ^[0-9]+$ ]] \
  || die "--slices, --runs, --py-runs and --cohort take positive integers"

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
generate() { # NAME ARGS...: a generated study in $WORK/NAME
  local name="$1"; shift
  rm -rf "${WORK:?}/$name"
  say "generating study '$name' ($*) ..."
  java -cp "$TESTDATA_JAR" org.rtds.testdata.Generate clinical "$WORK/$name" "$@" > "$WORK/$name.manifest.txt" \
    || die "the study $name could not be generated"
  grep -E '^(CT|RTDOSE) ' "$WORK/$name.manifest.txt" >&2 || true
}
generate clinical --slices "$SLICES"
generate coarse --slices 150 --dose-spacing 4 --implicit
STUDIES="$WORK/clinical:$WORK/coarse"
for extra in "${EXTRA_STUDIES[@]}"; do STUDIES="$STUDIES:$extra"; done

# --- measure and compare (Python: timing with rusage, dicompyler-core, table) ---
export STUDIES WORK RUNS PY_RUNS COHORT PY ROOT
"$PY" - <<'PYEOF'
import csv, json, os, resource, statistics, subprocess, sys, time

studies, work = os.environ["STUDIES"].split(":"), os.environ["WORK"]
runs, py_runs, cohort = int(os.environ["RUNS"]), int(os.environ["PY_RUNS"]), int(os.environ["COHORT"])
py, rtds_cmd = os.environ["PY"], os.path.join(os.environ["ROOT"], "rtds")
metrics = "Dmean,D95%,Dmin,Dmax"
med = statistics.median

def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])

def timed(cmd, stdout_path, env=None):
    """Runs cmd; returns (wall s, cpu s, returncode, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(stdout_path, "w") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode, p.stderr

def rtds(args, out_path, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    wall, cpu, rc, err = timed([rtds_cmd, "dvh", *args, "--metrics", metrics, "--timing"], out_path, env)
    if rc != 0:
        sys.exit(f"dvh-bench: ./rtds dvh failed (exit {rc}):\n{err}")
    computes = [float(l.split("compute total ")[1].split(" ms")[0]) / 1000
                for l in err.splitlines() if "timing:" in l and "compute total" in l]
    return wall, cpu, sum(computes)

child = r'''
import glob, json, os, sys, time, warnings, io, contextlib
t0 = time.perf_counter()
import pydicom
from dicompylercore import dicomparser, dvhcalc
study, repeat = sys.argv[1], int(sys.argv[2])
files = glob.glob(os.path.join(study, "**", "*"), recursive=True)
def kind(prefix):
    return [p for p in files if os.path.basename(p).startswith(prefix)][0]
setup = dvh = 0.0
for r in range(repeat):
    t1 = time.perf_counter()
    rs, rd = pydicom.dcmread(kind("RS")), pydicom.dcmread(kind("RD"))
    structures = dicomparser.DicomParser(rs).GetStructures()
    t2 = time.perf_counter()
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
    t3 = time.perf_counter()
    setup += (t2 - t1) + (t1 - t0 if r == 0 else 0)
    dvh += t3 - t2
json.dump({"rois": out, "setup_s": setup, "dvh_s": dvh}, sys.stdout)
'''

def dicompyler(study, repeat, out_path):
    wall, cpu, rc, err = timed([py, "-c", child, study, str(repeat)], out_path)
    if rc != 0:
        sys.exit(f"dvh-bench: dicompyler-core failed (exit {rc}):\n{err}")
    with open(out_path) as f:
        return wall, cpu, json.load(f)

def worst(pairs):
    """pairs: (roi label, ours, theirs) -> ((max abs diff, roi), (max rel diff %, roi))"""
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

print(f"machine: {os.cpu_count()} processors, load average {load()} (1, 5, 15 min) at start")
summary = []
for study in studies:
    name = os.path.basename(study.rstrip("/"))
    files = sum(len(f) for _, _, f in os.walk(study))
    print(f"\n=== study '{name}': {study} ({files} files)")
    csv_path = os.path.join(work, name + ".rtds.csv")
    rtds([study], csv_path)  # untimed: builds the tools jar if needed and writes the CDS archive
    rows = []
    for label, env in (("RTDS ./rtds dvh (one study per process)", None),
                       ("RTDS ./rtds dvh, RTDS_TOOLS_CDS=off", {"RTDS_TOOLS_CDS": "off"})):
        results = [rtds([study], csv_path, env) for _ in range(runs)]
        walls, cpus, computes = zip(*results)
        print(f"{label}: wall {' '.join(f'{w:.2f}' for w in walls)} s; cpu {' '.join(f'{c:.2f}' for c in cpus)} s")
        rows.append((label, med(walls), med(cpus), med(computes), "single"))
    dc_json = os.path.join(work, name + ".dicompyler.json")
    dc = [dicompyler(study, 1, dc_json) for _ in range(py_runs)]
    dc_wall, dc_cpu = med([d[0] for d in dc]), med([d[1] for d in dc])
    theirs = {int(k): v for k, v in dc[-1][2]["rois"].items()}
    print(f"dicompyler-core: wall {' '.join(f'{d[0]:.2f}' for d in dc)} s, imports+reading"
          f" {dc[-1][2]['setup_s']:.2f} s, get_dvh of {len(theirs)} ROIs {dc[-1][2]['dvh_s']:.2f} s")
    if cohort > 0:
        w, c, comp = rtds([study] * cohort, os.path.join(work, name + ".cohort.csv"))
        rows.append((f"RTDS ./rtds dvh DIR x{cohort} (one process)", w / cohort, c / cohort, comp / cohort, "cohort"))
        dw, dcpu, _ = dicompyler(study, cohort, os.path.join(work, name + ".dicompyler-cohort.json"))
        dc_cohort = dw / cohort
        print(f"cohort of {cohort}: RTDS {w:.2f} s, dicompyler-core {dw:.2f} s (one process each)")
    print()
    print(f"{'tool':<48} | {'s/study (wall, median)':>22} | {'CPU s':>6} | {'compute s':>9} | {'dicompyler/RTDS':>15}")
    print("-" * 112)
    for label, w, c, comp, kind in rows:
        ref = dc_wall if kind == "single" else dc_cohort
        print(f"{label:<48} | {w:>22.2f} | {c:>6.2f} | {comp:>9.2f} | {ref / w:>14.1f}x")
        summary.append((name, label, w, ref / w))
    print(f"{'dicompyler-core get_dvh (one study per process)':<48} | {dc_wall:>22.2f} | {dc_cpu:>6.2f} |"
          f" {med([d[2]['dvh_s'] for d in dc]):>9.2f} |")
    if cohort > 0:
        print(f"{'dicompyler-core, cohort in one process':<48} | {dc_cohort:>22.2f} | {dcpu / cohort:>6.2f} |"
              f" {'':>9} |")
    print("(compute s: RTDS = 'compute total' after JVM start; dicompyler = time inside get_dvh)")

    ours = {}
    with open(csv_path) as f:
        for row in csv.DictReader(f):
            ours.setdefault(int(row["roi_number"]), {"name": row["roi_name"]})[row["metric"]] = (
                float(row["value"]) if row["value"] else None)
    common = sorted(set(ours) & set(theirs))
    label = lambda n: f"{n} {ours[n]['name']}"
    diffs = {
        "Dmean (Gy)": [(label(n), ours[n].get("Dmean"), theirs[n]["mean"]) for n in common],
        "D95 (Gy)": [(label(n), ours[n].get("D95%"), theirs[n]["D95"]) for n in common],
        "Dmax (Gy)": [(label(n), ours[n].get("Dmax"), theirs[n]["max"]) for n in common],
        "Volume: dicompyler DVH vs RTDS DvhVolume (cc)":
            [(label(n), ours[n].get("DvhVolume"), theirs[n]["volume"]) for n in common],
        "Volume: dicompyler DVH vs RTDS prism Volume (cc)":
            [(label(n), ours[n].get("Volume"), theirs[n]["volume"]) for n in common],
    }
    print(f"\n{len(common)} ROIs compared. Largest difference RTDS - dicompyler-core per metric (absolute, and"
          f" relative to RTDS):")
    print(f"{'metric':<50} | {'max |diff|':>10} | {'ROI':<20} | {'max rel %':>9} | {'ROI':<20} | within 1 %")
    print("-" * 130)
    for metric, pairs in diffs.items():
        (d, roi), (r, roi_r) = worst(pairs)
        valid = [(a, b) for _, a, b in pairs if a is not None and b is not None]
        within = sum(1 for a, b in valid if abs(a - b) <= 0.01 * abs(a))
        print(f"{metric:<50} | {d:>10.4f} | {roi:<20} | {r:>9.2f} | {roi_r:<20} | {within}/{len(valid)}")

print(f"\nload average {load()} at end")
print("\nsummary (dicompyler-core's seconds per study / RTDS's, single to single and cohort to cohort):")
for name, label, w, ratio in summary:
    print(f"  {name:<12} {label:<48} {w:>6.2f} s  {ratio:>5.1f}x")
PYEOF
if [[ "$KEEP" -eq 1 ]]; then say "kept $WORK"; fi
