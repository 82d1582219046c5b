# shellcheck shell=bash disable=SC2153
# stack-processes.sh: the stack's parts as processes: PID, log, state and supervisor files, launching,
# readiness, stopping.
# Sourced by local-stack.sh, which sets the settings it uses.

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
  [[ "${pid}" =~ ^[0-9]+$ ]] && alive "${pid}" || return 1
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
  [[ "${pid}" =~ ^[0-9]+$ ]] && alive "${pid}" || return 1
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
    if ! alive "${pid}"; then
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
  while alive "${target}" || { [[ -n "${pid}" ]] && alive "${pid}"; }; do
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

