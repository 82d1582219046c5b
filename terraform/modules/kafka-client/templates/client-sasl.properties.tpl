# SASL/SCRAM (port 9096). Username and password were read from Secrets Manager at boot (${scram_secret_arn}).
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$${scram_user}" password="$${scram_password}";
