#!/usr/bin/env bash
# Makes sure the MariaDB/MySQL server the integration tests use is answering on 127.0.0.1:3306 (or the host/port in
# RTDS_TEST_DB_HOST/RTDS_TEST_DB_PORT). Starts the machine's MariaDB if it is installed but down; installs it from
# Debian if it is missing and we are root. Idempotent.
set -euo pipefail

HOST="${RTDS_TEST_DB_HOST:-127.0.0.1}"
PORT="${RTDS_TEST_DB_PORT:-3306}"

answering() {
  if command -v mariadb-admin >/dev/null 2>&1; then
    mariadb-admin --host="$HOST" --port="$PORT" --user=root --connect-timeout=2 ping >/dev/null 2>&1
  elif command -v mysqladmin >/dev/null 2>&1; then
    mysqladmin --host="$HOST" --port="$PORT" --user=root --connect-timeout=2 ping >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
  fi
}

answering && exit 0

if [[ "$HOST" != "127.0.0.1" && "$HOST" != "localhost" ]]; then
  echo "rtds: the test database server $HOST:$PORT does not answer" >&2; exit 2
fi

if [[ ! -x /usr/sbin/mariadbd ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "rtds: no MariaDB server on this machine and not root: install mariadb-server or point the tests at a" \
         "server with -Drtds.test.db.host/port/user/password" >&2; exit 2
  fi
  echo "rtds: installing mariadb-server from Debian ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
fi

echo "rtds: starting MariaDB ..."
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
for _ in $(seq 1 60); do
  answering && { echo "rtds: MariaDB is up"; exit 0; }
  sleep 1
done
echo "rtds: MariaDB did not start within 60 s (see /var/log/mysql/ or journal)" >&2
exit 2
