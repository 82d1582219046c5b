#!/bin/bash
# First-boot setup of the Kafka client instance (rendered by Terraform from templates/user-data.sh.tpl).
# Installs a JDK, the Kafka CLI ${kafka_cli_version} (checksum pinned in Terraform), the MSK IAM auth
# library ${msk_iam_auth_version}, and writes the client property files. No credentials are written here:
# SCRAM credentials are read from Secrets Manager at boot.
set -euo pipefail
exec > >(tee -a /var/log/kafka-client-setup.log) 2>&1

readonly KAFKA_HOME="${kafka_home}"
readonly KAFKA_TGZ="kafka_${scala_version}-${kafka_cli_version}.tgz"
readonly KAFKA_URL="https://archive.apache.org/dist/kafka/${kafka_cli_version}/$${KAFKA_TGZ}"
readonly IAM_JAR="aws-msk-iam-auth-${msk_iam_auth_version}-all.jar"
readonly IAM_URL="https://github.com/aws/aws-msk-iam-auth/releases/download/v${msk_iam_auth_version}/$${IAM_JAR}"

dnf install -y java-21-amazon-corretto-headless jq

workdir="$(mktemp -d)"
cd "$${workdir}"

curl --fail --silent --show-error --location --retry 5 --output "$${KAFKA_TGZ}" "$${KAFKA_URL}"
echo "${kafka_cli_checksum}  $${KAFKA_TGZ}" | ${kafka_cli_checksum_algorithm}sum --check --strict -
mkdir -p "$${KAFKA_HOME}"
tar -xzf "$${KAFKA_TGZ}" -C "$${KAFKA_HOME}" --strip-components=1

curl --fail --silent --show-error --location --retry 5 --output "$${IAM_JAR}" "$${IAM_URL}"
%{ if msk_iam_auth_sha256 != "" ~}
echo "${msk_iam_auth_sha256}  $${IAM_JAR}" | sha256sum --check --strict -
%{ else ~}
# No pinned checksum given: verify against the checksum file published with the release.
curl --fail --silent --show-error --location --retry 5 --output "$${IAM_JAR}.sha256" "$${IAM_URL}.sha256"
echo "$(cut -d' ' -f1 "$${IAM_JAR}.sha256")  $${IAM_JAR}" | sha256sum --check --strict -
%{ endif ~}
mv "$${IAM_JAR}" "$${KAFKA_HOME}/libs/"

cat > "$${KAFKA_HOME}/bin/client-ssl.properties" <<'PROPERTIES'
${client_ssl_properties}
PROPERTIES

cat > "$${KAFKA_HOME}/bin/client-iam.properties" <<'PROPERTIES'
${client_iam_properties}
PROPERTIES

%{ if scram_secret_arn != "" ~}
secret_json="$(aws secretsmanager get-secret-value --region "${region}" --secret-id "${scram_secret_arn}" --query SecretString --output text)"
scram_user="$(jq -r .username <<<"$${secret_json}")"
scram_password="$(jq -r .password <<<"$${secret_json}")"
umask 077
cat > "$${KAFKA_HOME}/bin/client-sasl.properties" <<PROPERTIES
${client_sasl_properties}
PROPERTIES
umask 022
%{ endif ~}

cat > /etc/profile.d/kafka-client.sh <<'PROFILE'
${profile_script}
PROFILE

rm -rf "$${workdir}"
touch "$${KAFKA_HOME}/.ready"
echo "Kafka client ready: $${KAFKA_HOME}"
