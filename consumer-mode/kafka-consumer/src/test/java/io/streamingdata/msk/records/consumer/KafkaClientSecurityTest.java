package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void shouldUsePlaintextByDefault() {
        assertEquals(
                Map.of("security.protocol", "PLAINTEXT"),
                KafkaClientSecurity.properties(config("PLAINTEXT", null, null, null, null)));
    }

    @Test
    void shouldConfigureTlsWithAnOptionalTruststore() {
        TestConfig config = config("ssl", null, null, null, null);
        config.truststore = Optional.of("/etc/kafka/truststore.jks");

        Map<String, Object> properties = KafkaClientSecurity.properties(config);

        assertEquals("SSL", properties.get("security.protocol"));
        assertEquals("/etc/kafka/truststore.jks", properties.get("ssl.truststore.location"));
    }

    @Test
    void shouldConfigureMskIamAuthentication() {
        Map<String, Object> properties =
                KafkaClientSecurity.properties(config("SASL_SSL", "AWS_MSK_IAM", null, null, null));

        assertEquals("AWS_MSK_IAM", properties.get("sasl.mechanism"));
        assertEquals(
                "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
                properties.get("sasl.client.callback.handler.class"));
    }

    @Test
    void shouldConfigureScramAndEscapeTheCredentials() {
        Map<String, Object> properties =
                KafkaClientSecurity.properties(config("SASL_SSL", "SCRAM-SHA-512", "alice", "p\"w\\d", null));

        assertEquals("SCRAM-SHA-512", properties.get("sasl.mechanism"));
        assertEquals(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" "
                        + "password=\"p\\\"w\\\\d\";",
                properties.get("sasl.jaas.config"));
    }

    @Test
    void shouldRefuseIncompleteOrUnknownSecuritySettings() {
        assertMessage(KafkaClientSecurity.UNKNOWN_PROTOCOL.formatted("TLS"), config("TLS", null, null, null, null));
        assertMessage(KafkaClientSecurity.MECHANISM_REQUIRED, config("SASL_SSL", null, null, null, null));
        assertMessage(
                KafkaClientSecurity.UNKNOWN_MECHANISM.formatted("PLAIN"),
                config("SASL_SSL", "PLAIN", null, null, null));
        assertMessage(
                KafkaClientSecurity.SCRAM_CREDENTIALS_REQUIRED,
                config("SASL_SSL", "SCRAM-SHA-512", "alice", null, null));
        assertMessage(
                KafkaClientSecurity.MECHANISM_WITHOUT_SASL.formatted("AWS_MSK_IAM", "SSL"),
                config("SSL", "AWS_MSK_IAM", null, null, null));
    }

    @Test
    void shouldRefuseToStartAConsumerInsideLambda() {
        TestConfig config = config("PLAINTEXT", null, null, null, "consumer-logger-dev");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConsumerModeGuard.verify(config));

        assertEquals(ConsumerModeGuard.CONSUMER_IN_LAMBDA.formatted("consumer-logger-dev"), e.getMessage());
    }

    @Test
    void shouldCheckTheSecuritySettingsBeforeStarting() {
        TestConfig local = config("SASL_SSL", null, null, null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConsumerModeGuard.verify(local));
        assertTrue(e.getMessage().contains("KAFKA_SASL_MECHANISM"));

        ConsumerModeGuard.verify(config("SASL_SSL", "AWS_MSK_IAM", null, null, null));
    }

    private static void assertMessage(String expected, KafkaConsumerConfig config) {
        assertEquals(
                expected,
                assertThrows(IllegalArgumentException.class, () -> KafkaClientSecurity.properties(config))
                        .getMessage());
    }

    private static TestConfig config(
            String protocol, String mechanism, String user, String password, String lambdaFunction) {
        TestConfig config = new TestConfig();
        config.protocol = protocol;
        config.mechanism = Optional.ofNullable(mechanism);
        config.user = Optional.ofNullable(user);
        config.password = Optional.ofNullable(password);
        config.lambdaFunction = Optional.ofNullable(lambdaFunction);
        return config;
    }

    private static final class TestConfig implements KafkaConsumerConfig {
        String protocol;
        Optional<String> mechanism = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Optional<String> truststore = Optional.empty();
        Optional<String> lambdaFunction = Optional.empty();

        @Override
        public String securityProtocol() {
            return protocol;
        }

        @Override
        public Optional<String> saslMechanism() {
            return mechanism;
        }

        @Override
        public Optional<String> saslUsername() {
            return user;
        }

        @Override
        public Optional<String> saslPassword() {
            return password;
        }

        @Override
        public Optional<String> sslTruststoreLocation() {
            return truststore;
        }

        @Override
        public Optional<String> sslTruststorePassword() {
            return Optional.empty();
        }

        @Override
        public Optional<String> groupInstanceId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> lambdaFunctionName() {
            return lambdaFunction;
        }
    }
}
