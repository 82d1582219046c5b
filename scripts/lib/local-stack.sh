# shellcheck shell=bash
# local-stack.sh: functions shared by scripts/stack, scripts/produce and scripts/demo (sourced, not run).
#
# The local stack, all on 127.0.0.1, each part a process with a PID file under ${STATE_DIR}:
#   kafka       Apache Kafka 4.4.0, KRaft, broker and controller in one process   LOCAL_STACK_KAFKA_PORT (19092),
#                                                                                  LOCAL_STACK_CONTROLLER_PORT (19093)
#   s3proxy     s3proxy 4.1.0, filesystem store: <data-dir>/s3/<bucket>/<key>     LOCAL_STACK_S3_PORT (18081)
#   firehose    the project's Firehose-compatible endpoint, delivering to s3proxy  LOCAL_STACK_FIREHOSE_PORT (4573)
#   logger      consumer-logger in Kafka consumer mode (its output: logs/logger.log)
#   forwarder   firehose-forwarder in Kafka consumer mode (OUTPUT_FORMAT=envelope)
# The functions run under scripts/lib/supervise, which starts a function again when it exits with a failure (a
# consumer that stopped consuming exits with status 70); its PID is in <part>.supervisor.pid, the restart count and
# last exit status in <part>.state.
# Other settings: LOCAL_STACK_DIR (state, default <repo>/.local/stack), LOCAL_STACK_TOPIC (ExampleTopic),
# LOCAL_STACK_PARTITIONS (3), LOCAL_STACK_BUFFER_SECONDS (5) and LOCAL_STACK_BUFFER_MB (1) for the endpoint's S3
# buffering hints, LOCAL_STACK_START_TIMEOUT (90 s per part).
# Callers source scripts/lib/common.sh (SCRIPT_NAME, REPO_ROOT, fail, say, check_java) first.

readonly COMPONENTS=(kafka s3proxy firehose logger forwarder)
STATE_DIR="${LOCAL_STACK_DIR:-${REPO_ROOT}/.local/stack}"
KAFKA_PORT="${LOCAL_STACK_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${LOCAL_STACK_CONTROLLER_PORT:-19093}"
S3_PORT="${LOCAL_STACK_S3_PORT:-18081}"
FIREHOSE_PORT="${LOCAL_STACK_FIREHOSE_PORT:-4573}"
TOPIC="${LOCAL_STACK_TOPIC:-ExampleTopic}"
PARTITIONS="${LOCAL_STACK_PARTITIONS:-3}"
BUFFER_SECONDS="${LOCAL_STACK_BUFFER_SECONDS:-5}"
BUFFER_MB="${LOCAL_STACK_BUFFER_MB:-1}"
START_TIMEOUT="${LOCAL_STACK_START_TIMEOUT:-90}"
readonly STACK_STREAM=local-stack-stream STACK_BUCKET=local-stack-delivery STACK_DEAD_LETTER_BUCKET=local-stack-dead-letter
readonly S3_KEY=test S3_SECRET=test
readonly SERVERS_DIR="${REPO_ROOT}/local-stack/servers/target"
readonly JVM_COMMON=(-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.net.preferIPv4Stack=true)
readonly SUPERVISOR="${REPO_ROOT}/scripts/lib/supervise"
readonly SUPERVISED=(logger forwarder)

# ---------------------------------------------------------------------------------------------------- checks

check_port_settings() {
  local name value
  for name in KAFKA_PORT CONTROLLER_PORT S3_PORT FIREHOSE_PORT; do
    value="${!name}"
    if ! [[ "${value}" =~ ^[1-9][0-9]*$ ]] || ((value > 65535)); then
      fail "LOCAL_STACK_${name} must be a TCP port number (1-65535), got '${value}'"
    fi
  done
  [[ "${PARTITIONS}" =~ ^[1-9][0-9]*$ ]] || fail "LOCAL_STACK_PARTITIONS must be a positive number, got '${PARTITIONS}'"
}

valid_component() {
  local name="$1" known
  for known in "${COMPONENTS[@]}"; do
    [[ "${known}" == "${name}" ]] && return 0
  done
  return 1
}

# Turns "kafka,s3proxy" into the ordered list SELECTED (start order); an empty list selects everything.
select_components() {
  local list="$1" name wanted=()
  SELECTED=()
  if [[ -z "${list}" ]]; then
    SELECTED=("${COMPONENTS[@]}")
    return 0
  fi
  IFS=',' read -r -a wanted <<<"${list}"
  for name in "${wanted[@]}"; do
    valid_component "${name}" || {
      echo "${SCRIPT_NAME}: unknown part '${name}' in --only: choose from ${COMPONENTS[*]} (comma-separated)" >&2
      exit 2
    }
  done
  for name in "${COMPONENTS[@]}"; do
    [[ ",${list}," == *",${name},"* ]] && SELECTED+=("${name}")
  done
  return 0
}

ports_of() {
  case "$1" in
    kafka) echo "${KAFKA_PORT} ${CONTROLLER_PORT}" ;;
    s3proxy) echo "${S3_PORT}" ;;
    firehose) echo "${FIREHOSE_PORT}" ;;
    *) echo "" ;;
  esac
}

port_variable() {
  case "$1" in
    "${KAFKA_PORT}") echo LOCAL_STACK_KAFKA_PORT ;;
    "${CONTROLLER_PORT}") echo LOCAL_STACK_CONTROLLER_PORT ;;
    "${S3_PORT}") echo LOCAL_STACK_S3_PORT ;;
    *) echo LOCAL_STACK_FIREHOSE_PORT ;;
  esac
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Refuses to start anything when one of the ports the selected parts need is taken.
check_ports_free() {
  local name port busy=()
  for name in "$@"; do
    for port in $(ports_of "${name}"); do
      port_open "${port}" && busy+=("127.0.0.1:${port} (${name}, $(port_variable "${port}"))")
    done
  done
  ((${#busy[@]} == 0)) && return 0
  warn "port already in use: ${busy[*]}"
  warn "nothing was started. Stop whatever listens there (ss -ltnp shows it; scripts/stack stop for an earlier" \
    "stack) or choose other ports with the variables named above."
  exit 1
}

# ------------------------------------------------------------------------------------------------- processes

pid_file() {
  echo "${STATE_DIR}/$1.pid"
}

log_file() {
  echo "${STATE_DIR}/logs/$1.log"
}

supervisor_pid_file() {
  echo "${STATE_DIR}/$1.supervisor.pid"
}

state_file() {
  echo "${STATE_DIR}/$1.state"
}

supervised() {
  [[ " ${SUPERVISED[*]} " == *" $1 "* ]]
}

# Prints the PID of a running part, or fails (status 1) when it is not running.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "${file}" ]] || return 1
  pid="$(<"${file}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  # A recycled PID is not ours: our processes are java with their part and state directory on the command line.
  # (Read whole, not piped into grep -q: with pipefail an early grep exit fails the pipeline on long command lines.)
  local args
  args="$(tr '\0' '\n' <"/proc/${pid}/cmdline" 2>/dev/null)" || return 1
  grep -qxF -- "-Dlocal-stack.dir=${STATE_DIR}" <<<"${args}" || return 1
  grep -qxF -- "-Dlocal-stack.part=$1" <<<"${args}" || return 1
  echo "${pid}"
}

# Prints the PID of a part's supervisor while it runs, or fails. Its command line carries the part's java command.
supervisor_pid() {
  local file pid args
  file="$(supervisor_pid_file "$1")"
  [[ -f "${file}" ]] || return 1
  pid="$(<"${file}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  args="$(tr '\0' '\n' <"/proc/${pid}/cmdline" 2>/dev/null)" || return 1
  grep -qxF -- "${SUPERVISOR}" <<<"${args}" || return 1
  grep -qxF -- "-Dlocal-stack.dir=${STATE_DIR}" <<<"${args}" || return 1
  grep -qxF -- "-Dlocal-stack.part=$1" <<<"${args}" || return 1
  echo "${pid}"
}

# A part counts as running while its process runs or, for a function, while its supervisor is about to restart it.
any_running() {
  local name
  for name in "${COMPONENTS[@]}"; do
    running_pid "${name}" >/dev/null && return 0
    supervisor_pid "${name}" >/dev/null && return 0
  done
  return 1
}

# One word for a part: running, restarting (its supervisor waits to start it again), dead (it exited while the stack
# was up: its PID file is still there) or stopped.
part_state() {
  if running_pid "$1" >/dev/null; then
    echo running
  elif supervisor_pid "$1" >/dev/null; then
    echo restarting
  elif [[ -f "$(pid_file "$1")" ]]; then
    echo dead
  else
    echo stopped
  fi
}

# "restarts 2, last exit status 70 at 10:04:11" for a function that was restarted, else nothing.
restart_summary() {
  local file restarts="" last_status="" last_exit="" entry
  file="$(state_file "$1")"
  [[ -f "${file}" ]] || return 0
  for entry in $(<"${file}"); do
    case "${entry}" in
      restarts=*) restarts="${entry#restarts=}" ;;
      last_status=*) last_status="${entry#last_status=}" ;;
      last_exit=*) last_exit="${entry#last_exit=}" ;;
    esac
  done
  [[ -n "${restarts}" ]] && echo "restarts ${restarts}, last exit status ${last_status} at ${last_exit}"
  return 0
}

# Starts a java process in its own session, output to its log, PID recorded; a function runs under its supervisor,
# which records the PID itself. Args: name, java arguments...
launch() {
  local name="$1" log waited=0
  shift
  log="$(log_file "${name}")"
  mkdir -p "${STATE_DIR}/logs"
  : >"${log}"
  if ! supervised "${name}"; then
    setsid java "-Dlocal-stack.part=${name}" "-Dlocal-stack.dir=${STATE_DIR}" "$@" >>"${log}" 2>&1 </dev/null &
    echo "$!" >"$(pid_file "${name}")"
    return 0
  fi
  rm -f "$(pid_file "${name}")" "$(state_file "${name}")"
  setsid "${SUPERVISOR}" "${name}" "$(pid_file "${name}")" "$(state_file "${name}")" "${log}" -- \
    java "-Dlocal-stack.part=${name}" "-Dlocal-stack.dir=${STATE_DIR}" "$@" >/dev/null 2>&1 </dev/null &
  echo "$!" >"$(supervisor_pid_file "${name}")"
  until [[ -s "$(pid_file "${name}")" ]]; do
    ((waited < 100)) || fail "the supervisor of ${name} did not start it (see $(log_file "${name}"))"
    sleep 0.05
    waited=$((waited + 1))
  done
}

# Waits until the part's port answers (or its log shows the ready text); fails with the log's tail otherwise.
await_ready() {
  local name="$1" port="$2" ready_text="$3" waited=0 pid
  pid="$(<"$(pid_file "${name}")")"
  while true; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      warn "${name} exited during start-up; the end of $(log_file "${name}"):"
      tail -n 15 "$(log_file "${name}")" >&2
      return 1
    fi
    if [[ -n "${port}" ]] && port_open "${port}"; then
      return 0
    fi
    if [[ -n "${ready_text}" ]] && grep -q -- "${ready_text}" "$(log_file "${name}")"; then
      return 0
    fi
    ((waited >= START_TIMEOUT * 5)) && {
      warn "${name} was not ready after ${START_TIMEOUT} s; the end of $(log_file "${name}"):"
      tail -n 15 "$(log_file "${name}")" >&2
      return 1
    }
    sleep 0.2
    waited=$((waited + 1))
  done
}

# Stops one part by its recorded PIDs: SIGTERM (to the supervisor of a function, which stops the function and does
# not restart it), then SIGKILL after 30 s.
stop_part() {
  local name="$1" pid supervisor="" target waited=0
  pid="$(running_pid "${name}")" || pid=""
  supervisor="$(supervisor_pid "${name}")" || supervisor=""
  if [[ -z "${pid}" && -z "${supervisor}" ]]; then
    rm -f "$(pid_file "${name}")" "$(supervisor_pid_file "${name}")"
    return 0
  fi
  target="${supervisor:-${pid}}"
  kill -TERM "${target}" 2>/dev/null || true
  while kill -0 "${target}" 2>/dev/null || { [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null; }; do
    if ((waited >= 300)); then
      warn "${name} (pid ${pid:-${target}}) did not stop within 30 s: killing it"
      kill -KILL "${target}" ${pid:+"${pid}"} 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "${name}")" "$(supervisor_pid_file "${name}")"
  say "stopped ${name} (pid ${pid:-${target}})"
}

# Stops the given parts (all when none are given) in three stages, each in parallel: the functions; then the
# endpoint (which writes its buffers into s3proxy) and Kafka; then s3proxy.
stop_parts() {
  local selection=" $* "
  stop_stage "${selection}" forwarder logger
  stop_stage "${selection}" firehose kafka
  stop_stage "${selection}" s3proxy
}

stop_stage() {
  local selection="$1" name stoppers=()
  shift
  for name in "$@"; do
    if [[ "${selection}" == "  " || "${selection}" == *" ${name} "* ]]; then
      stop_part "${name}" &
      stoppers+=("$!")
    fi
  done
  ((${#stoppers[@]} == 0)) || wait "${stoppers[@]}"
}

# ----------------------------------------------------------------------------------------------------- build

# Builds whatever the selected parts need and is missing (or everything with force=1).
ensure_built() {
  local force="${1:-0}" modules=()
  if ((force)) || [[ ! -f "${SERVERS_DIR}/kafka-classpath.txt" || ! -f "${SERVERS_DIR}/s3proxy.jar" ]]; then
    say "resolving Kafka 4.4.0 and s3proxy 4.1.0 with Maven (local-stack/servers/pom.xml)"
    (cd "${REPO_ROOT}" && ./mvnw -B -q -ntp -f local-stack/servers/pom.xml package) \
      || fail "could not resolve the Kafka and s3proxy jars (see the Maven output above)"
  fi
  ((force)) || [[ -f "${REPO_ROOT}/firehose-endpoint/target/runtime-classpath.txt" \
    && -d "${REPO_ROOT}/firehose-endpoint/target/classes" ]] || modules+=(firehose-endpoint)
  ((force)) || [[ -n "$(runner_jar consumer-logger)" && -d "${REPO_ROOT}/consumer-logger/target/lib" ]] \
    || modules+=(consumer-logger)
  ((force)) || [[ -n "$(runner_jar firehose-forwarder)" && -d "${REPO_ROOT}/firehose-forwarder/target/lib" ]] \
    || modules+=(firehose-forwarder)
  ((force)) || [[ -f "${REPO_ROOT}/local-stack/target/runtime-classpath.txt" \
    && -d "${REPO_ROOT}/local-stack/target/classes" ]] || modules+=(local-stack)
  ((force)) && modules=(firehose-endpoint consumer-logger firehose-forwarder local-stack)
  ((${#modules[@]} == 0)) && return 0
  say "building ${modules[*]} (./mvnw package -DskipTests)"
  (cd "${REPO_ROOT}" && ./mvnw -B -q -ntp package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am) \
    || fail "the build failed (see the Maven output above)"
}

tools_classpath() {
  echo "${REPO_ROOT}/local-stack/target/classes:$(<"${REPO_ROOT}/local-stack/target/runtime-classpath.txt")"
}

kafka_classpath() {
  cat "${SERVERS_DIR}/kafka-classpath.txt"
}

# ------------------------------------------------------------------------------------------------- the parts

write_kafka_config() {
  local data="$1" dir="${STATE_DIR}/kafka"
  mkdir -p "${dir}" "${data}/kafka"
  cat >"${dir}/server.properties" <<EOF
# Written by scripts/stack: one process is broker and controller (KRaft), loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${data}/kafka
num.partitions=${PARTITIONS}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  cat >"${dir}/log4j2.properties" <<'EOF'
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.raft.name=kafka.server.KafkaRaftServer
logger.raft.level=INFO
EOF
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (22 characters), not starting with '-'.
cluster_id() {
  local id
  while true; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "${id}" != -* ]] && echo "${id}" && return 0
  done
}

kafka_java() {
  java -Xms64m -Xmx256m "${JVM_COMMON[@]}" "-Dlog4j2.configurationFile=${STATE_DIR}/kafka/log4j2.properties" \
    -cp "$(kafka_classpath)" "$@"
}

start_kafka() {
  local data="$1"
  write_kafka_config "${data}"
  if [[ ! -f "${data}/kafka/meta.properties" ]]; then
    kafka_java kafka.tools.StorageTool format -t "$(cluster_id)" -c "${STATE_DIR}/kafka/server.properties" \
      >"${STATE_DIR}/logs/kafka-format.log" 2>&1 \
      || { cat "${STATE_DIR}/logs/kafka-format.log" >&2; fail "could not format the Kafka data directory ${data}/kafka"; }
  fi
  launch kafka -Xms64m -Xmx256m "${JVM_COMMON[@]}" \
    "-Dlog4j2.configurationFile=${STATE_DIR}/kafka/log4j2.properties" -cp "$(kafka_classpath)" \
    kafka.Kafka "${STATE_DIR}/kafka/server.properties"
  await_ready kafka "${KAFKA_PORT}" ""
}

create_topic() {
  kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:${KAFKA_PORT}" --create \
    --if-not-exists --topic "${TOPIC}" --partitions "${PARTITIONS}" --replication-factor 1 \
    >"${STATE_DIR}/logs/topic.log" 2>&1 \
    || { cat "${STATE_DIR}/logs/topic.log" >&2; fail "could not create the topic ${TOPIC}"; }
}

start_s3proxy() {
  local data="$1"
  mkdir -p "${data}/s3/${STACK_BUCKET}" "${data}/s3/${STACK_DEAD_LETTER_BUCKET}" # filesystem store: bucket = folder
  cat >"${STATE_DIR}/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:${S3_PORT}
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_KEY}
s3proxy.credential=${S3_SECRET}
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=${data}/s3
EOF
  launch s3proxy -Xmx128m "${JVM_COMMON[@]}" -jar "${SERVERS_DIR}/s3proxy.jar" \
    --properties "${STATE_DIR}/s3proxy.properties"
  await_ready s3proxy "${S3_PORT}" ""
}

start_firehose() {
  launch firehose -Xmx128m "${JVM_COMMON[@]}" \
    -cp "${REPO_ROOT}/firehose-endpoint/target/classes:$(<"${REPO_ROOT}/firehose-endpoint/target/runtime-classpath.txt")" \
    io.streamingdata.msk.firehose.local.LocalFirehoseMain --port "${FIREHOSE_PORT}" \
    --s3-endpoint "http://127.0.0.1:${S3_PORT}" --s3-access-key "${S3_KEY}" --s3-secret-key "${S3_SECRET}" \
    --stream "${STACK_STREAM}=${STACK_BUCKET},buffer-mb=${BUFFER_MB},buffer-seconds=${BUFFER_SECONDS}"
  await_ready firehose "" "local-firehose listening on"
}

# Both functions: the packaged JVM application, Kafka consumer mode.
start_function() {
  local name="$1" jar="$2"
  shift 2
  (
    local assignment
    export KAFKA_CONSUMER_ENABLED=true KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT}" KAFKA_TOPIC="${TOPIC}"
    for assignment in "$@"; do
      export "${assignment?}"
    done
    launch "${name}" -Xmx160m "${JVM_COMMON[@]}" -jar "${jar}"
  )
  await_ready "${name}" "" " started in "
}

start_logger() {
  start_function logger "$(runner_jar consumer-logger)"
}

start_forwarder() {
  start_function forwarder "$(runner_jar firehose-forwarder)" DELIVERY_STREAM_NAME="${STACK_STREAM}" OUTPUT_FORMAT=envelope \
    AWS_ENDPOINT_URL_FIREHOSE="http://127.0.0.1:${FIREHOSE_PORT}" DEAD_LETTER_BUCKET="${STACK_DEAD_LETTER_BUCKET}" \
    AWS_ENDPOINT_URL_S3="http://127.0.0.1:${S3_PORT}" S3_PATH_STYLE_ACCESS=true AWS_REGION=us-east-1 \
    AWS_ACCESS_KEY_ID="${S3_KEY}" AWS_SECRET_ACCESS_KEY="${S3_SECRET}"
}

# Starts the given parts in order, timing each. Args: data directory, parts...
start_parts() {
  local data="$1" name started
  shift
  mkdir -p "${STATE_DIR}/logs" "${data}"
  echo "${data}" >"${STATE_DIR}/data-dir"
  for name in "$@"; do
    started="$(date +%s%N)"
    "start_${name}" "${data}" || return 1
    if [[ "${name}" == kafka ]]; then
      create_topic
    fi
    say "started ${name} (pid $(<"$(pid_file "${name}")")) in $(elapsed_ms "${started}") ms"
  done
}

elapsed_ms() {
  echo $((($(date +%s%N) - $1) / 1000000))
}

# Resident memory of the running parts, in MB (one number).
total_rss_mb() {
  local name pid kb total=0
  for name in "${COMPONENTS[@]}"; do
    pid="$(running_pid "${name}")" || continue
    kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/${pid}/status" 2>/dev/null)" || kb=0
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

rss_mb() {
  local pid
  pid="$(running_pid "$1")" || { echo "-"; return 0; }
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/${pid}/status" 2>/dev/null || echo "-"
}

print_endpoints() {
  cat <<EOF
  Kafka bootstrap servers   127.0.0.1:${KAFKA_PORT}   (topic ${TOPIC}, ${PARTITIONS} partitions; controller 127.0.0.1:${CONTROLLER_PORT})
  S3 (s3proxy)              http://127.0.0.1:${S3_PORT}   (access key ${S3_KEY}, secret ${S3_SECRET}, path-style, us-east-1)
                            buckets ${STACK_BUCKET} (Firehose output), ${STACK_DEAD_LETTER_BUCKET} (dead letters)
  Firehose endpoint         http://127.0.0.1:${FIREHOSE_PORT}   (stream ${STACK_STREAM}; POST /_local/flush, GET /_local/stats)
  Logs                      ${STATE_DIR}/logs/   (scripts/stack logs logger|forwarder|kafka|s3proxy|firehose)
EOF
}
