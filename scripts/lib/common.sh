# shellcheck shell=bash
# common.sh: the helpers every script needs; each script sources it first, right after `set -euo pipefail`:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# It sets SCRIPT_NAME (the running script's name, for messages) and REPO_ROOT (the checkout), both read-only.

SCRIPT_NAME="${0##*/}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly SCRIPT_NAME REPO_ROOT

# Prints the running script's usage: the comment block after its shebang line.
usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

say() {
  echo "${SCRIPT_NAME}: $*"
}

warn() {
  echo "${SCRIPT_NAME}: $*" >&2
}

fail() {
  warn "$@"
  exit 1
}

# A mistake in the command line: says what is wrong and where the usage is, and exits with status 2.
usage_error() {
  warn "$@"
  echo "Run scripts/${SCRIPT_NAME} --help for usage." >&2
  exit 2
}

# positive_int FLAG VALUE: refuses VALUE unless it is a whole number above zero.
positive_int() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || usage_error "$1 needs a positive whole number, got '$2'"
}

# ensure_command COMMAND PACKAGE: installs the Debian package when running as root with apt, else says what to do.
ensure_command() {
  local command="$1" package="$2"
  command -v "${command}" >/dev/null && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${package} for ${command}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${package}" >/dev/null
  fi
  command -v "${command}" >/dev/null || fail "${command} is missing: install the ${package} package"
}

check_java() {
  command -v java >/dev/null || fail "no java on PATH: install a JDK 17 or newer (apt-get install openjdk-17-jdk)"
  local version
  version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  ((${version%%.*} >= 17)) || fail "java ${version} is too old: this needs a JDK 17 or newer"
}

# runner_jar MODULE: the module's Quarkus runner jar, whatever the project version; empty when it is not built.
runner_jar() {
  find "${REPO_ROOT}/$1/target" -maxdepth 1 -name "$1-*-runner.jar" -print -quit 2>/dev/null || true
}

# consumer_mode_jar FUNCTION: the function's consumer-mode application (consumer-mode/FUNCTION), a Quarkus fast-jar;
# empty when it is not built.
consumer_mode_jar() {
  local jar="${REPO_ROOT}/consumer-mode/$1/target/quarkus-app/quarkus-run.jar"
  if [[ -f "${jar}" ]]; then echo "${jar}"; fi
}

# alive PID: whether the process runs. One that has exited but is not yet reaped (a zombie: a container's or a VM's
# init may leave one for seconds, or for good) still answers kill -0, so its state in /proc decides where there is one.
alive() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  { stat="$(<"/proc/$1/stat")"; } 2>/dev/null || return 0
  # "PID (COMMAND) STATE ...": the command may hold spaces and parentheses, so the state follows the last ") ".
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# stop_pids PID...: stops each process this script started and waits for it, ignoring those already gone.
stop_pids() {
  local pid
  for pid in "$@"; do
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
  done
}
