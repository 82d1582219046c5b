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

# The rest of the library, one concern a file.
# shellcheck source=scripts/lib/stack-processes.sh
source "${REPO_ROOT}/scripts/lib/stack-processes.sh"
# shellcheck source=scripts/lib/stack-parts.sh
source "${REPO_ROOT}/scripts/lib/stack-parts.sh"
# shellcheck source=scripts/lib/stack-report.sh
source "${REPO_ROOT}/scripts/lib/stack-report.sh"
