#!/usr/bin/env bash
# One load run on this machine, everything on loopback and torn down at the end:
#   a private MariaDB (port 13307, durable: innodb_flush_log_at_trx_commit=1), a private Redis (16380),
#   a stub WeCom API (18090), NODES bot nodes (java -jar, ports 18081…), nginx in front (18080),
#   then the load driver (cn.dudao.bot.load.LoadDriver) at rising rates, and its verdict.
#
# Usage: NODES=1|2 RATES=250,500,1000 SECONDS=20 [INSPECTORS=3×max rate] \
#        [FAULT=none|kill-node|redis-restart|mariadb-restart|mariadb-kill FAULT_AT=15] [DRAIN_TIMEOUT=600] \
#        [WARMUP=rate:seconds] [PROFILE=seconds [ASYNC_PROFILER=/path/libasyncProfiler.so]] [HOLD_APPLY=1] \
#        deploy/bench/load.sh
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
jar="${JAR:-$root/bot/target/bot-0.1.0-SNAPSHOT-exec.jar}"   # JAR=… measures another build with this driver
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
# With HOLD_APPLY the workers wait on the script's lock for the whole load: InnoDB's 50 s default would
# turn longer steps into failed steps, so the private instance waits as long as the hold lasts.
if [ -n "${HOLD_APPLY:-}" ]; then
  hold=$(( $(tr ',' '\n' <<< "$RATES" | wc -l) * SECONDS_PER_STEP + 3 ))
  mariadb_cmd="$mariadb_cmd --innodb-lock-wait-timeout=$((hold + 60))"
fi
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
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$db_port/dudao${DB_PARAMS:+?$DB_PARAMS}" SPRING_DATASOURCE_USERNAME=root \
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
  echo "http { client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;"
  # The nodes' own answer time per callback, as nginx saw it: the driver's figures also hold its own
  # scheduling on this shared machine.
  echo "  log_format timing '\$msec \$upstream_response_time \$status';"
  echo "  access_log $work/nginx/logs/callback.log timing buffer=256k flush=1s;"
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
cpu_s() { [ -r "/proc/$1/stat" ] && awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" || echo 0; }
components() {
  for i in $(seq 1 "$NODES"); do echo "node$i $(cat "$work/node$i.pid")"; done
  echo "mariadb $(cat "$work/mariadb.pid" 2>/dev/null)"
  echo "redis $(cat "$work/redis.pid" 2>/dev/null)"
  echo "nginx $(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -1)"
}
declare -A cpu_at_start
cpu_report() {
  local line="CPU seconds $1:" name pid
  while read -r name pid; do
    line="$line $name=$(cpu_s "$pid")"
    [ "$1" = "${2:-}" ] && cpu_at_start[$name]="$(cpu_s "$pid")"
  done < <(components)
  echo "$line"
}
# CPU milliseconds per acknowledged message of the measured run, per component (the warm-up excluded).
cpu_per_message() {
  local acked="$1" line="CPU ms per acknowledged message (steady state, $1 messages):" name pid
  [ "$acked" -gt 0 ] || return 0
  while read -r name pid; do
    line="$line $name=$(awk -v a="$(cpu_s "$pid")" -v b="${cpu_at_start[$name]:-0}" -v n="$acked" 'BEGIN {printf "%.2f", (a - b) * 1000 / n}')"
  done < <(components)
  echo "$line"
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
driver() { java -cp "$cp" cn.dudao.bot.load.LoadDriver --target="http://127.0.0.1:$lb_port" \
  --jdbc="jdbc:mariadb://127.0.0.1:$db_port/dudao" --drain-timeout="$DRAIN_TIMEOUT" "$@"; }
# WARMUP=rate:seconds runs the same walk first with other inspectors (prefix warm) and waits for it to
# drain, so the JIT's compilations are not in the measured CPU per message.
if [ -n "${WARMUP:-}" ]; then
  driver --inspectors=$((${WARMUP%%:*} * 3)) --rates="${WARMUP%%:*}" --seconds="${WARMUP##*:}" --label=warm-up \
    --prefix=warm > "$work/warmup.log" 2>&1 || { echo "warm-up failed:"; tail -20 "$work/warmup.log"; exit 1; }
  echo "warm-up: $(grep -E 'verdict' "$work/warmup.log" | sed 's/.*-> //')"
fi
# Node 1's CPU by thread group (request threads, conversation workers, outbox, GC, JIT, ...), from
# /proc/<pid>/task/*/stat, thread by thread: where the node's CPU goes, without a profiler's own cost.
# Threads that ended during the run (idle request threads retire) are the rest: "exited".
thread_cpu() {
  local pid; pid="$(cat "$work/node1.pid")"
  for t in /proc/"$pid"/task/*; do
    printf '%s %s %s\n' "${t##*/}" "$(tr -d ' ' < "$t/comm" | sed -E 's/[0-9]+/N/g')" "$(awk '{print $14 + $15}' "$t/stat")"
  done 2>/dev/null | sort
}
thread_groups() {  # per-message ms by group from two thread_cpu snapshots; $3 = messages, $4 = node total ms
  join -a 2 -e 0 -o 0,2.2,1.3,2.3 "$1" "$2" | awk -v n="$3" -v total="$4" -v hz="$(getconf CLK_TCK)" '
    {d[$2] += ($4 - $3) * 1000 / hz; sum += ($4 - $3) * 1000 / hz}
    END {for (k in d) if (d[k] / n >= 0.01) printf "%s=%.2f ", k, d[k] / n; printf "exited=%.2f", (total - sum) / n}'
}
# The database's statements per message: what a batching change has to cut.
db_status() {
  mariadb --no-defaults -uroot -h127.0.0.1 -P"$db_port" -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN
    ('Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback','Handler_commit',
     'Innodb_log_writes','Innodb_os_log_fsyncs')" 2>/dev/null
}
cpu_report start start
measured_from="$(date +%s.%N)"
# PROFILE=seconds profiles node 1 from the start of the measured run, kept after the run in $BENCH_DIR:
# with ASYNC_PROFILER=<path to libasyncProfiler.so> (async-profiler, CPU time by itimer, no safepoint
# bias) into node1.collapsed, else JFR (settings=profile) into node1.jfr. Its CPU is then in the figures.
if [ -n "${PROFILE:-}" ]; then
  if [ -n "${ASYNC_PROFILER:-}" ]; then
    jcmd "$(cat "$work/node1.pid")" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=itimer,interval=1ms,threads\"" > /dev/null
    ( sleep "$PROFILE" && jcmd "$(cat "$work/node1.pid")" JVMTI.agent_load "$ASYNC_PROFILER" \
        "\"stop,collapsed,file=$work/node1.collapsed\"" > /dev/null ) &
  else
    jcmd "$(cat "$work/node1.pid")" JFR.start name=bench settings=profile duration="${PROFILE}s" \
      filename="$work/node1.jfr" > /dev/null
  fi
fi
db_status > "$work/db-start.txt" || true
thread_cpu > "$work/threads-start.txt"
# HOLD_APPLY=1 measures the acknowledgement path alone: a session of the script's own locks every
# conversation row (and the gaps, so new ones wait too) for the load steps, so the nodes record and
# acknowledge every callback while their workers wait on the lock, using no CPU; then it lets go and the
# backlog is applied and answered as usual (the drain time below is how long that took).
if [ -n "${HOLD_APPLY:-}" ]; then
  mariadb --no-defaults -uroot -h127.0.0.1 -P"$db_port" dudao \
    -e "BEGIN; SELECT COUNT(*) FROM conversations FOR UPDATE; SELECT SLEEP($hold); ROLLBACK;" > "$work/hold.log" 2>&1 &
  pids+=($!)
  until mariadb --no-defaults -uroot -h127.0.0.1 -P"$db_port" -N -e \
    "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_rows_locked > 0" 2>/dev/null | grep -q '^[1-9]'; do
    sleep 0.2
  done
  echo "applying held for ${hold} s (acknowledgement path alone)"
fi
args=(--inspectors="$INSPECTORS" --rates="$RATES" --seconds="$SECONDS_PER_STEP" --label="$LABEL" --prefix="load")
[ -n "$fault_cmd" ] && args+=(--fault-at="$FAULT_AT" --fault-cmd="$fault_cmd")
set +e
driver "${args[@]}" | tee "$work/driver.log"
status=${PIPESTATUS[0]}
set -e
cpu_report after
acked_total="$(grep -oE 'verdict: acknowledged=[0-9]+' "$work/driver.log" | grep -oE '[0-9]+$' || echo 0)"
if [ "$acked_total" -gt 0 ] && db_status > "$work/db-end.txt"; then
  echo "database per acknowledged message: $(join <(sort "$work/db-start.txt") <(sort "$work/db-end.txt") \
    | awk -v n="$acked_total" '{printf "%s=%.2f ", $1, ($3 - $2) / n}')"
fi
if [ "$acked_total" -gt 0 ]; then
  thread_cpu > "$work/threads-end.txt"
  node_ms="$(awk -v a="$(cpu_s "$(cat "$work/node1.pid")")" -v b="${cpu_at_start[node1]}" 'BEGIN {print (a - b) * 1000}')"
  echo "node1 CPU ms per message by thread group: $(thread_groups "$work/threads-start.txt" "$work/threads-end.txt" \
    "$acked_total" "$node_ms")"
fi
cpu_per_message "$(grep -oE 'verdict: acknowledged=[0-9]+' "$work/driver.log" | grep -oE '[0-9]+$' || echo 0)"
# upstream_response_time per callback of the measured run (nginx's clock), several values when retried
awk -v from="$measured_from" '$1 >= from && $2 != "-" {split($2, t, ", "); print t[length(t)] * 1000}' \
  "$work/nginx/logs/callback.log" 2>/dev/null | sort -n | awk '{v[NR] = $1} END {if (NR > 0)
  printf "node answer time seen by nginx (%d callbacks): p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", NR,
  v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR]}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); stub: $(curl -s "http://127.0.0.1:$stub_port/stats")"
exit $status
