#!/usr/bin/env bash
# Runs dev.scopekeeper.bench.ApiBenchmark (see its Javadoc) on loopback and prints Markdown for
# docs/benchmarks.md. Knobs: -Dbench.threads=4 -Dbench.seconds=10 -Dbench.rounds=3 -Dbench.pats=1000000
#   usage: bench/run-benchmarks.sh [extra -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx2g "$@" -cp "target/test-classes:target/classes:$cp" dev.scopekeeper.bench.ApiBenchmark
