#!/usr/bin/env bash
# startup-bench.sh — how long Payara Micro takes to start RTDS, and how much memory it holds idle, with the options
# docs/platform.md item 12 lists: the launcher's own command against a database that is already running, so that
# only the server's start is timed (the embedded MariaDB's own start is not part of it).
#
# WHAT
#   For each variant: starts Payara Micro with RTDS's WAR as ./rtds run does (same JVM and Payara options, the same
#   boot commands for the JDBC pool), measures the wall time until /health/ready answers 200 and the login page
#   /rtds/ answers 200, the CPU the process used until then by thread group (C1/C2 compiler, the deploying main
#   thread, ...), waits 20 s, reads the resident set (VmRSS), and stops it with SIGTERM. Variants:
#     base       as ./rtds run starts it (run 3 times: the first one migrates an empty schema)
#     rootdir    a persistent root directory (--outputlauncher), the WAR deployed once (--deploy ... --warmup),
#                then started without --deploy, twice
#     cds        after rootdir in the same run (it uses that root directory): a dynamic CDS archive written by
#                --warmup (-XX:ArchiveClassesAtExit), then started with it, with it + C1 only, and with it +
#                -XX:+UseSerialGC -Xmx1g
#     jit        C1 only; one C2 and one C1 thread; -XX:+UseSerialGC -Xmx1g
#     noverify   no bytecode verification of application classes
#
# HOW
#   bench/startup-bench.sh [VARIANT ...]   (default: base rootdir cds jit noverify; e.g. "rootdir cds")
#   Run it on an otherwise idle machine: a start is CPU-bound, and a concurrent build doubles the times.
#   Environment: BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty):
#   a MariaDB or MySQL where the script may drop and create the database rtds_startup_bench; BENCH_WORK (default
#   <repo>/bench/work); BENCH_HTTP_PORT (18181).
#
# PREREQUISITES
#   JDK 17, the build (rtds-launcher/target holds rtds.war, payara-micro.jar and lib/), the mariadb client, curl, bc.
#
# OUTPUT (stdout): one line per start: variant, ready or not, seconds, idle RSS; one line of CPU per thread group.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="$ROOT/rtds-launcher/target"
WORK="${BENCH_WORK:-$ROOT/bench/work}/startup-$(date +%Y%m%d-%H%M%S)-$$"
PORT="${BENCH_HTTP_PORT:-18181}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
DB_NAME=rtds_startup_bench

die() { echo "startup-bench: $*" >&2; exit 2; }
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { sed -n '2,/^set -uo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0; }
for tool in java mariadb curl bc; do command -v "$tool" >/dev/null || die "$tool is needed (see --help)"; done
[[ -f "$T/rtds.war" && -f "$T/payara-micro.jar" ]] || die "build first: ./mvnw -B -DskipTests install"
CONNECTOR="$(ls "$T"/lib/mysql-connector-j-*.jar | head -1)"
sql() { MYSQL_PWD="$DB_PASSWORD" mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -e "$1"; }
sql "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME" || die "cannot create $DB_NAME (BENCH_DB_*)"
VERSION="$(sql "SELECT SUBSTRING_INDEX(VERSION(), '-', 1)")"
DIALECT=org.hibernate.dialect.MySQLDialect
sql "SELECT VERSION()" | grep -qi mariadb && DIALECT=org.hibernate.dialect.MariaDBDialect

mkdir -p "$WORK/data"
export RTDS_DATA_DIR="$WORK/data" RTDS_HTTP_PORT="$PORT" RTDS_DICOM_PORT=$((PORT + 1)) RTDS_AE_TITLE=RTDS \
  RTDS_ADMIN_PASSWORD="bench-admin-$$"
JOPTS="-Xms256m -Xmx2g -Djdk.nio.maxCachedBufferSize=262144 -Djava.awt.headless=true -Dhibernate.dialect=$DIALECT"
JOPTS="$JOPTS -Djakarta.persistence.database-product-version=$VERSION"
PASSWORD_PROPERTY="password=${DB_PASSWORD:-\"\"}" # the launcher's rule for an empty password (PostBootCommands)
PB="$WORK/postboot.asadmin"
cat >"$PB" <<PBX
create-jdbc-connection-pool --restype javax.sql.DataSource --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource --isconnectvalidatereq true --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation --failconnection true --steadypoolsize 2 --maxpoolsize 32 --property serverName=$DB_HOST:portNumber=$DB_PORT:databaseName=$DB_NAME:user=$DB_USER:characterEncoding=UTF-8:connectionTimeZone=UTC:sslMode=DISABLED:$PASSWORD_PROPERTY rtdsPool
create-jdbc-resource --connectionpoolid rtdsPool jdbc/rtds
PBX
chmod 600 "$PB"
MICRO_ARGS="--contextroot rtds --port $PORT --postbootcommandfile $PB --nocluster --disablephonehome"
BASE=(java $JOPTS -jar "$T/payara-micro.jar" --deploy "$T/rtds.war" $MICRO_ARGS --addlibs "$CONNECTOR")
R="$WORK/root"
LAUNCH=(-jar "$R/launch-micro.jar" $MICRO_ARGS) # a root directory's launcher takes no --addlibs: lib/ instead

measure() { # label java-command...
  local label="$1" t0 t1 pid ok=0 rss
  shift
  t0=$(date +%s.%N)
  "$@" >"$WORK/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    if curl -sf -o /dev/null "http://localhost:$PORT/health/ready" && curl -sf -o /dev/null "http://localhost:$PORT/rtds/"; then
      ok=1; break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  t1=$(date +%s.%N)
  local cpu
  cpu=$(for t in /proc/$pid/task/*; do echo "$(awk '{print $14+$15}' "$t/stat") $(tr ' ' '_' <"$t/comm")"; done 2>/dev/null \
    | awk '{n=$2; gsub(/[0-9#-]+$/,"",n); s[n]+=$1; tot+=$1} END {printf "%.1f s:", tot/100; for (k in s) if (s[k]>=100) printf " %s=%.1f", k, s[k]/100}')
  sleep 20
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null)
  kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  printf '%-22s ready=%s %6.1f s  idle RSS %5s MiB  CPU until ready %s\n' "$label" "$ok" "$(echo "$t1 - $t0" | bc)" \
    "${rss:-?}" "$cpu"
}
timed() { # label command...
  local label="$1" t0
  shift
  t0=$(date +%s.%N)
  "$@" >"$WORK/$label.log" 2>&1
  printf '%-22s exit=%s %6.1f s\n' "$label" "$?" "$(echo "$(date +%s.%N) - $t0" | bc)"
}

echo "Payara Micro start-up, $(nproc) CPUs, database $DIALECT $VERSION at $DB_HOST:$DB_PORT; logs in $WORK"
for variant in "${@:-base rootdir cds jit noverify}"; do
  for v in $variant; do
    case "$v" in
      base)
        measure base-first "${BASE[@]}"
        measure base-restart "${BASE[@]}"
        measure base-restart-2 "${BASE[@]}" ;;
      rootdir)
        rm -rf "$R"
        timed outputlauncher java -jar "$T/payara-micro.jar" --rootdir "$R" --outputlauncher
        cp "$CONNECTOR" "$R/lib/"
        timed deploy-warmup java $JOPTS -jar "$R/launch-micro.jar" --deploy "$T/rtds.war" $MICRO_ARGS --warmup
        measure rootdir java $JOPTS "${LAUNCH[@]}"
        measure rootdir-2 java $JOPTS "${LAUNCH[@]}" ;;
      cds)
        [[ -f "$R/launch-micro.jar" ]] || die "cds needs the rootdir variant first, in the same run"
        timed cds-warmup java -XX:ArchiveClassesAtExit="$WORK/rtds.jsa" $JOPTS "${LAUNCH[@]}" --warmup
        measure cds java -XX:SharedArchiveFile="$WORK/rtds.jsa" $JOPTS "${LAUNCH[@]}"
        measure cds-c1 java -XX:SharedArchiveFile="$WORK/rtds.jsa" -XX:TieredStopAtLevel=1 $JOPTS "${LAUNCH[@]}"
        measure cds-serial-1g java -XX:SharedArchiveFile="$WORK/rtds.jsa" -XX:+UseSerialGC ${JOPTS/-Xmx2g/-Xmx1g} \
          "${LAUNCH[@]}" ;;
      jit)
        measure c1-only java -XX:TieredStopAtLevel=1 "${BASE[@]:1}"
        measure two-compilers java -XX:CICompilerCount=2 "${BASE[@]:1}"
        measure serial-1g java -XX:+UseSerialGC ${JOPTS/-Xmx2g/-Xmx1g} "${BASE[@]:$((1 + $(wc -w <<<"$JOPTS")))}" ;;
      noverify)
        measure no-verify java -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote "${BASE[@]:1}" ;;
      *) die "unknown variant $v (see --help)" ;;
    esac
  done
done
