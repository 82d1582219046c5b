package io.streamingdata.msk.records.consumer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the documented {@code KAFKA_SECURITY_PROTOCOL} / {@code KAFKA_SASL_*} / {@code KAFKA_SSL_*} settings into
 * Kafka client properties, refusing combinations that cannot work with a message that says what to set.
 */
public final class KafkaClientSecurity {

    public static final String UNKNOWN_PROTOCOL = "KAFKA_SECURITY_PROTOCOL=%s is not supported: use PLAINTEXT "
            + "(local brokers), SSL (MSK unauthenticated TLS, port 9094) or SASL_SSL (MSK IAM, port 9098, or SCRAM, "
            + "port 9096).";
    public static final String MECHANISM_REQUIRED = "KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_MECHANISM: "
            + "AWS_MSK_IAM for IAM access control or SCRAM-SHA-512 for SASL/SCRAM.";
    public static final String UNKNOWN_MECHANISM =
            "KAFKA_SASL_MECHANISM=%s is not supported: use AWS_MSK_IAM or SCRAM-SHA-512.";
    public static final String SCRAM_CREDENTIALS_REQUIRED = "KAFKA_SASL_MECHANISM=SCRAM-SHA-512 needs "
            + "KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (the user of the cluster's AmazonMSK_ secret).";
    public static final String MECHANISM_WITHOUT_SASL = "KAFKA_SASL_MECHANISM=%s is set but "
            + "KAFKA_SECURITY_PROTOCOL is %s; set KAFKA_SECURITY_PROTOCOL=SASL_SSL or remove KAFKA_SASL_MECHANISM.";

    private KafkaClientSecurity() {}

    /** The client properties for the configured security, or an {@link IllegalArgumentException} saying what to fix. */
    public static Map<String, Object> properties(KafkaConsumerConfig config) {
        return properties(KafkaSecuritySettings.of(config));
    }

    /** The same for settings given as plain values (the restore command). */
    public static Map<String, Object> properties(KafkaSecuritySettings config) {
        String protocol = config.securityProtocol().trim().toUpperCase(Locale.ROOT);
        Map<String, Object> properties = new LinkedHashMap<>();
        switch (protocol) {
            case "PLAINTEXT", "SSL" -> {
                config.saslMechanism().ifPresent(mechanism -> {
                    throw new IllegalArgumentException(MECHANISM_WITHOUT_SASL.formatted(mechanism, protocol));
                });
            }
            case "SASL_SSL" -> properties.putAll(sasl(config));
            default -> throw new IllegalArgumentException(UNKNOWN_PROTOCOL.formatted(config.securityProtocol()));
        }
        properties.put("security.protocol", protocol);
        if (!protocol.equals("PLAINTEXT")) {
            config.sslTruststoreLocation().ifPresent(location -> properties.put("ssl.truststore.location", location));
            config.sslTruststorePassword().ifPresent(password -> properties.put("ssl.truststore.password", password));
        }
        return properties;
    }

    private static Map<String, Object> sasl(KafkaSecuritySettings config) {
        String mechanism = config.saslMechanism()
                .map(m -> m.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException(MECHANISM_REQUIRED));
        Map<String, Object> properties = new LinkedHashMap<>();
        switch (mechanism) {
            case "AWS_MSK_IAM" -> {
                properties.put("sasl.mechanism", "AWS_MSK_IAM");
                properties.put("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;");
                properties.put(
                        "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
            }
            case "SCRAM-SHA-512" -> {
                String user = config.saslUsername().orElse("");
                String password = config.saslPassword().orElse("");
                if (user.isBlank() || password.isBlank()) {
                    throw new IllegalArgumentException(SCRAM_CREDENTIALS_REQUIRED);
                }
                properties.put("sasl.mechanism", "SCRAM-SHA-512");
                properties.put(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(user)
                                + "\" password=\"" + escape(password) + "\";");
            }
            default -> throw new IllegalArgumentException(UNKNOWN_MECHANISM.formatted(mechanism));
        }
        return properties;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
