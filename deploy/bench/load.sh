#!/usr/bin/env bash
# One load run on this machine, everything on loopback and torn down at the end:
#   a private MariaDB (port 13307, durable: innodb_flush_log_at_trx_commit=1), a private Redis (16380),
#   a stub WeCom API (18090), NODES bot nodes (java -jar, ports 18081…), nginx in front (18080),
#   then the load driver (cn.dudao.bot.load.LoadDriver) at rising rates, and its verdict.
#
# Usage: NODES=1|2 RATES=250,500,1000 SECONDS=20 [INSPECTORS=3×max rate] \
#        [FAULT=none|kill-node|redis-restart|mariadb-restart|mariadb-kill FAULT_AT=15] [DRAIN_TIMEOUT=600] deploy/bench/load.sh
# Prints one table row per rate (ack throughput and latency), the database verdict (acknowledged, lost,
# duplicated, applied as the script expects), how long the outbox took to empty, and CPU per component.
# Needs: mariadbd + mariadb-install-db, redis-server, nginx (apt-get install -y nginx), a built
# bot/target/bot-0.1.0-SNAPSHOT-exec.jar (mvn -o -B -q package -DskipTests -pl bot -am).
set -euo pipefail

NODES="${NODES:-1}"
RATES="${RATES:-250,500,1000}"
SECONDS_PER_STEP="${SECONDS:-20}"
# Each inspector answers about every 3 s at the highest rate, as people do (and within WeCom's 30
# messages per member per minute), and the short runs still walk through whole village checks.
max_rate="$(tr ',' '\n' <<< "$RATES" | sort -n | tail -1)"
INSPECTORS="${INSPECTORS:-$((max_rate * 3))}"
FAULT="${FAULT:-none}"
FAULT_AT="${FAULT_AT:-15}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-600}"   # how long the driver waits for the inbox, then the outbox, to empty
NODE_HEAP="${NODE_HEAP:-1g}"
NODE_OPTS="${NODE_OPTS:-}"   # extra JVM options and -D properties for the nodes
LABEL="${LABEL:-${NODES}-node}"

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/dudao-bench}"
jar="$root/bot/target/bot-0.1.0-SNAPSHOT-exec.jar"
db_port=13307
redis_port=16380
stub_port=18090
lb_port=18080
[ -f "$jar" ] || { echo "build the bot first: mvn -o -B -q package -DskipTests -pl bot -am" >&2; exit 2; }
cp="$("$root/deploy/bench/classpath.sh")"

rm -rf "$work" && mkdir -p "$work/mariadb" "$work/nginx/logs"
pids=()
cleanup() {
  set +e
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")"
  for i in $(seq 1 "$NODES"); do [ -f "$work/node$i.pid" ] && kill -9 "$(cat "$work/node$i.pid")" 2>/dev/null; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1
  mariadb-admin --no-defaults -uroot -h127.0.0.1 -P"$db_port" shutdown >/dev/null 2>&1
  wait 2>/dev/null
}
trap cleanup EXIT

mariadb_cmd="mariadbd --no-defaults --user=root --datadir=$work/mariadb --port=$db_port --bind-address=127.0.0.1 \
  --socket=$work/mariadb.sock --pid-file=$work/mariadb.pid --skip-log-bin \
  --innodb-buffer-pool-size=1G --innodb-log-file-size=256M --innodb-flush-log-at-trx-commit=1 \
  --max-connections=400 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci"
redis_cmd="redis-server --port $redis_port --bind 127.0.0.1 --save \"\" --appendonly no --daemonize yes \
  --pidfile $work/redis.pid --logfile $work/redis.log"
start_mariadb() {
  $mariadb_cmd >> "$work/mariadb.log" 2>&1 &
  until mariadb-admin --no-defaults -uroot -h127.0.0.1 -P"$db_port" ping >/dev/null 2>&1; do sleep 0.2; done
}
start_redis() {
  eval "$redis_cmd"
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.2; done
}
start_node() {
  local i=$1
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$db_port/dudao" SPRING_DATASOURCE_USERNAME=root \
  SPRING_DATASOURCE_PASSWORD="" DUDAO_REDIS_URL="redis://127.0.0.1:$redis_port" \
  DUDAO_WECOM_CORP_ID=ww1234567890abcdef DUDAO_WECOM_AGENT_ID=1000002 DUDAO_WECOM_SECRET=test-secret-not-real \
  DUDAO_WECOM_TOKEN=dudaoTestToken DUDAO_WECOM_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG \
  DUDAO_WECOM_API_BASE_URL="http://127.0.0.1:$stub_port" PORT=$((18080 + i)) \
    java -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" -XX:+UseG1GC ${NODE_OPTS:-} -jar "$jar" > "$work/node$i.log" 2>&1 &
  echo $! > "$work/node$i.pid"
  # 400 = the callback answered (no signature given): the node is up.
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$((18080 + i))/wecom/callback")" = 400 ]; do
    kill -0 "$(cat "$work/node$i.pid")" || { tail -50 "$work/node$i.log"; exit 1; }
    sleep 0.5
  done
}

mariadb-install-db --no-defaults --user=root --datadir="$work/mariadb" --auth-root-authentication-method=normal \
  --skip-test-db > "$work/mariadb-install.log" 2>&1
start_mariadb
mariadb --no-defaults -uroot -h127.0.0.1 -P"$db_port" \
  -e "CREATE DATABASE dudao CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
start_redis
java -cp "$cp" cn.dudao.bot.load.StubWeComApi "$stub_port" > "$work/stub.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$NODES"); do start_node "$i"; done

{
  echo "worker_processes 1; pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log warn;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off; client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;"
  echo "  upstream bot { least_conn; keepalive 64;"
  for i in $(seq 1 "$NODES"); do echo "    server 127.0.0.1:$((18080 + i)) max_fails=1 fail_timeout=5s;"; done
  echo "  }"
  echo "  server { listen 127.0.0.1:$lb_port; client_max_body_size 64k;"
  echo "    location /wecom/callback { proxy_pass http://bot; proxy_http_version 1.1; proxy_set_header Connection \"\";"
  echo "      proxy_next_upstream error timeout http_502 http_503; proxy_connect_timeout 1s; proxy_read_timeout 5s; } } }"
} > "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"

# The faults run by hand (never in CI): each a script the driver runs FAULT_AT seconds into the load.
echo "kill -9 \$(cat $work/node1.pid)" > "$work/kill-node.sh"
printf '%s\n' "redis-cli -p $redis_port shutdown nosave" "sleep 3" "$redis_cmd" > "$work/redis-restart.sh"
printf '%s\n' "mariadb-admin --no-defaults -uroot -h127.0.0.1 -P$db_port shutdown" "sleep 2" \
  "nohup $mariadb_cmd >> $work/mariadb.log 2>&1 &" > "$work/mariadb-restart.sh"
# kill -9 of the database (crash recovery: what was committed must still be there), restarted 2 s later.
printf '%s\n' "kill -9 \$(cat $work/mariadb.pid)" "sleep 2" \
  "nohup $mariadb_cmd >> $work/mariadb.log 2>&1 &" > "$work/mariadb-kill.sh"
fault_cmd=""
case "$FAULT" in
  none) ;;
  kill-node|redis-restart|mariadb-restart|mariadb-kill) fault_cmd="bash $work/$FAULT.sh" ;;
  *) echo "unknown FAULT $FAULT" >&2; exit 2 ;;
esac

# CPU seconds a process used (utime + stime), to put each component's cost per message beside the
# latencies: on a shared machine the latencies show the contention, the CPU cost does not.
cpu_s() { [ -r "/proc/$1/stat" ] && awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat" || echo 0; }
cpu_report() {
  local line="CPU seconds $1:"
  for i in $(seq 1 "$NODES"); do line="$line node$i=$(cpu_s "$(cat "$work/node$i.pid")")"; done
  line="$line mariadb=$(cpu_s "$(cat "$work/mariadb.pid" 2>/dev/null)") redis=$(cpu_s "$(cat "$work/redis.pid" 2>/dev/null)")"
  line="$line nginx=$(cpu_s "$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -1)")"
  echo "$line"
}
cpu_report before
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
args=(--target="http://127.0.0.1:$lb_port" --jdbc="jdbc:mariadb://127.0.0.1:$db_port/dudao" --inspectors="$INSPECTORS"
  --rates="$RATES" --seconds="$SECONDS_PER_STEP" --label="$LABEL" --prefix="load" --drain-timeout="$DRAIN_TIMEOUT")
[ -n "$fault_cmd" ] && args+=(--fault-at="$FAULT_AT" --fault-cmd="$fault_cmd")
set +e
java -cp "$cp" cn.dudao.bot.load.LoadDriver "${args[@]}"
status=$?
set -e
cpu_report after
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); stub: $(curl -s "http://127.0.0.1:$stub_port/stats")"
exit $status
