#!/usr/bin/env bash
# Cold start of the packaged app against a bare Spring Boot web app (bench/bare-web), both built and
# measured in the same run on the same machine: time from process start until the first page answers
# 200 (Scopekeeper: /login on the embedded MariaDB; bare: /). Modes, run interleaved N times each:
#   bare        java -jar bare-web.jar
#   bare-aot    the same, extracted, with a Java 25 AOT cache (-XX:AOTCache) from a training run
#   app         java -jar target/scopekeeper-*.jar on an existing data directory
#   app-aot     the same, extracted, with an AOT cache (what the Dockerfile does)
#   app-fresh   java -jar on an empty data directory (MariaDB installs its system tables)
# Prints one CSV row per run with the steps read from the app's log timestamps, then medians and the
# ratio against "bare" as Markdown for docs/benchmarks.md.
#   usage: [SKIP_BUILD=1] bench/cold-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests package >/dev/null
  ./mvnw -q -B -f bench/bare-web/pom.xml -DskipTests package >/dev/null
fi
app_jar=$(ls target/scopekeeper-*.jar | grep -v -- '-slim' | head -n1)
bare_jar=bench/bare-web/target/bare-web-1.jar
port=18080
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

java -Djarmode=tools -jar "$app_jar" extract --destination "$work/app" >/dev/null
java -Djarmode=tools -jar "$bare_jar" extract --destination "$work/bare" >/dev/null
app_x=$(ls "$work"/app/scopekeeper-*.jar)
bare_x=$(ls "$work"/bare/bare-web-*.jar)

# Training runs: start the context and stop at once; the JVM writes what it loaded and linked.
# The app's training run also makes the "existing" data directory.
java -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$app_x" --server.port=0 \
     --scopekeeper.embedded-db.data-dir="$work/existing" --logging.level.root=warn >"$work/train-app.log" 2>&1
# spring.context.exit=onRefresh ends the JVM without closing the context, so the embedded MariaDB of the
# training run is left running: stop it by the pid it wrote into its data directory.
for f in "$work"/existing/mariadb/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
for _ in $(seq 240); do ls "$work"/existing/mariadb/*.pid >/dev/null 2>&1 || break; sleep 0.5; done
java -XX:AOTCacheOutput="$work/bare.aot" -Dspring.context.exit=onRefresh -jar "$bare_x" --server.port=0 \
     --logging.level.root=warn >"$work/train-bare.log" 2>&1

measure() { # $1 = mode; prints ms,steps
  local mode=$1 path=/login start end data="$work/existing" log="$work/$1.log"
  local cmd=(java -jar "$app_jar")
  case $mode in
    bare) cmd=(java -jar "$bare_jar"); path=/ ;;
    bare-aot) cmd=(java -XX:AOTCache="$work/bare.aot" -jar "$bare_x"); path=/ ;;
    app-aot) cmd=(java -XX:AOTCache="$work/app.aot" -jar "$app_x") ;;
    app-fresh) data="$work/fresh-$RANDOM$RANDOM" ;;
  esac
  start=$(date +%s%N)
  "${cmd[@]}" --server.port=$port --scopekeeper.embedded-db.data-dir="$data" >"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "$mode died, see its log:" >&2; cat "$log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true; pid=""
  echo "$(( (end - start) / 1000000 )),$(steps "$log" "$start")"
}

# Steps from the log (ms): JVM and Spring Boot launch until the first line, the embedded MariaDB (its own
# measurement; it overlaps Spring's start), Liquibase (pool ready until Hibernate begins), Hibernate,
# and the rest of the context (security, Vaadin, Tomcat) until "Started".
steps() {
  python3 - "$1" "$2" <<'PY'
import re, sys, datetime
log, start_ns = sys.argv[1], int(sys.argv[2])
def at(pattern):
    with open(log, errors="replace") as f:
        for line in f:
            if re.search(pattern, line):
                m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z)", line)
                if m:
                    return datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp() * 1000
    return None
def ms(a, b):
    return "" if a is None or b is None else str(int(b - a))
first = at(r" INFO ")
maria = ""
with open(log, errors="replace") as f:
    m = re.search(r"Embedded MariaDB ready .*\((\d+) ms\)", f.read())
    maria = m.group(1) if m else ""
pool, jpa, jpa_done, started = at(r"HikariDataSource.*Start completed"), at(r"HHH008540"), at(r"Initialized JPA EntityManagerFactory"), at(r"Started \w+ in")
print(",".join([ms(start_ns / 1e6, first), maria, ms(pool, jpa), ms(jpa, jpa_done), ms(jpa_done, started)]))
PY
}

modes=(bare bare-aot app app-aot app-fresh)
echo "run,mode,ms_to_first_page,launch_ms,mariadb_ms,liquibase_ms,hibernate_ms,rest_of_context_ms" | tee "$work/results.csv"
for i in $(seq "$runs"); do
  for mode in "${modes[@]}"; do
    row=$(measure "$mode") || exit 1
    echo "$i,$mode,$row" | tee -a "$work/results.csv"
  done
done

python3 - "$work/results.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def med(mode, col="ms_to_first_page"):
    vals = [int(r[col]) for r in rows if r["mode"] == mode and (r.get(col) or "").isdigit()]
    return statistics.median(vals) if vals else None
bare = med("bare")
print("\n| mode | median ms to first page | vs bare | launch | MariaDB | Liquibase | Hibernate | rest of context |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for mode in ["bare", "bare-aot", "app", "app-aot", "app-fresh"]:
    total = med(mode)
    cells = [med(mode, c) for c in ["launch_ms", "mariadb_ms", "liquibase_ms", "hibernate_ms", "rest_of_context_ms"]]
    fmt = lambda v: "" if v is None else f"{v:,.0f}"
    ratio = "" if total is None or not bare else f"{total / bare:.1f}"
    print(f"| {mode} | {fmt(total)} | {ratio} | " + " | ".join(fmt(c) for c in cells) + " |")
PY
