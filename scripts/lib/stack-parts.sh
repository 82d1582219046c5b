# shellcheck shell=bash
# stack-parts.sh: building what the parts need and starting each part: Kafka (KRaft),
# s3proxy, the Firehose endpoint, the functions.
# Sourced by local-stack.sh, which sets the settings it uses.

# The modules whose main code and POMs the stack's jars are built from (the functions and their consumer-mode
# applications, the endpoint, the tools and the modules they depend on).
readonly BUILD_INPUTS=(kafka-records cli test-support firehose-endpoint consumer-logger firehose-forwarder
  consumer-mode/kafka-consumer consumer-mode/consumer-logger consumer-mode/firehose-forwarder restore local-stack)

# changed_since_build ROOT: prints the first file under ROOT the stack's jars are built from that is newer than what
# its build wrote, or nothing when the build is current. Without it a `git pull` or an edit would leave the stack
# running the previous build. A module's main sources and resources are held against the newest file in its
# target/classes (the compiler rewrites every class of a module with a changed source, the resources plugin copies a
# changed resource; an unchanged module keeps its old files, so this compares nothing it cannot settle); the POMs,
# whose changes rewrite no class, against the consumer-mode applications' jars, which every package writes anew. A
# module never built is left to ensure_built's own checks.
changed_since_build() {
  local root="$1" module newest changed jar oldest_jar="" poms=("$1/pom.xml")
  for module in "${BUILD_INPUTS[@]}"; do
    newest="$(newest_file "${root}/${module}/target/classes")"
    if [[ -n "${newest}" && -d "${root}/${module}/src/main" ]]; then
      changed="$(find "${root}/${module}/src/main" -type f -newer "${newest}" -print -quit)"
      [[ -z "${changed}" ]] || { echo "${changed}"; return 0; }
    fi
    if [[ -f "${root}/${module}/pom.xml" ]]; then poms+=("${root}/${module}/pom.xml"); fi
  done
  for module in consumer-logger firehose-forwarder; do
    jar="${root}/consumer-mode/${module}/target/quarkus-app/quarkus-run.jar"
    [[ -f "${jar}" ]] || return 0
    if [[ -z "${oldest_jar}" || "${jar}" -ot "${oldest_jar}" ]]; then oldest_jar="${jar}"; fi
  done
  find "${poms[@]}" -newer "${oldest_jar}" -print -quit
}

# newest_file DIR: the most recently written file under DIR, if any.
newest_file() {
  [[ -d "$1" ]] || return 0
  find "$1" -type f -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d ' ' -f 2-
}

# Builds whatever the selected parts need and is missing or older than its sources (everything with force=1).
# LOCAL_STACK_BUILD_CHECK=0 skips the age check (the tests run the stack on the jars their own Maven run built).
ensure_built() {
  local force="${1:-0}" modules=()
  if ((force)) || [[ ! -f "${SERVERS_DIR}/kafka-classpath.txt" || ! -f "${SERVERS_DIR}/s3proxy.jar" ]]; then
    say "resolving Kafka 4.4.0 and s3proxy 4.1.0 with Maven (local-stack/servers/pom.xml)"
    (cd "${REPO_ROOT}" && ./mvnw -B -q -ntp -f local-stack/servers/pom.xml package) \
      || fail "could not resolve the Kafka and s3proxy jars (see the Maven output above)"
  fi
  ((force)) || [[ -f "${REPO_ROOT}/firehose-endpoint/target/runtime-classpath.txt" \
    && -d "${REPO_ROOT}/firehose-endpoint/target/classes" ]] || modules+=(firehose-endpoint)
  ((force)) || [[ -n "$(consumer_mode_jar consumer-logger)" ]] || modules+=(consumer-mode/consumer-logger)
  ((force)) || [[ -n "$(consumer_mode_jar firehose-forwarder)" ]] || modules+=(consumer-mode/firehose-forwarder)
  ((force)) || [[ -f "${REPO_ROOT}/local-stack/target/runtime-classpath.txt" \
    && -d "${REPO_ROOT}/local-stack/target/classes" ]] || modules+=(local-stack)
  local changed=""
  if ((!force)) && ((${#modules[@]} == 0)) && [[ "${LOCAL_STACK_BUILD_CHECK:-1}" != 0 ]]; then
    changed="$(changed_since_build "${REPO_ROOT}")"
    if [[ -n "${changed}" ]]; then
      say "${changed#"${REPO_ROOT}"/} changed since the last build: rebuilding"
      force=1
    fi
  fi
  ((force)) && modules=(firehose-endpoint consumer-mode/consumer-logger consumer-mode/firehose-forwarder local-stack)
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

# Formats Kafka's data directory when it is new and starts the broker, without waiting for it (see start_parts).
launch_kafka() {
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

# Both functions as Kafka consumers: their consumer-mode applications (consumer-mode/). Each is a static member of
# its group, so that when its supervisor starts it again after a crash it gets its partitions back at once instead of
# after the broker's 45 s session timeout.
start_function() {
  local name="$1" jar="$2"
  shift 2
  (
    local assignment
    export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT}" KAFKA_TOPIC="${TOPIC}" \
      KAFKA_GROUP_INSTANCE_ID="local-stack-${name}"
    for assignment in "$@"; do
      export "${assignment?}"
    done
    launch "${name}" -Xmx160m "${JVM_COMMON[@]}" -jar "${jar}"
  )
  await_ready "${name}" "" " started in "
}

start_logger() {
  start_function logger "$(consumer_mode_jar consumer-logger)"
}

start_forwarder() {
  start_function forwarder "$(consumer_mode_jar firehose-forwarder)" DELIVERY_STREAM_NAME="${STACK_STREAM}" OUTPUT_FORMAT=envelope \
    AWS_ENDPOINT_URL_FIREHOSE="http://127.0.0.1:${FIREHOSE_PORT}" DEAD_LETTER_BUCKET="${STACK_DEAD_LETTER_BUCKET}" \
    AWS_ENDPOINT_URL_S3="http://127.0.0.1:${S3_PORT}" S3_PATH_STYLE_ACCESS=true AWS_REGION=us-east-1 \
    AWS_ACCESS_KEY_ID="${S3_KEY}" AWS_SECRET_ACCESS_KEY="${S3_SECRET}"
}

# When Kafka was launched and is not yet awaited (nanoseconds), or empty.
KAFKA_LAUNCHED=""

# Starts the given parts in order, timing each. Args: data directory, parts... Kafka, the slowest to start, is
# launched and then awaited only before a part that needs it (a function) or by finish_start: s3proxy and the
# endpoint, which need nothing of it, start meanwhile. Callers run finish_start after their last start_parts.
start_parts() {
  local data="$1" name started
  shift
  mkdir -p "${STATE_DIR}/logs" "${data}"
  echo "${data}" >"${STATE_DIR}/data-dir"
  for name in "$@"; do
    if [[ "${name}" == kafka ]]; then
      KAFKA_LAUNCHED="$(date +%s%N)"
      launch_kafka "${data}" || return 1
      continue
    fi
    if supervised "${name}"; then
      finish_start || return 1
    fi
    started="$(date +%s%N)"
    "start_${name}" "${data}" || return 1
    say "started ${name} (pid $(<"$(pid_file "${name}")")) in $(elapsed_ms "${started}") ms"
  done
}

# Waits for a Kafka that start_parts launched and creates the topic; nothing to do otherwise.
finish_start() {
  [[ -n "${KAFKA_LAUNCHED}" ]] || return 0
  await_ready kafka "${KAFKA_PORT}" "" || return 1
  create_topic
  say "started kafka (pid $(<"$(pid_file kafka)")) in $(elapsed_ms "${KAFKA_LAUNCHED}") ms"
  KAFKA_LAUNCHED=""
}

