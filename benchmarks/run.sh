#!/usr/bin/env bash
# Haechi's benchmarks against DuckDB (issue 6): generates the data if missing, builds the cubes into the embedded
# HBase (reusing them when already built), starts a real `haechi server`, runs the JMH latency benchmarks over the
# thin JDBC driver with DuckDB on the same rows in the same run, the concurrency workload and the cold start, and
# writes benchmarks/results/<date>[-quick][-sfN].md with its JMH JSON and SVG chart. See benchmarks/README.md.
#
#   benchmarks/run.sh [--sf 1] [--quick] [--rebuild] [--duckdb-memory 8GB]
#
# --quick: a smoke run (under 10 minutes once the data exist): SSB design B and a small ad cube, short JMH runs.
# --rebuild: build the cubes again; --prepare-only: data, builds and DuckDB GROUPING SETS, no server and no JMH.
# Environment: BENCH_WORK (default benchmarks/work, git-ignored), BENCH_JDBC_PORT and BENCH_ZK_PORT (default: free
# ports), BENCH_DUCKDB_THREADS (2).
set -euo pipefail
HAECHI_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HAECHI_HOME"

SF=1
QUICK=""
REBUILD=""
PREPARE_ONLY=""
DUCK_MEMORY=8GB
while [ $# -gt 0 ]; do
  case "$1" in
    --sf) SF="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --prepare-only) PREPARE_ONLY=1; shift ;;
    --duckdb-memory) DUCK_MEMORY="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

WORK="${BENCH_WORK:-$HAECHI_HOME/benchmarks/work}"
STAMP="$(date -u +%Y-%m-%d)"
NAME="$STAMP${QUICK:+-quick}$([ "$SF" = 1 ] || echo "-sf$SF")"
RUN="$HAECHI_HOME/benchmarks/results/tmp/$NAME"
rm -rf "$RUN"
mkdir -p "$RUN" "$WORK"
log() { echo "[run.sh $(date -u +%H:%M:%S)] $*"; }

if [ -n "$QUICK" ]; then
  PROJECTS=ssb_b,ads; ADS_SCALE=0.1; ADS_DAYS=7; HAECHI_DATA="$WORK/haechi-sf$SF-quick"
else
  PROJECTS=ssb_b,ssb_a,ads; ADS_SCALE=1; ADS_DAYS=28; HAECHI_DATA="$WORK/haechi-sf$SF"
fi

log "building Haechi and the benchmarks (mvn package, tests skipped)"
mvn -B -ntp -q -DskipTests -pl benchmarks -am package > "$RUN/mvn.log" 2>&1 || { tail -40 "$RUN/mvn.log"; exit 1; }
./haechi --help > /dev/null   # the launcher builds itself here, not during the cold start
BT="$HAECHI_HOME/benchmarks/target"
# The long preparing JVMs (and the embedded HBase they start) run from a copy of this build's jars, so that a
# rebuild of the worktree while they run cannot pull a jar from under them.
LIB="$RUN/lib"
mkdir -p "$LIB"
cp -r "$BT/classes" "$LIB/benchmarks-classes"
FULL_CP="$LIB/benchmarks-classes"
for entry in $(tr ':' ' ' < "$BT/bench.classpath"); do
  case "$entry" in
    "$HAECHI_HOME"/*) cp "$entry" "$LIB/"; FULL_CP="$FULL_CP:$LIB/$(basename "$entry")" ;;
    *) FULL_CP="$FULL_CP:$entry" ;;
  esac
done
DRIVER_JAR="$(ls "$HAECHI_HOME"/jdbc-driver/target/haechi-jdbc-driver-*.jar | grep -v original- | head -1)"
cp "$DRIVER_JAR" "$LIB/"
CLIENT_CP="$LIB/benchmarks-classes:$(cat "$BT/bench-client.classpath"):$LIB/$(basename "$DRIVER_JAR")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JDK_FLAGS="--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED \
  --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dorg.apache.hbase.thirdparty.io.netty.tryReflectionSetAccessible=true"

free_port() { "$JAVA" -cp "$BT/classes" io.haechi.bench.client.FreePort; }
JDBC_PORT="${BENCH_JDBC_PORT:-$(free_port)}"
ZK_PORT="${BENCH_ZK_PORT:-$(free_port)}"
CONFIG="$RUN/haechi.properties"
cat > "$CONFIG" <<EOF
haechi.data.dir=$HAECHI_DATA
haechi.hbase.embedded.zookeeper.port=$ZK_PORT
haechi.hbase.embedded.heap=2g
haechi.jdbc.port=$JDBC_PORT
haechi.query.resultCache.entries=0
haechi.query.planCache.entries=1000
EOF

cat > "$RUN/run.json" <<EOF
{"name": "$NAME", "sf": "$SF", "quick": $([ -n "$QUICK" ] && echo true || echo false), "projects": "$PROJECTS",
 "ads_scale": "$ADS_SCALE", "ads_days": $ADS_DAYS, "started": "$(date -u +%FT%TZ)",
 "git": "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo -dirty)",
 "duckdb_memory_limit": "$DUCK_MEMORY", "duckdb_threads": ${BENCH_DUCKDB_THREADS:-2}}
EOF

log "data: SSB SF $SF, ad events scale $ADS_SCALE x $ADS_DAYS days (generated once under $WORK)"
"$JAVA" -Xmx4g -cp "$FULL_CP" io.haechi.bench.prepare.Prepare data --work "$WORK" --sf "$SF" \
  --ads-scale "$ADS_SCALE" --ads-days "$ADS_DAYS" 2>&1 | tee -a "$RUN/prepare.log"

log "builds: $PROJECTS into the embedded HBase ($HAECHI_DATA), -Xmx2g"
"$JAVA" -Xmx2g $JDK_FLAGS -Dhaechi.home="$HAECHI_HOME" -cp "$FULL_CP" io.haechi.bench.prepare.Prepare build \
  --work "$WORK" --config "$CONFIG" --sf "$SF" --projects "$PROJECTS" --ads-scale "$ADS_SCALE" \
  --ads-days "$ADS_DAYS" --out "$RUN" ${REBUILD:+--rebuild} 2>&1 | tee -a "$RUN/prepare.log" | awk '!/^\[main\] INFO/ {print; fflush()}'

SSB_DUCK="$WORK/ssb-sf$SF/ssb.duckdb"
ADS_DUCK="$WORK/ads-${ADS_SCALE}x$ADS_DAYS/ads.duckdb"
for p in ${PROJECTS//,/ }; do
  if [ -n "$QUICK" ] && [ "$p" != ssb_b ]; then continue; fi
  duck="$SSB_DUCK"; [ "$p" = ads ] && duck="$ADS_DUCK"
  log "DuckDB GROUPING SETS for $p (memory_limit $DUCK_MEMORY)"
  "$JAVA" -Xmx1g -cp "$FULL_CP" io.haechi.bench.prepare.Prepare grouping-sets --work "$WORK" --project "$p" \
    --duckdb "$duck" --out "$RUN" --records "$HAECHI_DATA/builds" --memory-limit "$DUCK_MEMORY" \
    --threads "${BENCH_DUCKDB_THREADS:-2}" 2>&1 | tee -a "$RUN/prepare.log"
done

if [ -n "$PREPARE_ONLY" ]; then
  log "prepared (--prepare-only): data, builds and GROUPING SETS figures are in $RUN"
  exit 0
fi

SSB_PROJECTS="${PROJECTS//,ads/}"
log "client: haechi server on 127.0.0.1:$JDBC_PORT, JMH, concurrency (classpath: JMH, DuckDB, the driver jar)"
HAECHI_JAVA_OPTS="-Xmx2g" "$JAVA" -Xmx1g -Dbench.duckdb.threads="${BENCH_DUCKDB_THREADS:-2}" -cp "$CLIENT_CP" \
  io.haechi.bench.client.ClientMain --launcher "$HAECHI_HOME/haechi" --config "$CONFIG" --port "$JDBC_PORT" \
  --out "$RUN" --duckdb-ssb "$SSB_DUCK" --projects "$SSB_PROJECTS" --duckdb-ads "$ADS_DUCK" ${QUICK:+--quick} \
  2>&1 | tee "$RUN/client.log" | awk '/^\[client\]|^# Parameters|^Result|SsbLatency.run|AdsLatency.run/ {print; fflush()}'

log "report"
"$JAVA" -cp "$FULL_CP" io.haechi.bench.report.Report --run "$RUN" --results "$HAECHI_HOME/benchmarks/results" \
  --name "$NAME"
log "done: benchmarks/results/$NAME.md"
