#!/usr/bin/env bash
# The project's benchmark: bench/run.sh (from anywhere). See bench/README.md.
# Builds the bridge and the baseline forwarder, starts nginx as a local Collector stand-in, drives each with wrk
# and writes bench/results/latest.md (also printed) and bench/results/latest.json.
#
# Environment (all optional):
#   BENCH_WARMUP_SECONDS (5) BENCH_DURATION_SECONDS (15)  warm-up and measured run of each scenario
#   BENCH_SERVER_WARMUP_SECONDS (10)                      after each start, JIT warm-up per kind of request
#   BENCH_CONNECTIONS (16) BENCH_BATCH (100)              wrk connections; events per /v1/batch request
#   BENCH_BRIDGE_JAVA_OPTS                                extra JVM options for the bridge, after jvm.options
#   BENCH_BASELINE_JAVA_OPTS                              extra JVM options for the baseline
#   BENCH_SKIP_BUILD=1                                    reuse the jars already built
#   BENCH_KAFKA=1                                         also measure kafka mode (a broker from the test classpath)
#   BENCH_KAFKA_CONSUMERS (2)                             delivery consumers of the kafka-mode bridge
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
RESULTS=$BENCH_DIR/results
WARMUP=${BENCH_WARMUP_SECONDS:-5}
DURATION=${BENCH_DURATION_SECONDS:-15}
SERVER_WARMUP=${BENCH_SERVER_WARMUP_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
BATCH=${BENCH_BATCH:-100}
BRIDGE_JAVA_OPTS=${BENCH_BRIDGE_JAVA_OPTS:-}
BASELINE_JAVA_OPTS=${BENCH_BASELINE_JAVA_OPTS:-}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }
higher() { awk "BEGIN { a = $1; b = $2; print (a > b ? a : b) }"; } # A B

# ---- tools (the script runs on fresh Debian machines as root) -------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
command -v java >/dev/null && command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---- clean-up, also on Ctrl-C and failure ---------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/segment-bench.XXXXXX")
PIDS=()
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if ((status != 0)) && [[ -d $WORK ]]; then
    mkdir -p "$RESULTS/logs" && cp "$WORK"/*.log "$WORK"/wrk-*.txt "$RESULTS/logs/" 2>/dev/null || true
    log "logs kept in $RESULTS/logs"
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A loopback port nobody listens on (and that this run has not handed out yet).
USED_PORTS=" "
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ $USED_PORTS == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then USED_PORTS+="$port "; echo "$port"; return 0; fi
  done
  die "no free loopback port found"
}

# ---- build ------------------------------------------------------------------------------------------------
if [[ ${BENCH_SKIP_BUILD:-} != 1 || ! -f $ROOT/target/segment-absmartly-bridge.jar ]]; then
  log "building the bridge (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -B -q package -DskipTests) >"$WORK/build-bridge.log" 2>&1 || { tail -40 "$WORK/build-bridge.log"; die "bridge build"; }
fi
if [[ ${BENCH_SKIP_BUILD:-} != 1 || ! -f $BENCH_DIR/baseline/target/bench-baseline-forwarder.jar ]]; then
  log "building the baseline forwarder"
  mvn -B -q package -f "$BENCH_DIR/baseline/pom.xml" >"$WORK/build-baseline.log" 2>&1 || { tail -40 "$WORK/build-baseline.log"; die "baseline build"; }
fi

# ---- the Collector stand-in: nginx answering 200 to everything -------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 120s;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 10m;
    client_body_buffer_size 1m;
    location = /nginx_status { stub_status; }
    location / { default_type application/json; return 200 '{"ok":true}'; }
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx.log" -g 'daemon off;' >>"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
NGINX_PID=$!
COLLECTOR=http://127.0.0.1:$NGINX_PORT/v1

# Requests nginx has handled: every PUT from the bridge or the baseline, plus each of these reads itself.
# (sets NGINX_COUNT rather than printing it: a $(...) subshell would lose the NGINX_READS count)
NGINX_READS=0
nginx_requests() {
  NGINX_READS=$((NGINX_READS + 1))
  NGINX_COUNT=$(curl -sf "http://127.0.0.1:$NGINX_PORT/nginx_status" | awk 'NR == 3 { print $3 }')
  [[ $NGINX_COUNT =~ ^[0-9]+$ ]] || die "cannot read nginx's request count"
}
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/nginx_status" && break; sleep 0.05; done
curl -sf -X PUT -d '{}' "$COLLECTOR/context" >/dev/null || die "nginx did not start (see $WORK/nginx.log)"
log "Collector stand-in: nginx on $NGINX_PORT"

# ---- one server under test at a time ---------------------------------------------------------------------
PROBE='{"type":"track","event":"Bench Probe","userId":"probe","messageId":"bench-probe"}'
declare -A M   # results: M[runner.scenario.key]

# start NAME PORT COMMAND...: launches it, waits for the first 200 on POST /segment, records start_s
start_server() {
  local name=$1 port=$2 t0 t1 code
  shift 2
  t0=$(date +%s%N)
  "$@" >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' \
      --data-binary "$PROBE" "http://127.0.0.1:$port/segment" || true)
    [[ $code == 200 ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/$name.log"; die "$name exited during start"; }
    (($(date +%s%N) - t0 < 120000000000)) || die "$name gave no 200 on POST /segment within 120 s"
    sleep 0.02
  done
  t1=$(date +%s%N)
  M[$name.start_s]=$(calc "($t1 - $t0) / 1e9")
  log "$name: first 200 on POST /segment $(calc "${M[$name.start_s]}" 2) s after launch (pid $SERVER_PID)"
}

stop_server() {
  local name=$1
  read -r M[$name.peak_rss_mb] M[$name.rss_mb] < <(awk '/^VmHWM/ { h = $2 } /^VmRSS/ { r = $2 }
    END { printf "%.1f %.1f\n", h / 1024, r / 1024 }' "/proc/$SERVER_PID/status")
  stop_pid "$SERVER_PID"
}

# Wait until nginx's count stops moving (requests still in flight when wrk stopped are delivered by then).
settle() {
  local prev
  nginx_requests
  for _ in $(seq 1 40); do
    prev=$NGINX_COUNT
    sleep 0.25
    nginx_requests
    ((NGINX_COUNT - prev == 1)) && break # nothing but this read itself since the last one
  done
  SETTLED=$NGINX_COUNT
}

# warm_server RUNNER PORT PATH:KIND...: a JVM on 2 busy cores needs 20-30 s of load before its JIT settles,
# so each kind of request it will be measured on runs for SERVER_WARMUP seconds first (results discarded).
warm_server() {
  local runner=$1 port=$2 target
  shift 2
  ((SERVER_WARMUP > 0)) || return 0
  log "$runner: JIT warm-up, ${SERVER_WARMUP} s for each of: $*"
  for target in "$@"; do
    BENCH_KIND=${target#*:} BENCH_BATCH=$BATCH BENCH_RUN_ID="$runner-jit-${target#*:}" \
      wrk -t1 "-c$CONNECTIONS" --timeout 5s -s "$BENCH_DIR/segment.lua" "-d${SERVER_WARMUP}s" \
      "http://127.0.0.1:$port${target%%:*}" >"$WORK/wrk-$runner-jit-${target#*:}.txt" 2>&1 || die "wrk warm-up $runner $target"
  done
}

# CPU seconds (user + system) the server under test has used so far
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"; }

# scenario RUNNER SCENARIO PORT PATH KIND EVENTS_PER_REQUEST [EVENTS_PER_COLLECTOR_CALL]
scenario() {
  local runner=$1 name=$2 port=$3 path=$4 kind=$5 per=$6 per_call=${7:-1} before reads_before out line k v cpu0
  local wrk_cmd=(wrk -t1 "-c$CONNECTIONS" --timeout 5s --latency -s "$BENCH_DIR/segment.lua" "http://127.0.0.1:$port$path")
  if ((WARMUP > 0)); then
    BENCH_KIND=$kind BENCH_BATCH=$BATCH BENCH_RUN_ID="$runner-$name-warmup" \
      "${wrk_cmd[@]}" "-d${WARMUP}s" >"$WORK/wrk-$runner-$name-warmup.txt" 2>&1 || die "wrk warm-up $runner $name"
  fi
  settle; before=$SETTLED; reads_before=$NGINX_READS
  out="$WORK/wrk-$runner-$name.txt"
  cpu0=$(cpu_seconds)
  BENCH_KIND=$kind BENCH_BATCH=$BATCH BENCH_RUN_ID="$runner-$name" \
    "${wrk_cmd[@]}" "-d${DURATION}s" >"$out" 2>&1 || die "wrk $runner $name"
  M[$runner.$name.cpu_s]=$(calc "$(cpu_seconds) - $cpu0" 3)
  settle
  line=$(grep '^BENCH ' "$out") || { cat "$out"; die "no BENCH line from wrk ($runner $name)"; }
  for kv in ${line#BENCH }; do M[$runner.$name.${kv%%=*}]=${kv#*=}; done
  local p=$runner.$name
  M[$p.events_per_request]=$per
  M[$p.connections]=$CONNECTIONS
  M[$p.requests_per_s]=$(calc "${M[$p.requests]} / ${M[$p.duration_s]}" 1)
  M[$p.events_per_s]=$(calc "(${M[$p.requests]} - ${M[$p.bad_answers]}) * $per / ${M[$p.duration_s]}" 1)
  M[$p.errors]=$((M[$p.socket_errors] + M[$p.bad_answers]))
  M[$p.collector_puts]=$((SETTLED - before - (NGINX_READS - reads_before)))
  M[$p.events_per_collector_call]=$per_call
  M[$p.collector_events]=$((M[$p.collector_puts] * per_call))
  M[$p.accepted_events]=$(((M[$p.requests] - M[$p.bad_answers]) * per))
  M[$p.sent_events]=$((M[$p.sent] * per))
  # CPU the server used for each event it answered (user + system time of its process, over the measured run)
  M[$p.cpu_us_per_event]=$(calc "${M[$p.cpu_s]} * 1e6 / (${M[$p.accepted_events]} > 0 ? ${M[$p.accepted_events]} : 1)" 1)
  # an accepted event the Collector never got is lost (requests cut off by wrk's stop may add a few PUTs)
  M[$p.lost]=$((M[$p.accepted_events] > M[$p.collector_events] ? M[$p.accepted_events] - M[$p.collector_events] : 0))
  log "$(printf '%-8s %-11s %9s events/s  p50 %s ms  p99 %s ms  p99.9 %s ms  %s us CPU/event  errors %s  lost %s' \
    "$runner" "$name" "${M[$p.events_per_s]}" "${M[$p.p50_ms]}" "${M[$p.p99_ms]}" "${M[$p.p999_ms]}" \
    "${M[$p.cpu_us_per_event]}" "${M[$p.errors]}" "${M[$p.lost]}")"
}

# ---- baseline: Vert.x + Jackson forwarder ---------------------------------------------------------------
start_baseline() { # NAME PORT
  # shellcheck disable=SC2086
  start_server "$1" "$2" env BASELINE_PORT="$2" ABSMARTLY_COLLECTOR_ENDPOINT="$COLLECTOR" \
    ABSMARTLY_API_KEY=bench ABSMARTLY_ENVIRONMENT=bench \
    java $BASELINE_JAVA_OPTS -jar "$BENCH_DIR/baseline/target/bench-baseline-forwarder.jar"
}
BASELINE_PORT=$(free_port)
start_baseline baseline "$BASELINE_PORT"
warm_server baseline "$BASELINE_PORT" /segment:track /v1/batch:batch
scenario baseline single "$BASELINE_PORT" /segment track 1
scenario baseline batch "$BASELINE_PORT" /v1/batch batch "$BATCH"
stop_server baseline

# ---- the bridge, started as its README says ------------------------------------------------------------
# start_bridge NAME PORT [VARIABLE=VALUE...]: the bridge jar from the repository root, with its own data folder
start_bridge() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$WORK/$name-data"
  # shellcheck disable=SC2086
  start_server "$name" "$port" bash -c 'cd "$1" && shift && exec "$@"' _ "$ROOT" \
    env ABSMARTLY_COLLECTOR_ENDPOINT="$COLLECTOR" ABSMARTLY_API_KEY=bench ABSMARTLY_ENVIRONMENT=bench \
    ABSMARTLY_ENABLE_EXPOSURE_TRACKING=true CAMEL_SERVER_PORT="$port" CAMEL_SERVER_HOST=127.0.0.1 \
    CAMEL_MAIN_ROUTESRELOADENABLED=false \
    BRIDGE_DATA_DIR="$WORK/$name-data" "$@" \
    java @jvm.options $BRIDGE_JAVA_OPTS -jar target/segment-absmartly-bridge.jar
}
BRIDGE_PORT=$(free_port)
start_bridge bridge "$BRIDGE_PORT"
warm_server bridge "$BRIDGE_PORT" /segment:track /v1/batch:batch /segment:exposure
scenario bridge single "$BRIDGE_PORT" /segment track 1
scenario bridge batch "$BRIDGE_PORT" /v1/batch batch "$BATCH"
scenario bridge exposure "$BRIDGE_PORT" /segment exposure 1
stop_server bridge
# BRIDGE_DELIVERY_COLLECTOR_BATCH: the same batches, each sent as one PUT {endpoint}/context/batch
BATCH_BRIDGE_PORT=$(free_port)
start_bridge bridge-calls "$BATCH_BRIDGE_PORT" BRIDGE_DELIVERY_COLLECTOR_BATCH=true
warm_server bridge-calls "$BATCH_BRIDGE_PORT" /v1/batch:batch
scenario bridge batch_calls "$BATCH_BRIDGE_PORT" /v1/batch batch "$BATCH" "$BATCH"
stop_server bridge-calls
DEAD_LETTERS=$( { cat "$WORK"/bridge*-data/dead-letter/*.jsonl 2>/dev/null || true; } | wc -l)

# ---- kafka mode (BENCH_KAFKA=1): a broker from the test classpath, one bridge with both roles ------------
# kafka_run NAME PATH KIND EVENTS_PER_REQUEST: ingest events/s (answered "queued") while wrk runs, and end to
# end events/s: all the events it queued, over the time from wrk's start until nginx has received them all.
kafka_run() {
  local name=$1 path=$2 kind=$3 per=$4 before reads t0 t1 out line kv delivered
  local -A W
  local drained=-100
  # the warm-up's or last run's events may still be on their way: wait until the Collector's count rests
  while settle; ((SETTLED - drained > 45)); do drained=$SETTLED; done
  before=$SETTLED; reads=$NGINX_READS
  out="$WORK/wrk-kafka-$name.txt"
  t0=$(date +%s%N)
  BENCH_KIND=$kind BENCH_BATCH=$BATCH BENCH_RUN_ID="kafka-$name" wrk -t1 "-c$CONNECTIONS" --timeout 5s --latency \
    -s "$BENCH_DIR/segment.lua" "-d${DURATION}s" "http://127.0.0.1:$KAFKA_BRIDGE_PORT$path" >"$out" 2>&1 || die "wrk kafka $name"
  line=$(grep '^BENCH ' "$out") || { cat "$out"; die "no BENCH line from wrk (kafka $name)"; }
  for kv in ${line#BENCH }; do W[${kv%%=*}]=${kv#*=}; done
  local accepted=$(((W[requests] - W[bad_answers]) * per))
  while :; do
    nginx_requests
    delivered=$((NGINX_COUNT - before - (NGINX_READS - reads)))
    ((delivered >= accepted)) && break
    (($(date +%s%N) - t0 < 600000000000)) || die "kafka $name: the Collector got $delivered of $accepted events in 10 minutes"
    sleep 0.1
  done
  t1=$(date +%s%N)
  M[kafka.$name.ingest_events_per_s]=$(calc "$accepted / ${W[duration_s]}" 1)
  M[kafka.$name.end_to_end_events_per_s]=$(calc "$accepted / (($t1 - $t0) / 1e9)" 1)
  M[kafka.$name.p99_ms]=${W[p99_ms]}
  M[kafka.$name.errors]=$((W[socket_errors] + W[bad_answers]))
  log "kafka    $name: ingest ${M[kafka.$name.ingest_events_per_s]} events/s, end to end" \
    "${M[kafka.$name.end_to_end_events_per_s]} events/s, p99 ${W[p99_ms]} ms, errors ${M[kafka.$name.errors]}"
}
if [[ ${BENCH_KAFKA:-} == 1 ]]; then
  (cd "$ROOT" && mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/test-classpath.txt") >"$WORK/build-kafka.log" 2>&1 || die "test classpath (see build-kafka.log)"
  java -cp "$ROOT/target/test-classes:$(cat "$WORK/test-classpath.txt")" \
    io.github.segmentabsmartly.bridge.support.KafkaBroker >"$WORK/kafka-address.txt" 2>"$WORK/kafka.log" &
  PIDS+=($!)
  for _ in $(seq 1 600); do [[ -s $WORK/kafka-address.txt ]] && break; sleep 0.1; done
  KAFKA_BROKERS=$(head -1 "$WORK/kafka-address.txt")
  [[ -n $KAFKA_BROKERS ]] || die "the Kafka broker did not start (see kafka.log)"
  log "Kafka broker on $KAFKA_BROKERS"
  KAFKA_BRIDGE_PORT=$(free_port)
  start_bridge kafka "$KAFKA_BRIDGE_PORT" BRIDGE_MODE=kafka BRIDGE_KAFKA_BROKERS="$KAFKA_BROKERS" \
    BRIDGE_KAFKA_PARTITIONS=6 BRIDGE_KAFKA_CONSUMERS="${BENCH_KAFKA_CONSUMERS:-2}"
  warm_server kafka "$KAFKA_BRIDGE_PORT" /segment:track /v1/batch:batch
  kafka_run single /segment track 1
  kafka_run batch /v1/batch batch "$BATCH"
  stop_server kafka
fi

# ---- targets ---------------------------------------------------------------------------------------------
bl_single=${M[baseline.single.events_per_s]}
R_SINGLE=$(calc "${M[bridge.single.events_per_s]} / $bl_single" 2)
R_BATCH_PLAIN=$(calc "${M[bridge.batch.events_per_s]} / $bl_single" 2)
R_BATCH=$(calc "${M[bridge.batch_calls.events_per_s]} / $bl_single" 2)
BRIDGE_ERRORS=$((M[bridge.single.errors] + M[bridge.batch.errors] + M[bridge.exposure.errors] + M[bridge.batch_calls.errors]))
BRIDGE_LOST=$((M[bridge.single.lost] + M[bridge.batch.lost] + M[bridge.exposure.lost] + M[bridge.batch_calls.lost]))
met() { awk "BEGIN { exit !($1) }" && echo true || echo false; }
T_SINGLE=$(met "$R_SINGLE >= 0.3")
T_BATCH_PLAIN=$(met "$R_BATCH_PLAIN >= 1")
T_BATCH=$(met "$R_BATCH >= 2")
# the higher of the two bridges' peaks and the slower of their starts (the second one sends Collector batch calls)
PEAK_RSS=$(higher "${M[bridge.peak_rss_mb]}" "${M[bridge-calls.peak_rss_mb]}")
T_RSS=$(met "$PEAK_RSS <= 256")
SLOWEST_START=$(higher "${M[bridge.start_s]}" "${M[bridge-calls.start_s]}")
T_START=$(met "$SLOWEST_START <= 2")
T_LOSS=$(met "$BRIDGE_ERRORS + $BRIDGE_LOST + $DEAD_LETTERS == 0")
ALL_MET=true
for t in "$T_SINGLE" "$T_BATCH_PLAIN" "$T_BATCH" "$T_RSS" "$T_START" "$T_LOSS"; do [[ $t == true ]] || ALL_MET=false; done
yes_no() { [[ $1 == true ]] && echo yes || echo "**no**"; }

# ---- report: Markdown -------------------------------------------------------------------------------------
mkdir -p "$RESULTS"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
row() { # runner scenario label
  local p=$1.$2
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$3" "$1" "${M[$p.events_per_s]}" \
    "${M[$p.requests_per_s]}" "${M[$p.p50_ms]}" "${M[$p.p99_ms]}" "${M[$p.p999_ms]}" "${M[$p.cpu_us_per_event]}" \
    "${M[$p.errors]}" "${M[$p.lost]}"
}
{
  echo "## segment-absmartly-bridge benchmark"
  echo
  echo "$NOW, commit $COMMIT, $(nproc) cores; wrk -t1 -c$CONNECTIONS; after start ${SERVER_WARMUP} s JIT warm-up" \
    "per kind of request, then ${WARMUP} s warm-up + ${DURATION} s measured per scenario; Collector stand-in: nginx. Bridge JVM options: \`jvm.options\`${BRIDGE_JAVA_OPTS:+ and \`$BRIDGE_JAVA_OPTS\`}."
  echo
  echo "| Scenario | Runner | events/s | requests/s | p50 ms | p99 ms | p99.9 ms | CPU µs/event | errors | lost |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  row bridge single "single track event, /segment"
  row baseline single "single track event, /segment"
  row bridge batch "batch of $BATCH, /v1/batch"
  row bridge batch_calls "batch of $BATCH, /v1/batch, one Collector batch call (BRIDGE_DELIVERY_COLLECTOR_BATCH)"
  row baseline batch "batch of $BATCH, /v1/batch"
  row bridge exposure "exposure (Experiment Viewed), /segment"
  echo "| exposure (Experiment Viewed), /segment | baseline | — | — | — | — | — | — | — | — |"
  echo
  echo "| Process | start to first 200 on POST /segment | peak RSS (VmHWM) |"
  echo "|---|---:|---:|"
  echo "| bridge | $(calc "${M[bridge.start_s]}" 2) s | ${M[bridge.peak_rss_mb]} MB |"
  echo "| bridge, Collector batch calls | $(calc "${M[bridge-calls.start_s]}" 2) s | ${M[bridge-calls.peak_rss_mb]} MB |"
  echo "| baseline | $(calc "${M[baseline.start_s]}" 2) s | ${M[baseline.peak_rss_mb]} MB |"
  echo
  echo "| Target | Measured | Met |"
  echo "|---|---:|:---:|"
  echo "| single events ≥ 0.3× baseline events/s | ${R_SINGLE}× | $(yes_no "$T_SINGLE") |"
  echo "| /v1/batch of $BATCH ≥ 1× single-event baseline events/s | ${R_BATCH_PLAIN}× | $(yes_no "$T_BATCH_PLAIN") |"
  echo "| /v1/batch of $BATCH with Collector batch calls ≥ 2× single-event baseline events/s | ${R_BATCH}× | $(yes_no "$T_BATCH") |"
  echo "| peak RSS ≤ 256 MB | $PEAK_RSS MB | $(yes_no "$T_RSS") |"
  echo "| start to first accepted request ≤ 2 s | $(calc "$SLOWEST_START" 2) s | $(yes_no "$T_START") |"
  echo "| no event lost or errored | $BRIDGE_ERRORS errors, $BRIDGE_LOST lost, $DEAD_LETTERS dead letters | $(yes_no "$T_LOSS") |"
  if [[ ${BENCH_KAFKA:-} == 1 ]]; then
    echo
    echo "Kafka mode (one instance, both roles, ${BENCH_KAFKA_CONSUMERS:-2} delivery consumers, 6 partitions, broker in its own JVM) against direct mode:"
    echo
    echo "| Requests | direct mode events/s | kafka mode ingest events/s | kafka mode end-to-end events/s | kafka ingest p99 ms | kafka errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| single events, /segment | ${M[bridge.single.events_per_s]} | ${M[kafka.single.ingest_events_per_s]} | ${M[kafka.single.end_to_end_events_per_s]} | ${M[kafka.single.p99_ms]} | ${M[kafka.single.errors]} |"
    echo "| /v1/batch of $BATCH | ${M[bridge.batch.events_per_s]} | ${M[kafka.batch.ingest_events_per_s]} | ${M[kafka.batch.end_to_end_events_per_s]} | ${M[kafka.batch.p99_ms]} | ${M[kafka.batch.errors]} |"
  fi
  echo
  echo "Baseline: a hand-written Vert.x + Jackson forwarder (bench/baseline) that sends goals only, so it has no" \
    "exposure figure. errors = socket errors, timeouts and answers other than 200 {\"success\":true};" \
    "lost = accepted events that never reached the Collector stand-in."
} >"$RESULTS/latest.md"
cat "$RESULTS/latest.md"

# ---- report: JSON -------------------------------------------------------------------------------------------
json_run() { # runner scenario
  local p=$1.$2 k sep=""
  printf '{'
  for k in connections requests sent duration_s requests_per_s events_per_request events_per_s socket_errors \
    bad_answers errors p50_ms p99_ms p999_ms mean_ms max_ms cpu_s cpu_us_per_event accepted_events sent_events \
    collector_puts events_per_collector_call collector_events lost; do
    printf '%s"%s": %s' "$sep" "$k" "${M[$p.$k]}"; sep=", "
  done
  printf '}'
}
json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
{
  echo "{"
  echo "  \"time\": \"$NOW\", \"commit\": \"$COMMIT\", \"cores\": $(nproc),"
  echo "  \"config\": {\"warmup_s\": $WARMUP, \"duration_s\": $DURATION, \"connections\": $CONNECTIONS," \
    "\"server_warmup_s\": $SERVER_WARMUP, \"batch\": $BATCH," \
    "\"bridge_java_opts\": $(json_str "$BRIDGE_JAVA_OPTS"), \"baseline_java_opts\": $(json_str "$BASELINE_JAVA_OPTS")},"
  echo "  \"bridge\": {\"start_s\": ${M[bridge.start_s]}, \"peak_rss_mb\": ${M[bridge.peak_rss_mb]}," \
    "\"rss_at_end_mb\": ${M[bridge.rss_mb]}, \"dead_letters\": $DEAD_LETTERS,"
  echo "    \"single\": $(json_run bridge single),"
  echo "    \"batch\": $(json_run bridge batch),"
  echo "    \"batch_calls\": $(json_run bridge batch_calls),"
  echo "    \"exposure\": $(json_run bridge exposure)},"
  echo "  \"baseline\": {\"start_s\": ${M[baseline.start_s]}, \"peak_rss_mb\": ${M[baseline.peak_rss_mb]}," \
    "\"rss_at_end_mb\": ${M[baseline.rss_mb]},"
  echo "    \"single\": $(json_run baseline single),"
  echo "    \"batch\": $(json_run baseline batch)},"
  echo "  \"targets\": {"
  echo "    \"single_events_ratio\": {\"value\": $R_SINGLE, \"min\": 0.3, \"met\": $T_SINGLE},"
  echo "    \"batch_events_ratio_to_single_baseline\": {\"value\": $R_BATCH_PLAIN, \"min\": 1, \"met\": $T_BATCH_PLAIN},"
  echo "    \"batch_calls_events_ratio_to_single_baseline\": {\"value\": $R_BATCH, \"min\": 2, \"met\": $T_BATCH},"
  echo "    \"peak_rss_mb\": {\"value\": $PEAK_RSS, \"max\": 256, \"met\": $T_RSS},"
  echo "    \"start_s\": {\"value\": $SLOWEST_START, \"max\": 2, \"met\": $T_START},"
  echo "    \"no_loss_or_error\": {\"errors\": $BRIDGE_ERRORS, \"lost\": $BRIDGE_LOST, \"dead_letters\": $DEAD_LETTERS, \"met\": $T_LOSS}"
  echo "  },"
  echo "  \"all_targets_met\": $ALL_MET"
  echo "}"
} >"$RESULTS/latest.json"
log "wrote $RESULTS/latest.md and $RESULTS/latest.json"
