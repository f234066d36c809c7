#!/usr/bin/env bash
# Cold start of the packaged app on the embedded MariaDB: time from process start until /login
# answers 200. Runs N times (default 3) on a fresh data directory (first run installs MariaDB's
# system tables) and N times on the same, existing data directory. Measures the production jar
# (./mvnw -Pproduction package), which is what deployments run; JAR=path skips the build.
#   usage: [JAR=target/scopekeeper-x.jar] bench/cold-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -Pproduction -DskipTests package >/dev/null
fi
jar="${JAR:-$(ls target/scopekeeper-*.jar | head -n1)}"
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # $1 = data dir
  local start end pid
  start=$(date +%s%N)
  java -jar "$jar" --server.port=$port --scopekeeper.embedded-db.data-dir="$1" \
       --logging.level.root=warn >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "app died, see $work/app.log" >&2; cat "$work/app.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "run,data_dir,ms"
for i in $(seq "$runs"); do echo "$i,fresh,$(measure "$work/fresh-$i")"; done
for i in $(seq "$runs"); do echo "$i,existing,$(measure "$work/fresh-1")"; done
