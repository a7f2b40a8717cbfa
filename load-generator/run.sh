#!/usr/bin/env bash
# Measures the OCPP gateway with simulated chargers (a benchmark, not a test). See load-generator/README.md.
#   load-generator/run.sh                          the smoke scenario: 200 chargers for 60 s
#   load-generator/run.sh --scenario=fleet         10,000 chargers, meter values every minute, 10 minutes
#   load-generator/run.sh --scenario=throughput    10,000 chargers, meter values every 3 s (transaction throughput)
#   load-generator/run.sh --scenario=fleet --chargers=5000 --duration=3m   any preset, adjusted
# It builds the gateway and the load generator, starts Kafka and PostgreSQL on free ports (throw-away
# data) and the packaged gateway, runs the scenario, prints the report (also in
# load-generator/target/load-report.md) and stops everything. SKIP_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building the gateway and the load generator (./mvnw package, tests skipped) ..."
  ./mvnw -q -B package -DskipTests -pl ocpp-gateway,load-generator -am
fi
# the chargers' sockets: one file descriptor each
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec java -Xmx2g -XX:+UseParallelGC -cp "load-generator/target/classes:load-generator/target/lib/*" \
  org.evsettle.loadgen.LoadGenerator --root="$root" "$@"
