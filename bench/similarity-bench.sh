#!/usr/bin/env bash
# bench/similarity-bench.sh — similarity query of a new study against 1,000 / 10,000 / 100,000 stored
# studies (realistic synthetic OVH/STS, 20 organs × PTV_All and PTV_High): the plain scan (all exact
# EMDs, as SimilarityWriter) against the in-memory SignatureIndex (exact top-k with lower-bound
# pruning); adding one study to 10,000; the index heap at 100,000; decoding the stored text at start.
# See docs/knowledge-base.md ("Performance").
#
# Usage: bench/similarity-bench.sh [MAX_N [QUERIES [PLAIN_QUERIES]]]
#   MAX_N          largest knowledge base (default 100000; checkpoints at 1000, 10000, 100000)
#   QUERIES        query studies per measurement (default 7; the median is printed)
#   PLAIN_QUERIES  queries timed with the plain scan at 1,000 (default 3)
#        bench/similarity-bench.sh db [N ...]
#   MariaDB end to end (SimilarityDbBench): writes N studies (default 1000 10000) into the throwaway
#   database rtds_simbench_tmp on 127.0.0.1:3306 (root; JDBC_URL overrides), times reading + decoding
#   + index put, a catch-up from the watermark and a query; drops the database at the end.
#        bench/similarity-bench.sh server [N ...]
#   The server's own code end to end (KnowledgeServerBench): a throwaway database migrated by the real
#   migrations (TestDatabase: 127.0.0.1:3306, root; -Drtds.test.db.* in JAVA_OPTS) holds N synthetic
#   studies as the feature job leaves them; times a node's load, /similar, /qc, adding one study and another
#   node's catch-up, beside the plain scan (the peer) where it takes under a minute. Default 1000 10000.
# Needs about 6 GB of heap at 100,000 (HEAP, default 8g). Compiles rtds-features and its tests
# offline when the classes are missing (no install).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLS="$ROOT/rtds-features/target/test-classes/org/rtds/features/knowledge/bench/SimilarityBench.class"
if [[ ! -f "$CLS" ]]; then
  echo "compiling rtds-features (./mvnw -o -pl rtds-features test-compile) ..." >&2
  (cd "$ROOT" && ./mvnw -B -q -o -pl rtds-features test-compile)
fi
CP="$ROOT/rtds-features/target/classes:$ROOT/rtds-features/target/test-classes"
if [[ "${1:-}" == server ]]; then
  shift
  CPFILE="$ROOT/rtds-features/target/bench-classpath.txt"
  (cd "$ROOT" && ./mvnw -B -q -o -pl rtds-features dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CPFILE" >&2)
  exec java -Xmx"${HEAP:-8g}" ${JAVA_OPTS:-} -cp "$CP:$(cat "$CPFILE")" org.rtds.features.boundary.KnowledgeServerBench "$@"
fi
if [[ "${1:-}" == db ]]; then
  shift
  MYSQL_JAR="$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)"
  exec java -Xmx"${HEAP:-4g}" -cp "$CP:$MYSQL_JAR" org.rtds.features.knowledge.bench.SimilarityDbBench \
    "${JDBC_URL:-jdbc:mysql://127.0.0.1:3306/?user=root}" "$@"
fi
exec java -Xmx"${HEAP:-8g}" -Xms1g -cp "$ROOT/rtds-features/target/classes:$ROOT/rtds-features/target/test-classes" \
  org.rtds.features.knowledge.bench.SimilarityBench "${1:-100000}" "${2:-7}" "${3:-3}"
