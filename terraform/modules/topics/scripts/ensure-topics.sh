#!/bin/bash
# Runs on the Kafka client instance through SSM Run Command (document parameters in {{ }}).
# Idempotent: creates missing topics, raises partition counts, applies topic configs. Never deletes
# or shrinks anything. Exits non-zero on any failure, which fails the SSM association and the apply.
set -euo pipefail

readonly TOPICS_B64='{{ TopicsBase64 }}'
readonly BOOTSTRAP='{{ BootstrapServers }}'
readonly COMMAND_CONFIG='{{ CommandConfig }}'
readonly KAFKA_HOME='{{ KafkaHome }}'
readonly READY_MARKER='{{ ReadyMarker }}'
readonly WAIT_SECONDS='{{ WaitSeconds }}'

deadline=$((SECONDS + WAIT_SECONDS))
until [ -f "${READY_MARKER}" ]; do
  if (( SECONDS >= deadline )); then
    echo "Kafka client not ready after ${WAIT_SECONDS}s (${READY_MARKER} missing)" >&2
    exit 1
  fi
  sleep 10
done

topics_json="$(echo "${TOPICS_B64}" | base64 -d)"
common=(--bootstrap-server "${BOOTSTRAP}" --command-config "${COMMAND_CONFIG}")
count="$(jq 'length' <<<"${topics_json}")"

for ((i = 0; i < count; i++)); do
  name="$(jq -r ".[${i}].name" <<<"${topics_json}")"
  partitions="$(jq -r ".[${i}].partitions" <<<"${topics_json}")"
  replication="$(jq -r ".[${i}].replication_factor" <<<"${topics_json}")"
  configs="$(jq -r ".[${i}].config | to_entries | map(\"\(.key)=\(.value)\") | join(\",\")" <<<"${topics_json}")"

  "${KAFKA_HOME}/bin/kafka-topics.sh" "${common[@]}" --create --if-not-exists \
    --topic "${name}" --partitions "${partitions}" --replication-factor "${replication}"

  current="$("${KAFKA_HOME}/bin/kafka-topics.sh" "${common[@]}" --describe --topic "${name}" \
    | grep -o 'PartitionCount: *[0-9]*' | grep -o '[0-9]*$')"
  if (( current < partitions )); then
    echo "Raising ${name} from ${current} to ${partitions} partitions"
    "${KAFKA_HOME}/bin/kafka-topics.sh" "${common[@]}" --alter --topic "${name}" --partitions "${partitions}"
  fi

  if [ -n "${configs}" ]; then
    "${KAFKA_HOME}/bin/kafka-configs.sh" "${common[@]}" --alter --entity-type topics \
      --entity-name "${name}" --add-config "${configs}"
  fi
  echo "Topic ${name}: ok (${partitions} partitions, replication ${replication})"
done
