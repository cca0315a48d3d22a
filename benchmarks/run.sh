#!/usr/bin/env bash
# Builds the benchmarks module (and what it needs, without installing anything) and prints the
# benchmark tables and goals. Usage:
#   bash benchmarks/run.sh [--quick] [--only throughput,paging,startup,health,cli,service,soak]
# --quick is a smoke test; it fails only if the harness itself breaks. The connectors profile adds
# Apache HttpClient 5 and Jetty to the harness (classpath-connectors.txt), not to the startup apps.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -Pconnectors -pl benchmarks,sample-app -am package -DskipTests
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ -s benchmarks/target/classpath-connectors.txt ]; then
	classpath="$classpath:$(cat benchmarks/target/classpath-connectors.txt)"
fi
exec "$java" ${BENCHMARKS_JAVA_OPTS:-} -Dbenchmarks.target=benchmarks/target -cp "$classpath" \
	dev.bentocloud.benchmarks.BenchmarkMain "$@"
