#!/usr/bin/env bash
# install-rtds.sh - install or upgrade RTDS (rtds.ear) on an existing, running Payara Server 6 domain.
#
# What it does, in order (README.md, "Installing the EAR"; --help lists the options):
#   1. asks the database for SELECT VERSION() with the mariadb/mysql client, when one is installed,
#      to check the credentials, choose the Hibernate dialect (MariaDB or MySQL) and tell Hibernate
#      the real version (connector-j reports MariaDB 10.x as "5.5.5-10.x"; ARCHITECTURE D6);
#   2. checks that asadmin reaches the domain administration server (DAS);
#   3. add-library: puts mysql-connector-j into the domain (skipped when that jar is there already);
#   4. stores the database password (and the first RTDS admin password) as Payara password aliases;
#   5. if RTDS is deployed already, disables it, then replaces the pool rtdsPool and the resource
#      jdbc/rtds, so re-running the script updates them instead of failing;
#   6. fills in create-resources.asadmin and runs it with 'asadmin multimode --file';
#   7. ping-connection-pool rtdsPool;
#   8. deploy --force=true --enabled=true --name rtds --contextroot /rtds rtds.ear (a redeploy when
#      present; --enabled=true because a redeploy keeps a disabled application disabled);
#   9. waits until http://HOST:PORT/health/ready answers UP (database reachable, migrations applied).
#
# Exit status: 0 done; 1 wrong usage or configuration; 2 a server step failed; 3 deployed but not
# ready in time.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true # bash 5.2: '&' in ${x//pat/rep} must stay literal

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
readonly POOL=rtdsPool RESOURCE=jdbc/rtds
readonly DB_PASSWORD_ALIAS=rtds-db-password ADMIN_PASSWORD_ALIAS=rtds-admin-password
readonly TRUSTSTORE_PASSWORD_ALIAS=rtds-db-truststore-password

usage() {
  cat <<'EOF'
Usage: install-rtds.sh [OPTIONS] [path/to/rtds.ear]

Installs or upgrades RTDS on a running Payara Server 6 domain. Re-running it updates the
resources and redeploys. Secrets are read from the environment or from files, never from the
command line, and are stored in the domain as password aliases.

Payara (the DAS):
  --asadmin PATH              asadmin to use                           [env ASADMIN; default: asadmin
                              on PATH, else $PAYARA_HOME/bin/asadmin]
  --admin-host HOST           DAS host                                 [env AS_ADMIN_HOST; localhost]
  --admin-port PORT           DAS admin port                           [env AS_ADMIN_PORT; 4848]
  --admin-user USER           admin user                               [env AS_ADMIN_USER; admin]
  --admin-passwordfile FILE   file with the line AS_ADMIN_PASSWORD=... [env AS_ADMIN_PASSWORDFILE;
                              omit for a domain created with --nopassword]
Database (MySQL 8 or MariaDB 10.11+; the database must exist, RTDS creates its tables):
  --db-host HOST              [env RTDS_DB_HOST; 127.0.0.1]
  --db-port PORT              [env RTDS_DB_PORT; 3306]
  --db-name NAME              [env RTDS_DB_NAME; dsrt]
  --db-user USER              [env RTDS_DB_USER; rtds]
  --db-password-file FILE     file holding the password on its first line [or env RTDS_DB_PASSWORD;
                              may be left out on a re-run: the stored alias is kept]
  --db-ssl-mode MODE          DISABLED | REQUIRED | VERIFY_CA | VERIFY_IDENTITY
                              [env RTDS_DB_SSL_MODE; DISABLED for a loopback host, else VERIFY_CA]
  --db-truststore FILE        PKCS12 trust store, on the Payara host, holding the database server's
                              CA certificate (VERIFY_CA, VERIFY_IDENTITY) [env RTDS_DB_TRUSTSTORE]
  --db-ca-cert PEM            create --db-truststore from this CA certificate (needs keytool)
  --db-truststore-password-file FILE   [or env RTDS_DB_TRUSTSTORE_PASSWORD]
  --dialect mariadb|mysql|CLASS  Hibernate dialect [env RTDS_DIALECT]; asked from the database with
                              the mariadb/mysql client when not given; required without a client
  --connector-jar JAR         mysql-connector-j jar [env RTDS_CONNECTOR_JAR; default: the newest in
                              ~/.m2/repository/com/mysql/mysql-connector-j]
RTDS:
  --data-dir DIR              RTDS_DATA_DIR, the file store on the Payara host
                              [env RTDS_DATA_DIR; /var/lib/rtds]
  --rtds-admin-password-file FILE  first password of the RTDS account 'admin' [or env
                              RTDS_ADMIN_PASSWORD; generated and printed once when neither is given
                              and no alias exists yet]
  --dicom-port PORT           DICOM C-STORE listener port [env RTDS_DICOM_PORT; 11112]
  --ae-title TITLE            DICOM AE title [env RTDS_AE_TITLE; RTDS]
  --ear FILE                  the EAR (also the positional argument) [default: rtds.ear next to
                              this script, else ../../../target/rtds.ear]
  --skip-deploy               create the resources only (an existing deployment is re-enabled)
  --wait-ready SECONDS        how long to wait for /health/ready after deploying [180; 0 = no wait]
  --print-commands            print the filled-in asadmin command file and exit (reads from the
                              database and the domain, changes nothing)
  -h, --help
EOF
}

die() { echo "install-rtds: error: $*" >&2; exit 1; }
APP_DISABLED=false
fail() {
  echo "install-rtds: error: $*" >&2
  if $APP_DISABLED; then
    echo "install-rtds: RTDS stays disabled until this script completes; fix the cause and run it again" >&2
  fi
  exit 2
}
warn() { echo "install-rtds: warning: $*" >&2; }
info() { echo "==> $*"; }

read_secret_file() { # first line of a file, without the line end
  [[ -r $1 ]] || die "cannot read the file '$1'"
  local line=''
  IFS= read -r line <"$1" || true
  printf '%s' "${line%$'\r'}"
}

# ---------------------------------------------------------------------------------------------
# options
ASADMIN=${ASADMIN:-}
ADMIN_HOST=${AS_ADMIN_HOST:-localhost}
ADMIN_PORT=${AS_ADMIN_PORT:-4848}
ADMIN_USER=${AS_ADMIN_USER:-admin}
ADMIN_PASSWORDFILE=${AS_ADMIN_PASSWORDFILE:-}
DB_HOST=${RTDS_DB_HOST:-127.0.0.1}
DB_PORT=${RTDS_DB_PORT:-3306}
DB_NAME=${RTDS_DB_NAME:-dsrt}
DB_USER=${RTDS_DB_USER:-rtds}
DB_PASSWORD=${RTDS_DB_PASSWORD:-}
DB_SSL_MODE=${RTDS_DB_SSL_MODE:-}
DB_TRUSTSTORE=${RTDS_DB_TRUSTSTORE:-}
DB_CA_CERT=''
DB_TRUSTSTORE_PASSWORD=${RTDS_DB_TRUSTSTORE_PASSWORD:-}
DIALECT=${RTDS_DIALECT:-}
DB_VERSION='' # major.minor.patch from SELECT VERSION(), for jakarta.persistence.database-product-version
CONNECTOR_JAR=${RTDS_CONNECTOR_JAR:-}
DATA_DIR=${RTDS_DATA_DIR:-/var/lib/rtds}
RTDS_ADMIN_PW=${RTDS_ADMIN_PASSWORD:-}
DICOM_PORT=${RTDS_DICOM_PORT:-11112}
AE_TITLE=${RTDS_AE_TITLE:-RTDS}
EAR=''
SKIP_DEPLOY=false
WAIT_READY=180
PRINT_ONLY=false
readonly APP_NAME=rtds CONTEXT_ROOT=/rtds

need_arg() { [[ $# -ge 2 && -n $2 ]] || die "option $1 needs a value (see --help)"; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --asadmin) need_arg "$@"; ASADMIN=$2; shift 2 ;;
    --admin-host) need_arg "$@"; ADMIN_HOST=$2; shift 2 ;;
    --admin-port) need_arg "$@"; ADMIN_PORT=$2; shift 2 ;;
    --admin-user) need_arg "$@"; ADMIN_USER=$2; shift 2 ;;
    --admin-passwordfile) need_arg "$@"; ADMIN_PASSWORDFILE=$2; shift 2 ;;
    --db-host) need_arg "$@"; DB_HOST=$2; shift 2 ;;
    --db-port) need_arg "$@"; DB_PORT=$2; shift 2 ;;
    --db-name) need_arg "$@"; DB_NAME=$2; shift 2 ;;
    --db-user) need_arg "$@"; DB_USER=$2; shift 2 ;;
    --db-password-file) need_arg "$@"; DB_PASSWORD=$(read_secret_file "$2"); shift 2 ;;
    --db-password) die "--db-password would show the password in the process list: use --db-password-file or the environment variable RTDS_DB_PASSWORD" ;;
    --db-ssl-mode) need_arg "$@"; DB_SSL_MODE=$2; shift 2 ;;
    --db-truststore) need_arg "$@"; DB_TRUSTSTORE=$2; shift 2 ;;
    --db-ca-cert) need_arg "$@"; DB_CA_CERT=$2; shift 2 ;;
    --db-truststore-password-file) need_arg "$@"; DB_TRUSTSTORE_PASSWORD=$(read_secret_file "$2"); shift 2 ;;
    --dialect) need_arg "$@"; DIALECT=$2; shift 2 ;;
    --connector-jar) need_arg "$@"; CONNECTOR_JAR=$2; shift 2 ;;
    --data-dir) need_arg "$@"; DATA_DIR=$2; shift 2 ;;
    --rtds-admin-password-file) need_arg "$@"; RTDS_ADMIN_PW=$(read_secret_file "$2"); shift 2 ;;
    --dicom-port) need_arg "$@"; DICOM_PORT=$2; shift 2 ;;
    --ae-title) need_arg "$@"; AE_TITLE=$2; shift 2 ;;
    --ear) need_arg "$@"; EAR=$2; shift 2 ;;
    --skip-deploy) SKIP_DEPLOY=true; shift ;;
    --wait-ready) need_arg "$@"; WAIT_READY=$2; shift 2 ;;
    --print-commands) PRINT_ONLY=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [[ -z $EAR ]] || die "more than one EAR given: '$EAR' and '$1'"; EAR=$1; shift ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# checks that need no server
is_port() { [[ $1 =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )); }
is_port "$ADMIN_PORT" || die "--admin-port '$ADMIN_PORT' is not a port number"
is_port "$DB_PORT" || die "--db-port '$DB_PORT' is not a port number"
is_port "$DICOM_PORT" || die "--dicom-port '$DICOM_PORT' is not a port number"
[[ $WAIT_READY =~ ^[0-9]+$ ]] || die "--wait-ready '$WAIT_READY' is not a number of seconds"
[[ $AE_TITLE =~ ^[A-Za-z0-9_.-]{1,16}$ ]] || die "--ae-title '$AE_TITLE': use 1 to 16 letters, digits, '_', '.' or '-'"
[[ $DB_NAME =~ ^[A-Za-z0-9_$]{1,64}$ ]] || die "--db-name '$DB_NAME': use letters, digits, '_' or '\$'"
# values written into the asadmin file may not hold characters its tokenizer treats specially
for pair in "db-host:$DB_HOST" "db-user:$DB_USER" "data-dir:$DATA_DIR" "db-truststore:$DB_TRUSTSTORE"; do
  [[ ${pair#*:} != *[[:space:]\"\'\\@]* ]] || die "--${pair%%:*} '${pair#*:}' contains a space, quote, backslash or '@'; choose a value without them"
done
[[ $DATA_DIR == /* ]] || die "--data-dir '$DATA_DIR' must be an absolute path (on the Payara host)"
[[ -n $DB_HOST && -n $DB_USER ]] || die "--db-host and --db-user must not be empty"

is_loopback() { [[ $1 == localhost || $1 == 127.* || $1 == ::1 || $1 == '[::1]' ]]; }
if [[ -z $DB_SSL_MODE ]]; then
  if is_loopback "$DB_HOST"; then DB_SSL_MODE=DISABLED; else DB_SSL_MODE=VERIFY_CA; fi
fi
DB_SSL_MODE=${DB_SSL_MODE^^}
case $DB_SSL_MODE in
  DISABLED)
    is_loopback "$DB_HOST" || warn "sslMode=DISABLED to the remote database host '$DB_HOST': the password and patient data cross the network unencrypted; use --db-ssl-mode VERIFY_CA with a trust store"
    ;;
  REQUIRED)
    warn "sslMode=REQUIRED encrypts but does not check the database's certificate; prefer VERIFY_CA" ;;
  VERIFY_CA|VERIFY_IDENTITY)
    [[ -n $DB_TRUSTSTORE ]] || die "--db-ssl-mode $DB_SSL_MODE (the default for the remote host '$DB_HOST') needs --db-truststore FILE: a PKCS12 trust store holding the CA certificate that signed the database server's certificate (--db-ca-cert PEM creates it). For a database on this host use --db-host 127.0.0.1"
    [[ $DB_TRUSTSTORE == /* ]] || die "--db-truststore '$DB_TRUSTSTORE' must be an absolute path (on the Payara host)"
    ;;
  *) die "--db-ssl-mode '$DB_SSL_MODE': use DISABLED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY" ;;
esac

case ${DIALECT,,} in
  '') ;;
  mariadb) DIALECT=org.hibernate.dialect.MariaDBDialect ;;
  mysql) DIALECT=org.hibernate.dialect.MySQLDialect ;;
  org.hibernate.dialect.*) ;;
  *) die "--dialect '$DIALECT': use mariadb, mysql or a Hibernate dialect class name" ;;
esac

if [[ -z $ASADMIN ]]; then
  if command -v asadmin >/dev/null 2>&1; then ASADMIN=$(command -v asadmin)
  elif [[ -n ${PAYARA_HOME:-} && -x $PAYARA_HOME/bin/asadmin ]]; then ASADMIN=$PAYARA_HOME/bin/asadmin
  else die "asadmin not found: pass --asadmin /path/to/payara6/bin/asadmin (or set ASADMIN or PAYARA_HOME)"
  fi
fi
[[ -x $ASADMIN ]] || die "asadmin '$ASADMIN' is not an executable file"
[[ -z $ADMIN_PASSWORDFILE || -r $ADMIN_PASSWORDFILE ]] || die "cannot read --admin-passwordfile '$ADMIN_PASSWORDFILE'"

TEMPLATE=$SCRIPT_DIR/create-resources.asadmin
[[ -r $TEMPLATE ]] || die "create-resources.asadmin is missing next to this script ($TEMPLATE)"

if ! $SKIP_DEPLOY && ! $PRINT_ONLY; then
  if [[ -z $EAR ]]; then
    for candidate in "$SCRIPT_DIR/rtds.ear" "$SCRIPT_DIR/../../../target/rtds.ear"; do
      [[ -f $candidate ]] && { EAR=$candidate; break; }
    done
    [[ -n $EAR ]] || die "no EAR given and no rtds.ear next to this script: pass the path to rtds.ear"
  fi
  [[ -f $EAR ]] || die "the EAR '$EAR' does not exist"
fi

WORK=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/install-rtds.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------
# the database: credentials check and dialect, when a client is installed
db_client=''
for c in mariadb mysql; do
  if command -v "$c" >/dev/null 2>&1; then db_client=$(command -v "$c"); break; fi
done
if [[ -z $DB_PASSWORD ]]; then
  info "no database password given: the stored one (alias $DB_PASSWORD_ALIAS) is kept and not checked here"
elif [[ -n $db_client ]]; then
  client_args=(--protocol=TCP --connect-timeout=10 -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -B)
  if [[ $DB_SSL_MODE != DISABLED ]]; then
    if "$db_client" --version 2>/dev/null | grep -qi mariadb; then client_args+=(--ssl)
    else client_args+=(--ssl-mode=REQUIRED); fi
  fi
  info "asking the database $DB_HOST:$DB_PORT/$DB_NAME for its version ($(basename "$db_client") client)"
  if version=$(MYSQL_PWD=$DB_PASSWORD "$db_client" "${client_args[@]}" -e 'SELECT VERSION()' "$DB_NAME" 2>"$WORK/client.err"); then
    echo "    $version"
    # MariaDB before 11 may answer "5.5.5-10.11.x-MariaDB" (the MySQL protocol's prefix)
    if [[ $version =~ ^(5\.5\.5-)?([0-9]+\.[0-9]+\.[0-9]+) ]]; then DB_VERSION=${BASH_REMATCH[2]}; fi
    if [[ $version == *[Mm]aria[Dd][Bb]* ]]; then detected=org.hibernate.dialect.MariaDBDialect
    else detected=org.hibernate.dialect.MySQLDialect; fi
    if [[ -z $DIALECT ]]; then DIALECT=$detected
    elif [[ $DIALECT != "$detected" ]]; then warn "--dialect $DIALECT, but the database reports '$version' (suggesting $detected)"
    fi
  elif [[ -n $DIALECT ]]; then
    warn "the $(basename "$db_client") client could not query the database ($(tr '\n' ' ' <"$WORK/client.err")); continuing with --dialect $DIALECT, Payara's ping will tell"
  else
    die "the $(basename "$db_client") client could not query the database $DB_HOST:$DB_PORT/$DB_NAME as '$DB_USER': $(tr '\n' ' ' <"$WORK/client.err")
    Check host, port, database name, user and password (RTDS_DB_PASSWORD or --db-password-file), or pass --dialect mariadb|mysql to skip this check."
  fi
fi

# ---------------------------------------------------------------------------------------------
# the server
as_base=("$ASADMIN" --interactive=false --host "$ADMIN_HOST" --port "$ADMIN_PORT" --user "$ADMIN_USER")
asadmin_() { "${as_base[@]}" ${ADMIN_PASSWORDFILE:+--passwordfile "$ADMIN_PASSWORDFILE"} "$@"; }
# asadmin with a password file that adds AS_ADMIN_ALIASPASSWORD (a java.util.Properties file:
# backslashes are escaped, and so is a leading blank)
asadmin_with_alias_password() {
  local secret=$1; shift
  local file=$WORK/alias.pw
  : >"$file"
  [[ -z $ADMIN_PASSWORDFILE ]] || grep -v '^AS_ADMIN_ALIASPASSWORD=' "$ADMIN_PASSWORDFILE" >>"$file" || true
  secret=${secret//\\/\\\\}
  [[ $secret != [[:space:]]* ]] || secret="\\$secret"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$secret" >>"$file"
  "${as_base[@]}" --passwordfile "$file" "$@"
  local rc=$?
  rm -f "$file"
  return $rc
}
# the first field of each line a list-* command prints, without asadmin's own status line
list_names() { asadmin_ "$@" | awk '!/^Command .* executed/ && NF { print $1 }'; }
has_line() { grep -Fxq -- "$1"; }

info "checking the Payara domain at $ADMIN_HOST:$ADMIN_PORT"
if ! out=$(asadmin_ uptime 2>&1); then
  die "asadmin cannot reach the domain administration server at $ADMIN_HOST:$ADMIN_PORT:
$out
Is the domain running (asadmin start-domain)? Are --admin-port, --admin-user and --admin-passwordfile right?"
fi
server_version=$(asadmin_ version 2>/dev/null | grep -o 'Payara Server [^ ]*' | head -n 1 || true)
echo "    ${server_version:-Payara Server (version unknown)}, ${out%%$'\n'*}"
[[ -z $server_version || $server_version == "Payara Server 6."* ]] || warn "RTDS is built and tested for Payara Server 6; this is $server_version"
domain_dir=$(asadmin_ __locations 2>/dev/null | head -n 1 || true)
server_log() { [[ -n $domain_dir && -f $domain_dir/logs/server.log ]] && echo "$domain_dir/logs/server.log"; }
show_log_tail() {
  local log
  if log=$(server_log); then
    echo "---- last lines of $log ----" >&2
    tail -n "${1:-40}" "$log" >&2
    echo "----" >&2
  else
    echo "The domain's logs/server.log on the Payara host says more." >&2
  fi
}

# the dialect: from the database (above), --dialect, or the value an earlier installation set
readonly VERSION_PROPERTY=jakarta.persistence.database-product-version
earlier_properties=$(asadmin_ list-system-properties 2>/dev/null || true)
earlier_dialect=$(sed -n 's/^hibernate\.dialect=//p' <<<"$earlier_properties" | head -n 1)
if [[ -z $DIALECT ]]; then
  DIALECT=$earlier_dialect
  [[ -z $DIALECT ]] || info "keeping the Hibernate dialect set by the earlier installation: $DIALECT"
fi
# the database version likewise, but only for the same dialect (another product, another version)
if [[ -z $DB_VERSION && -n $DIALECT && $DIALECT == "$earlier_dialect" ]]; then
  DB_VERSION=$(sed -n "s/^${VERSION_PROPERTY//./\\.}=//p" <<<"$earlier_properties" | head -n 1)
  [[ -z $DB_VERSION ]] || info "keeping the database version set by the earlier installation: $DB_VERSION"
fi
[[ -n $DB_VERSION ]] || warn "the database version is unknown (no database password or client): Hibernate reads it from the JDBC metadata, where MariaDB 10.x looks like 5.5.5 (log message HHH000511)"
if [[ -z $DIALECT ]]; then
  if [[ -z $db_client ]]; then
    die "no mariadb/mysql client is installed to ask the database for its version: pass --dialect mariadb (MariaDB) or --dialect mysql (MySQL 8)"
  fi
  die "the Hibernate dialect is unknown: give the database password (RTDS_DB_PASSWORD) so that the database can be asked, or pass --dialect mariadb|mysql"
fi

# ---------------------------------------------------------------------------------------------
# the asadmin command file
prop_escape() { local v=$1; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }

if [[ $DB_SSL_MODE == DISABLED ]]; then
  tls_properties='sslMode=DISABLED:allowPublicKeyRetrieval=true'
else
  # fallbackToSystemKeyStore=false: otherwise connector-j presents Payara's own server certificate
  # (javax.net.ssl.keyStore = the domain's keystore.p12) as a client certificate, and a database
  # that asks for client certificates drops the handshake ('Communications link failure', 'Broken
  # pipe'), platform pitfall 8. fallbackToSystemTrustStore=false: trust only the given store.
  tls_properties="sslMode=$DB_SSL_MODE:fallbackToSystemKeyStore=false"
  if [[ -n $DB_TRUSTSTORE ]]; then
    tls_properties+=":fallbackToSystemTrustStore=false"
    tls_properties+=":trustCertificateKeyStoreUrl=$(prop_escape "file:$DB_TRUSTSTORE"):trustCertificateKeyStoreType=PKCS12"
    tls_properties+=":trustCertificateKeyStorePassword=\${ALIAS=$TRUSTSTORE_PASSWORD_ALIAS}"
  fi
fi

render() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line//@@DB_HOST@@/$(prop_escape "$DB_HOST")}
    line=${line//@@DB_PORT@@/$DB_PORT}
    line=${line//@@DB_NAME@@/$DB_NAME}
    line=${line//@@DB_USER@@/$(prop_escape "$DB_USER")}
    line=${line//@@DB_TLS_PROPERTIES@@/$tls_properties}
    line=${line//@@DATA_DIR@@/$(prop_escape "$DATA_DIR")}
    line=${line//@@HIBERNATE_DIALECT@@/$DIALECT}
    line=${line//@@DB_VERSION_PROPERTY@@/${DB_VERSION:+:$VERSION_PROPERTY=$DB_VERSION}}
    line=${line//@@DICOM_PORT@@/$DICOM_PORT}
    line=${line//@@AE_TITLE@@/$AE_TITLE}
    printf '%s\n' "$line"
  done <"$TEMPLATE"
}
COMMANDS=$WORK/create-resources.asadmin
render >"$COMMANDS"
if $PRINT_ONLY; then cat "$COMMANDS"; exit 0; fi
if grep -v '^[[:space:]]*#' "$COMMANDS" | grep -q '@@'; then
  die "placeholders left unfilled in $TEMPLATE: $(grep -v '^[[:space:]]*#' "$COMMANDS" | grep -o '@@[A-Z_]*@@' | sort -u | tr '\n' ' ')"
fi

# the data directory, when the DAS runs on this host
if [[ -n $domain_dir && -d $domain_dir && ! -d $DATA_DIR ]]; then
  if mkdir -p "$DATA_DIR" 2>/dev/null; then
    info "created RTDS_DATA_DIR $DATA_DIR: make sure the user Payara runs as owns it ($(stat -c %U "$domain_dir") owns the domain)"
  else
    warn "RTDS_DATA_DIR $DATA_DIR does not exist and cannot be created by $(id -un); create it, owned by the user Payara runs as"
  fi
fi

# the JDBC driver
if [[ -z $CONNECTOR_JAR ]]; then
  m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/com/mysql/mysql-connector-j
  CONNECTOR_JAR=$(printf '%s\n' "$m2"/*/mysql-connector-j-*.jar | grep -Ev -- '-(sources|javadoc)\.jar$' | grep -v '\*' | sort -V | tail -n 1 || true)
  [[ -n $CONNECTOR_JAR ]] || die "mysql-connector-j not found in $m2: fetch com.mysql:mysql-connector-j:9.5.0 from Maven Central (e.g. mvn dependency:get -Dartifact=com.mysql:mysql-connector-j:9.5.0) or pass --connector-jar FILE"
fi
[[ -f $CONNECTOR_JAR ]] || die "--connector-jar '$CONNECTOR_JAR' does not exist"
jar_name=$(basename "$CONNECTOR_JAR")
libraries=$(list_names list-libraries) || fail "asadmin list-libraries failed"
if has_line "$jar_name" <<<"$libraries"; then
  info "JDBC driver $jar_name is in the domain already"
else
  for old in $(grep -E '^mysql-connector-(j|java)-.*\.jar$' <<<"$libraries" || true); do
    info "removing the other JDBC driver version $old"
    asadmin_ remove-library "$old" || fail "asadmin remove-library $old failed"
    warn "the domain had $old: restart it (asadmin restart-domain) so that only $jar_name is loaded"
  done
  info "adding the JDBC driver $jar_name (asadmin add-library)"
  asadmin_ add-library "$CONNECTOR_JAR" || fail "asadmin add-library $CONNECTOR_JAR failed"
fi

# password aliases
aliases=$(list_names list-password-aliases 2>/dev/null || true)
GENERATED_ADMIN_PW=''
set_alias() { # name secret what
  if has_line "$1" <<<"$aliases"; then
    info "updating the password alias $1 ($3)"
    asadmin_with_alias_password "$2" update-password-alias "$1" || fail "asadmin update-password-alias $1 failed"
  else
    info "creating the password alias $1 ($3)"
    asadmin_with_alias_password "$2" create-password-alias "$1" || fail "asadmin create-password-alias $1 failed"
  fi
}
if [[ -n $DB_PASSWORD ]]; then set_alias "$DB_PASSWORD_ALIAS" "$DB_PASSWORD" "database password"
elif has_line "$DB_PASSWORD_ALIAS" <<<"$aliases"; then info "keeping the stored database password (alias $DB_PASSWORD_ALIAS)"
else die "no database password: set RTDS_DB_PASSWORD or pass --db-password-file FILE"
fi
if [[ -n $RTDS_ADMIN_PW ]]; then set_alias "$ADMIN_PASSWORD_ALIAS" "$RTDS_ADMIN_PW" "first RTDS admin password"
elif has_line "$ADMIN_PASSWORD_ALIAS" <<<"$aliases"; then info "keeping the stored first RTDS admin password (alias $ADMIN_PASSWORD_ALIAS)"
else
  GENERATED_ADMIN_PW=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20 || true)
  set_alias "$ADMIN_PASSWORD_ALIAS" "$GENERATED_ADMIN_PW" "generated first RTDS admin password"
fi
if [[ $DB_SSL_MODE == VERIFY_* ]]; then
  if [[ -n $DB_CA_CERT ]]; then
    [[ -r $DB_CA_CERT ]] || die "cannot read --db-ca-cert '$DB_CA_CERT'"
    [[ -n $domain_dir && -d $domain_dir ]] || die "--db-ca-cert works only when Payara runs on this host; copy a trust store there and pass --db-truststore"
    [[ -n $DB_TRUSTSTORE_PASSWORD ]] || DB_TRUSTSTORE_PASSWORD=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true)
    keytool=${AS_JAVA:+$AS_JAVA/bin/}keytool
    info "writing the trust store $DB_TRUSTSTORE from $DB_CA_CERT"
    mkdir -p "$(dirname "$DB_TRUSTSTORE")"
    rm -f "$DB_TRUSTSTORE"
    printf '%s\n' "$DB_TRUSTSTORE_PASSWORD" >"$WORK/ts.pw"
    "$keytool" -importcert -noprompt -alias rtds-db-ca -file "$DB_CA_CERT" -keystore "$DB_TRUSTSTORE" \
      -storetype PKCS12 -storepass:file "$WORK/ts.pw" >/dev/null || die "keytool could not import $DB_CA_CERT"
    chmod 644 "$DB_TRUSTSTORE"
  fi
  if [[ -n $DB_TRUSTSTORE_PASSWORD ]]; then set_alias "$TRUSTSTORE_PASSWORD_ALIAS" "$DB_TRUSTSTORE_PASSWORD" "trust store password"
  elif ! has_line "$TRUSTSTORE_PASSWORD_ALIAS" <<<"$aliases"; then
    die "--db-ssl-mode $DB_SSL_MODE needs the trust store's password: RTDS_DB_TRUSTSTORE_PASSWORD or --db-truststore-password-file"
  fi
fi

# an earlier installation: stop the application while its pool is replaced
deployed=false
if list_names list-applications | has_line "$APP_NAME"; then deployed=true; fi
if $deployed; then
  info "RTDS is deployed: disabling it while its resources are replaced"
  asadmin_ disable "$APP_NAME" || fail "asadmin disable $APP_NAME failed"
  APP_DISABLED=true
fi
if list_names list-jdbc-resources | has_line "$RESOURCE"; then
  info "deleting the existing resource $RESOURCE"
  asadmin_ delete-jdbc-resource "$RESOURCE" || fail "asadmin delete-jdbc-resource $RESOURCE failed"
fi
if list_names list-jdbc-connection-pools | has_line "$POOL"; then
  info "deleting the existing pool $POOL"
  asadmin_ delete-jdbc-connection-pool --cascade=true "$POOL" || fail "asadmin delete-jdbc-connection-pool $POOL failed"
fi

# a system property holding ${ALIAS=…} is resolved when it is created: re-create it so that a
# changed alias takes effect without a restart. The database version is deleted too: the file
# re-creates it when it is known, and an outdated one must not outlive a database change.
property_names=$(asadmin_ list-system-properties 2>/dev/null | sed -n 's/=.*//p' || true)
for property in RTDS_ADMIN_PASSWORD "$VERSION_PROPERTY"; do
  if has_line "$property" <<<"$property_names"; then
    asadmin_ delete-system-property "$property" >/dev/null || fail "asadmin delete-system-property $property failed"
  fi
done

info "creating the pool $POOL, the resource $RESOURCE and the system properties ($TEMPLATE)"
asadmin_ multimode --file "$COMMANDS" \
  || fail "some commands of create-resources.asadmin failed (messages above); the filled-in file is printed by: $0 --print-commands ..."

info "checking the pool: asadmin ping-connection-pool $POOL"
if ! asadmin_ ping-connection-pool "$POOL"; then
  show_log_tail 20
  fail "Payara cannot connect to $DB_HOST:$DB_PORT/$DB_NAME as '$DB_USER' (sslMode=$DB_SSL_MODE). Check the database host and port, that the user may connect from the Payara host, the password (RTDS_DB_PASSWORD), and for TLS the trust store"
fi

# ---------------------------------------------------------------------------------------------
# deployment
if $SKIP_DEPLOY; then
  if $deployed; then
    info "re-enabling RTDS"
    asadmin_ enable "$APP_NAME" || { show_log_tail 60; fail "asadmin enable $APP_NAME failed"; }
  fi
  info "resources ready; deployment skipped (--skip-deploy)"
  exit 0
fi

info "deploying $EAR as '$APP_NAME' (Flyway migrates the database during start-up)"
start=$SECONDS
if ! asadmin_ deploy --force=true --enabled=true --name "$APP_NAME" --contextroot "$CONTEXT_ROOT" "$EAR"; then
  show_log_tail 80
  fail "the deployment of $EAR failed (the server log above says why)"
fi
echo "    deployed in $((SECONDS - start)) s"

http_port=$(asadmin_ get 'configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port' 2>/dev/null \
  | sed -n 's/^.*http-listener-1\.port=//p' | head -n 1 || true)
http_host=$ADMIN_HOST
[[ $http_host != localhost ]] || http_host=127.0.0.1
base_url="http://$http_host:${http_port:-8080}"

if (( WAIT_READY > 0 )); then
  if ! command -v curl >/dev/null 2>&1; then
    warn "curl is not installed: check $base_url/health/ready yourself"
  else
    info "waiting up to $WAIT_READY s for $base_url/health/ready"
    deadline=$((SECONDS + WAIT_READY))
    body=''
    while :; do
      code=$(curl -s -o "$WORK/ready.json" -w '%{http_code}' --max-time 10 "$base_url/health/ready" || true)
      body=$(cat "$WORK/ready.json" 2>/dev/null || true)
      if [[ $code == 200 && $body =~ \"status\"[[:space:]]*:[[:space:]]*\"UP\" ]]; then
        echo "    ready after $((SECONDS - start)) s: $body"
        break
      fi
      if (( SECONDS >= deadline )); then
        show_log_tail 60
        echo "install-rtds: error: RTDS is deployed but $base_url/health/ready did not answer UP within $WAIT_READY s (last answer: HTTP $code $body)" >&2
        exit 3
      fi
      sleep 2
    done
  fi
fi

echo
echo "RTDS is installed: $base_url$CONTEXT_ROOT/   (API: $base_url$CONTEXT_ROOT/api/v1, OpenAPI: $base_url/openapi)"
if [[ -n $GENERATED_ADMIN_PW ]]; then
  echo "First login: user 'admin', password '$GENERATED_ADMIN_PW' (shown once; keep it safe)."
fi
