#!/usr/bin/env bash
# Issue 13: Scopekeeper on a 3-node MariaDB Galera cluster, all on loopback, from Debian's packages.
#
#   bench/galera.sh            # installs mariadb-server galera-4 rsync if missing (apt-get, needs root)
#
# Builds the cluster (distinct ports and data directories under $GALERA_ROOT; the servers run as the non-root
# user $GALERA_USER, since Debian's rsync state transfer fails as root with "Permission denied (13)"), starts two
# application nodes at the same moment on the empty cluster, node A on member 1 and node B on member 2 (each with
# a jdbc:mariadb:sequential:// URL over all three members), and repeats issue 13's checks:
#   1. both nodes start (concurrent first migration on an empty cluster);
#   2. 20 concurrent additions of one scope, through both nodes: all 200, one row;
#   3. 6 concurrent regenerations of one token, through both nodes: 200 or 409, never 500;
#   4. member 1 (node A's first host) is killed: node A fails over to the others.
# Prints one line per check and writes them to $GALERA_ROOT/results.txt. Cross-node cache invalidation is
# i13-cluster's part (docs/cluster.md) and not checked here.
set -euo pipefail

ROOT=${GALERA_ROOT:-/tmp/sk-galera}
RUN_USER=${GALERA_USER:-skgalera}
JAR=${SCOPEKEEPER_JAR:-$(ls target/scopekeeper-*.jar 2>/dev/null | grep -v -- -slim | head -1 || true)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB_PASSWORD=galera-test-password
SIGNING_KEY=galera-bench-signing-key-0123456789abcdef
APP_A=18081
APP_B=18082
RESULTS=$ROOT/results.txt

log() { echo "[galera] $*" >&2; }
result() { echo "$*" | tee -a "$RESULTS"; }

if ! command -v mariadbd >/dev/null || [ ! -e /usr/lib/galera/libgalera_smm.so ] || ! command -v rsync >/dev/null; then
    log "installing mariadb-server galera-4 rsync"
    DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server galera-4 rsync >/dev/null
    # the packaged server would take port 3306 and the default data directory: not used here
    systemctl disable --now mariadb >/dev/null 2>&1 || service mariadb stop >/dev/null 2>&1 || true
fi
id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
if [ -z "$JAR" ]; then
    log "building the application jar"
    ./mvnw -q -B -DskipTests package
    JAR=$(ls target/scopekeeper-*.jar | grep -v -- -slim | head -1)
fi

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

rm -rf "$ROOT"
mkdir -p "$ROOT"
: >"$RESULTS"
CLUSTER=gcomm://127.0.0.1:14567,127.0.0.1:14577,127.0.0.1:14587

sql_port() { echo $((13305 + $1)); }
member() {
    local n=$1 dir=$ROOT/g$1 port
    port=$(sql_port "$n")
    mkdir -p "$dir/data" "$dir/run"
    cat >"$dir/my.cnf" <<CNF
[mariadbd]
user=$RUN_USER
datadir=$dir/data
socket=$dir/run/mysqld.sock
pid-file=$dir/run/mysqld.pid
port=$port
bind-address=127.0.0.1
log-error=$dir/error.log
binlog_format=ROW
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=scopekeeper-bench
wsrep_cluster_address=$CLUSTER
wsrep_node_name=g$n
wsrep_node_address=127.0.0.1:$((14557 + 10 * n))
wsrep_provider_options="base_port=$((14557 + 10 * n));ist.recv_addr=127.0.0.1:$((14558 + 10 * n))"
wsrep_sst_receive_address=127.0.0.1:$((14559 + 10 * n))
wsrep_sst_method=rsync
CNF
    chown -R "$RUN_USER" "$dir"
}
client() { mariadb --socket="$ROOT/g$1/run/mysqld.sock" -uroot "${@:2}"; }
wait_member() {
    for _ in $(seq 1 120); do
        if client "$1" -N -e "SHOW STATUS LIKE 'wsrep_ready'" 2>/dev/null | grep -q ON; then return 0; fi
        sleep 1
    done
    log "member $1 did not become ready"; tail -20 "$ROOT/g$1/error.log" >&2; return 1
}
start_member() {
    mariadbd --defaults-file="$ROOT/g$1/my.cnf" "${@:2}" >/dev/null 2>&1 &
    PIDS+=($!)
    eval "MEMBER_PID_$1=$!"
}

for n in 1 2 3; do member "$n"; done
mariadb-install-db --defaults-file="$ROOT/g1/my.cnf" --user="$RUN_USER" --auth-root-authentication-method=socket >/dev/null
start_member 1 --wsrep-new-cluster
wait_member 1
client 1 -e "CREATE DATABASE scopekeeper CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'scopekeeper'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON scopekeeper.* TO 'scopekeeper'@'127.0.0.1';"
start_member 2; wait_member 2
start_member 3; wait_member 3
size=$(client 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')
result "cluster: $size members ready ($(mariadbd --version | awk '{print $3}'), galera $(client 1 -N -e "SHOW STATUS LIKE 'wsrep_provider_version'" | awk '{print $2}'))"

[ -n "${GALERA_CLUSTER_ONLY:-}" ] && exit 0 # GALERA_CLUSTER_ONLY=1: only build the cluster (and stop it again)

url() { # the members in the given order
    local hosts=""
    for n in "$@"; do hosts="$hosts${hosts:+,}127.0.0.1:$(sql_port "$n")"; done
    echo "jdbc:mariadb:sequential://$hosts/scopekeeper"
}
start_app() { # name port url [extra args]
    local name=$1 port=$2 jdbc=$3
    mkdir -p "$ROOT/$name"
    SERVER_PORT=$port SPRING_DATASOURCE_URL=$jdbc SPRING_DATASOURCE_USERNAME=scopekeeper \
        SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD SCOPEKEEPER_DATA_DIR=$ROOT/$name \
        SCOPEKEEPER_API_SIGNING_KEY=$SIGNING_KEY "${@:4}" \
        "$JAVA" -jar "$JAR" >"$ROOT/$name/app.log" 2>&1 &
    PIDS+=($!)
    eval "APP_PID_$name=$!"
}
wait_ready() { # port pid
    for _ in $(seq 1 900); do
        if curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}

# 1. both nodes at once on the empty cluster (node A also creates the first administrator)
started=$(date +%s)
start_app a $APP_A "$(url 1 2 3)" env SCOPEKEEPER_ADMIN_USERNAME=admin SCOPEKEEPER_ADMIN_PASSWORD=Galera-Bench-Pass-42 \
    SCOPEKEEPER_ADMIN_EMAIL=admin@example.org
start_app b $APP_B "$(url 2 3 1)"
a_ok=no; b_ok=no
wait_ready $APP_A "$APP_PID_a" && a_ok=yes
wait_ready $APP_B "$APP_PID_b" && b_ok=yes
result "concurrent first start: node A ready=$a_ok, node B ready=$b_ok ($(($(date +%s) - started)) s)"
[ "$a_ok$b_ok" = yesyes ] || { tail -40 "$ROOT"/a/app.log "$ROOT"/b/app.log >&2; exit 1; }
result "tables without primary key: $(client 1 -N -e "SELECT COUNT(*) FROM information_schema.tables t WHERE t.table_schema='scopekeeper' AND t.table_type='BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema=t.table_schema AND c.table_name=t.table_name AND c.constraint_type='PRIMARY KEY')")"

api() { # port method path token [json]
    curl -s -o /dev/null -w '%{http_code}\n' -X "$2" "http://127.0.0.1:$1$3" -H "Authorization: Bearer $4" \
        -H 'Content-Type: application/json' ${5:+--data "$5"}
}
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
token=$(curl -s -X POST "http://127.0.0.1:$APP_A/api/v1/users/tokens/issue" -H 'Content-Type: application/json' \
    --data '{"username":"admin","password":"Galera-Bench-Pass-42"}' | json access_token)
domain=$(curl -s -X POST "http://127.0.0.1:$APP_A/api/v1/domains" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data '{"name":"Galera","route":"galera"}' | json id)
pat=$(curl -s -X POST "http://127.0.0.1:$APP_A/api/v1/pats" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data '{"name":"galera","description":"","duration":"7d"}' | json id)

# 2. 20 concurrent additions of one scope, half through each node
scope="{\"scopes\":[{\"domain_id\":$domain,\"entity_type\":\"clients\",\"operation\":\"*\",\"entity_id\":\"*\"}]}"
for i in $(seq 1 20); do
    port=$([ $((i % 2)) = 0 ] && echo $APP_A || echo $APP_B)
    api "$port" PATCH "/api/v1/pats/$pat/scope/add" "$token" "$scope" >"$ROOT/add-$i" &
done
wait_jobs() { for job in $(jobs -p); do case " ${PIDS[*]} " in *" $job "*) ;; *) wait "$job" || true ;; esac; done; }
wait_jobs
rows=$(client 1 -N -e "SELECT COUNT(*) FROM scopekeeper.pat_scope WHERE pat_id=$pat")
result "20 concurrent scope additions over both nodes: $(cat "$ROOT"/add-* | sort | uniq -c | tr '\n' ' ')-> rows: $rows"

# 3. 6 concurrent regenerations through both nodes
for i in $(seq 1 6); do
    port=$([ $((i % 2)) = 0 ] && echo $APP_A || echo $APP_B)
    api "$port" PATCH "/api/v1/pats/$pat/secret/reset" "$token" '{"duration":"7d"}' >"$ROOT/reset-$i" &
done
wait_jobs
result "6 concurrent regenerations over both nodes: $(cat "$ROOT"/reset-* | sort | uniq -c | tr '\n' ' ')"
result "transaction retries logged: A $(grep -c 'Transaction conflict' "$ROOT/a/app.log" || true), B $(grep -c 'Transaction conflict' "$ROOT/b/app.log" || true)"

# 4. kill member 1, node A's first host
kill -9 "$MEMBER_PID_1"
killed=$(date +%s%N)
status=000
for _ in $(seq 1 120); do
    status=$(api $APP_A GET /api/v1/pats "$token")
    [ "$status" = 200 ] && break
    sleep 0.5
done
result "member 1 killed: node A answers $status after $((($(date +%s%N) - killed) / 1000000)) ms (failed over to member 2/3)"
result "node A create after failover: $(api $APP_A POST /api/v1/pats "$token" '{"name":"after-failover","description":"","duration":"7d"}')"
