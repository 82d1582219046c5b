# shellcheck shell=bash
# stack-report.sh: timing, memory and the endpoints summary the scripts print.
# Sourced by local-stack.sh, which sets the settings it uses.

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
