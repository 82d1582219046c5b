# shellcheck shell=bash disable=SC2034
# Shared by scripts/benchmark-forwarder, scripts/benchmark-logger and scripts/benchmark-cold-start: building the
# packages and the harness, the event, the local Firehose endpoints, the Node.js runtime client, one measured run
# and the summary arithmetic. Sourced, not run, after scripts/lib/common.sh; the caller traps bench_cleanup.

WORK_DIR=""
PIDS=()
KEEP_WORK_DIR=false
# machine: the runtime processes may use every core; lambda: each is held to the CPU Lambda gives its memory.
CPU_SHARE=machine

progress() {
  echo "${SCRIPT_NAME}: $*" >&2
}

bench_cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
  done
  if [[ -n "${WORK_DIR}" && -d "${WORK_DIR}" ]]; then
    if [[ "${KEEP_WORK_DIR}" == true ]]; then
      echo "${SCRIPT_NAME}: logs kept in ${WORK_DIR}" >&2
    else
      rm -rf "${WORK_DIR:?}"
    fi
  fi
  return 0
}

# Prints a new work directory for one run: under TMPDIR where that is set, otherwise on /dev/shm where that is a
# writable memory file system, otherwise under /tmp. The functions' standard output goes to files in it (some 7 MB
# per logger invocation, on both sides); on a disk the kernel writes such data back 30 s after it was written
# (vm.dirty_expire_centisecs), sooner when much of it is dirty, on the same two cores as a later side's measured
# invocations: a C1 logger's first 50 invocations had a median of 42 ms with 2.2 GB of earlier logs being written
# back, 29-31 ms on /dev/shm.
# Lambda sends standard output to a pipe, not a disk. (LambdaRun also keeps each log within 64 MB.)
bench_work_dir() {
  if [[ -z "${TMPDIR:-}" && -d /dev/shm && -w /dev/shm ]] && [[ "$(stat -f -c %T /dev/shm 2>/dev/null)" == tmpfs ]]; then
    mktemp -d -p /dev/shm "${SCRIPT_NAME}.XXXXXX"
  else
    mktemp -d
  fi
}

# deployed_java_tool_options MEMORY_MB FUNCTION: the JAVA_TOOL_OPTIONS the Terraform platform module gives a JVM
# function (consumer-logger or firehose-forwarder) by default, through msk-lambda's local.default_java_tool_options
# (the benchmarks' DeployedJavaToolOptionsTest holds the two equal at the settings the modules' tests check): a
# young generation of a quarter of the memory, at most 64 MB, which holds the garbage of one 6 MB batch, with survivor
# spaces of a quarter of it each, which hold what a batch keeps live; an initial heap 32 MB larger, at most half the
# memory, and a metaspace threshold of 64 MB, which spare the first invocation two full collections; for the logger
# from 1769 MB (one full vCPU) up, full tiered compilation (tiered_stop_at_level 4).
deployed_java_tool_options() {
  local young=$(($1 / 4)) initial
  ((young > 64)) && young=64
  initial=$((young + 32))
  ((initial > $1 / 2)) && initial=$(($1 / 2))
  local heap="-Xmn${young}m -Xms${initial}m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
  case "${2:-}" in
    consumer-logger)
      if (($1 >= 1769)); then echo "${heap} -XX:TieredStopAtLevel=4"; else echo "${heap}"; fi ;;
    firehose-forwarder) echo "${heap}" ;;
    *) fail "deployed_java_tool_options: FUNCTION must be consumer-logger or firehose-forwarder, got '${2:-}'" ;;
  esac
}

# The GLIBC_TUNABLES that the Terraform msk-lambda module sets on a JVM function by default (its glibc_tunables
# variable; DeployedGlibcTunablesTest checks that the two agree). The Java runtime client receives each event into
# memory from malloc on the JVM's main thread, some 22 MB for a 6 MB event, and by default glibc gives it back to the
# kernel when it is freed (madvise MADV_DONTNEED), so the next event faults it in again, about 5,000 pages every
# invocation. A fixed mmap threshold (32 MiB, glibc's largest) keeps such buffers in the arena, and a trim threshold
# of 256 MiB keeps the arena's free memory for the next event.
DEPLOYED_GLIBC_TUNABLES="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
# What the Java sides of a run get (the scripts' --glibc-tunables; empty: not set).
GLIBC_TUNABLES_SETTING="${DEPLOYED_GLIBC_TUNABLES}"

# The --env arguments that give a Java side (a function or its floor) GLIBC_TUNABLES_SETTING, one per line.
java_env() {
  if [[ -n "${GLIBC_TUNABLES_SETTING}" ]]; then
    printf '%s\n' --env "GLIBC_TUNABLES=${GLIBC_TUNABLES_SETTING}"
  fi
}

# Builds both functions' function.zip, the local Firehose endpoint and the harness (no install into ~/.m2), and
# writes each module's class path to its target/classpath.txt.
bench_build() {
  progress "building consumer-logger and firehose-forwarder (function.zip), firehose-endpoint and benchmarks"
  # The forwarder's package carries the crypto provider of one architecture: this machine's, as Lambda's would.
  local architecture
  case "$(uname -m)" in
    aarch64 | arm64) architecture=arm64 ;;
    *) architecture=x86_64 ;;
  esac
  ./mvnw -B -q -pl consumer-logger,firehose-forwarder,firehose-endpoint,benchmarks -am package \
    dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
    -Dlambda.architecture="${architecture}" >"${WORK_DIR}/build.log" 2>&1 ||
    { cat "${WORK_DIR}/build.log" >&2; fail "the benchmark build failed (see the Maven output above)"; }
  HARNESS_CP="${REPO_ROOT}/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
  ENDPOINT_CP="${REPO_ROOT}/firehose-endpoint/target/classes:$(cat firehose-endpoint/target/classpath.txt)"
}

# Unpacks a module's function.zip as Lambda does into /var/task, and prints the class path the java21 runtime
# gives it (the directory and its lib/*).
unpack_function() {
  local module="$1" dir="${WORK_DIR}/task-$1"
  [[ -f "${module}/target/function.zip" ]] || fail "${module}/target/function.zip was not built"
  mkdir -p "${dir}"
  (cd "${dir}" && unzip -q "${REPO_ROOT}/${module}/target/function.zip")
  echo "${dir}:${dir}/lib/*"
}

write_event() {
  java -cp "${HARNESS_CP}" io.streamingdata.msk.records.WriteStockTickEvent "${WORK_DIR}/event.json" "$1" "$2" >&2
}

# Starts a local Firehose endpoint with the given added latency, as a process of its own, and sets ENDPOINT_URL once
# it listens. Not called in a subshell, so that its PID reaches the cleanup.
start_endpoint() {
  local latency="$1" log="${WORK_DIR}/firehose-${1}ms.log" url=""
  java -Xmx512m -XX:+UseSerialGC -cp "${ENDPOINT_CP}" io.streamingdata.msk.firehose.local.LocalFirehoseMain \
    --port 0 --stream bench-stream --latency-ms "${latency}" >"${log}" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 150); do
    url="$(sed -n 's/^local-firehose listening on \(http[^ ]*\).*/\1/p' "${log}")"
    [[ -n "${url}" ]] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "${log}" >&2; fail "the local Firehose endpoint did not start"; }
    sleep 0.1
  done
  [[ -n "${url}" ]] || fail "the local Firehose endpoint did not report its address"
  ENDPOINT_URL="${url}"
}

# The Node.js runtime interface client and the original's SDK, as pinned in scripts/bench/package-lock.json.
ensure_node_client() {
  command -v node >/dev/null || fail "node not found: install nodejs and npm, or pass --no-baseline"
  if [[ ! -f scripts/bench/node_modules/aws-lambda-ric/index.mjs ||
        ! -d scripts/bench/node_modules/@aws-sdk/client-firehose ]]; then
    command -v npm >/dev/null || fail "npm not found: install npm, or pass --no-baseline"
    progress "installing the Node.js runtime interface client (npm ci in scripts/bench)"
    (cd scripts/bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  NODE_RIC="${REPO_ROOT}/scripts/bench/node_modules/aws-lambda-ric/index.mjs"
}

# Runs LambdaRun with the given arguments (one function's options, or several functions' separated by --and, which
# then take turns), shows its human lines, and appends its RESULT lines to RESULTS. Every function gets CPU_SHARE.
lambda_run() {
  local output arg args=()
  for arg in "$@"; do
    [[ "${arg}" == --and ]] && args+=(--cpu-share "${CPU_SHARE}")
    args+=("${arg}")
  done
  args+=(--cpu-share "${CPU_SHARE}")
  output="$(java -Xmx256m -XX:+UseSerialGC -cp "${HARNESS_CP}" io.streamingdata.msk.bench.LambdaRun "${args[@]}")" ||
    { KEEP_WORK_DIR=true; fail "a measured run failed (its log is in ${WORK_DIR})"; }
  grep -v '^RESULT' <<<"${output}" || true
  grep '^RESULT' <<<"${output}" >>"${WORK_DIR}/results.txt"
}

# result LABEL KEY: a figure from a RESULT line, empty when that run did not happen.
result() {
  awk -v label="label=$1" -v key="$2" '$1 == "RESULT" && $2 == label {
    for (i = 3; i <= NF; i++) if (index($i, key "=") == 1) { print substr($i, length(key) + 2); exit } }' \
    "${WORK_DIR}/results.txt"
}

# ratio A B: A/B to two decimals, or "n/a".
ratio() {
  if [[ -n "$1" && -n "$2" ]]; then
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'
  else
    echo "n/a"
  fi
}

# difference A B: A-B in ms to one decimal, or "n/a".
difference() {
  if [[ -n "$1" && -n "$2" ]]; then
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'
  else
    echo "n/a"
  fi
}

# judge FIGURE OP LIMIT [UNIT]: whether a figure (a ratio such as 5.39x, or a number) meets a target, OP being >= or
# <=: "met (FIGURE UNIT)", "not met (FIGURE UNIT)", or "not measured" when the figure is empty or n/a. The figure is
# compared as printed, so a ratio shown as 1.30x meets a target of 1.3x.
judge() {
  [[ "${2:-}" == ">=" || "${2:-}" == "<=" ]] || fail "judge: OP is >= or <=, got '${2:-}'"
  if [[ -z "$1" || "$1" == n/a ]]; then
    echo "not measured"
    return 0
  fi
  awk -v figure="$1" -v op="$2" -v limit="$3" -v unit="${4:+ $4}" 'BEGIN {
    value = figure; sub(/x$/, "", value)
    met = op == ">=" ? value + 0 >= limit + 0 : value + 0 <= limit + 0
    printf "%s (%s%s)\n", met ? "met" : "not met", figure, unit }'
}

# target_setting_differences MEMORY_MB TARGET_MEMORY_MB RECORDS VALUE_BYTES TOOL_OPTIONS_GIVEN: how this run differs
# from the settings the targets were set at (that memory, the whole machine, the default 4,000 x 1,000-byte event,
# the deployed JAVA_TOOL_OPTIONS and GLIBC_TUNABLES), comma separated; nothing when it does not. Figures from other
# settings are worth printing but not worth holding to the targets.
target_setting_differences() {
  local differences=()
  (($1 == $2)) || differences+=("--memory-mb $1 (targets at $2)")
  [[ "${CPU_SHARE}" == machine ]] || differences+=("--lambda-cpu (targets with the whole machine)")
  ((${3} == 4000 && ${4} == 1000)) || differences+=("an event of $3 x $4 bytes (targets at 4000 x 1000)")
  [[ "$5" == false ]] || differences+=("--java-tool-options")
  [[ "${GLIBC_TUNABLES_SETTING}" == "${DEPLOYED_GLIBC_TUNABLES}" ]] || differences+=("--glibc-tunables")
  local joined="" difference
  for difference in "${differences[@]}"; do
    joined+="${joined:+, }${difference}"
  done
  echo "${joined}"
}

# The machine and how busy it was: figures from a shared machine are only comparable within one run.
machine_line() {
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), node $(node --version 2>/dev/null || echo none);" \
    "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ "${CPU_SHARE}" == lambda ]]; then
    echo "CPU: every runtime process held to Lambda's share of its memory setting (--lambda-cpu)"
  else
    echo "CPU: the whole machine for every runtime process (Lambda gives less below 1,769 MB: see --lambda-cpu)"
  fi
}
