# Kafka client environment (written by the instance's user data).
export KAFKA_HOME="${kafka_home}"
export PATH="$${KAFKA_HOME}/bin:$${PATH}"
export AWS_REGION="${region}"
export MSK_CLUSTER_ARN="${cluster_arn}"
export BOOTSTRAP_TLS="${bootstrap_brokers_tls}"
export BOOTSTRAP_IAM="${bootstrap_brokers_sasl_iam}"
export BOOTSTRAP_SCRAM="${bootstrap_brokers_sasl_scram}"
