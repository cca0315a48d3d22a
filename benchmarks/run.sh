#!/usr/bin/env bash
# Builds the benchmarks module (and what it needs, without installing anything) and prints the
# benchmark tables. Usage: bash benchmarks/run.sh [--quick] [--only throughput,paging,startup,health,cli]
# --quick is a smoke test (well under a minute); it fails only if the harness itself breaks.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl benchmarks,sample-app -am package -DskipTests
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -Dbenchmarks.target=benchmarks/target \
	-cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
	dev.bentocloud.benchmarks.BenchmarkMain "$@"
