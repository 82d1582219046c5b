package io.streamingdata.msk.records.consumer;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The documented {@code KAFKA_SECURITY_PROTOCOL} / {@code KAFKA_SASL_*} / {@code KAFKA_SSL_*} settings as plain
 * values, so that a command outside the functions (the backup restore) builds its Kafka clients with exactly the rules
 * of consumer mode. {@link #fromEnvironment(Function)} reads the same variables.
 */
public record KafkaSecuritySettings(
        String securityProtocol,
        Optional<String> saslMechanism,
        Optional<String> saslUsername,
        Optional<String> saslPassword,
        Optional<String> sslTruststoreLocation,
        Optional<String> sslTruststorePassword) {

    public KafkaSecuritySettings {
        Objects.requireNonNull(securityProtocol, "securityProtocol");
    }

    /** The settings consumer mode was configured with. */
    public static KafkaSecuritySettings of(KafkaConsumerConfig config) {
        return new KafkaSecuritySettings(
                config.securityProtocol(),
                config.saslMechanism(),
                config.saslUsername(),
                config.saslPassword(),
                config.sslTruststoreLocation(),
                config.sslTruststorePassword());
    }

    /**
     * The settings from the variables consumer mode reads ({@code System::getenv}), with its default
     * {@code PLAINTEXT}; blank values count as unset, as in consumer mode's configuration.
     */
    public static KafkaSecuritySettings fromEnvironment(Function<String, String> environment) {
        return new KafkaSecuritySettings(
                variable(environment, "KAFKA_SECURITY_PROTOCOL").orElse("PLAINTEXT"),
                variable(environment, "KAFKA_SASL_MECHANISM"),
                variable(environment, "KAFKA_SASL_USERNAME"),
                variable(environment, "KAFKA_SASL_PASSWORD"),
                variable(environment, "KAFKA_SSL_TRUSTSTORE_LOCATION"),
                variable(environment, "KAFKA_SSL_TRUSTSTORE_PASSWORD"));
    }

    private static Optional<String> variable(Function<String, String> environment, String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
    }
}
