package io.streamingdata.msk.records.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Consumer mode: the function's consumer-mode application reads a Kafka topic itself, where in Lambda an event source
 * mapping invokes the function. Each setting is filled from the environment variable named in its description (see
 * {@code META-INF/microprofile-config.properties} of this module and the README's configuration table).
 */
@ConfigMapping(prefix = "kafka-consumer")
public interface KafkaConsumerConfig {

    /** {@code KAFKA_SECURITY_PROTOCOL}: {@code PLAINTEXT}, {@code SSL} or {@code SASL_SSL}. */
    @WithDefault("PLAINTEXT")
    String securityProtocol();

    /** {@code KAFKA_SASL_MECHANISM}: with {@code SASL_SSL}, {@code AWS_MSK_IAM} or {@code SCRAM-SHA-512}. */
    Optional<String> saslMechanism();

    /** {@code KAFKA_SASL_USERNAME}: the SCRAM user name. */
    Optional<String> saslUsername();

    /** {@code KAFKA_SASL_PASSWORD}: the SCRAM password. */
    Optional<String> saslPassword();

    /** {@code KAFKA_SSL_TRUSTSTORE_LOCATION}: a truststore for SSL; the JDK's default trusts Amazon MSK. */
    Optional<String> sslTruststoreLocation();

    /** {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}: its password, if it has one. */
    Optional<String> sslTruststorePassword();

    /** {@code KAFKA_GROUP_INSTANCE_ID}: makes the consumer a static member of its group ({@link StaticMembership}). */
    Optional<String> groupInstanceId();

    /** {@code AWS_LAMBDA_FUNCTION_NAME}, set by Lambda itself: tells that the function runs inside Lambda. */
    Optional<String> lambdaFunctionName();
}
