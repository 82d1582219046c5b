package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecuritySettingsTest {

    @Test
    void shouldReadConsumerModesVariablesWithItsDefault() {
        KafkaSecuritySettings settings = KafkaSecuritySettings.fromEnvironment(Map.<String, String>of()::get);

        assertEquals(Map.of("security.protocol", "PLAINTEXT"), KafkaClientSecurity.properties(settings));
    }

    @Test
    void shouldBuildScramPropertiesFromTheVariables() {
        Map<String, String> environment = Map.of(
                "KAFKA_SECURITY_PROTOCOL",
                "SASL_SSL",
                "KAFKA_SASL_MECHANISM",
                "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME",
                "alice",
                "KAFKA_SASL_PASSWORD",
                "s3cr\"t",
                "KAFKA_SSL_TRUSTSTORE_LOCATION",
                "/etc/ts.jks");

        Map<String, Object> properties =
                KafkaClientSecurity.properties(KafkaSecuritySettings.fromEnvironment(environment::get));

        assertEquals("SASL_SSL", properties.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", properties.get("sasl.mechanism"));
        assertEquals(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" "
                        + "password=\"s3cr\\\"t\";",
                properties.get("sasl.jaas.config"));
        assertEquals("/etc/ts.jks", properties.get("ssl.truststore.location"));
    }

    @Test
    void shouldRefuseTheSameMistakesAsConsumerMode() {
        Map<String, String> blankMechanism = Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", " ");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> KafkaClientSecurity.properties(KafkaSecuritySettings.fromEnvironment(blankMechanism::get)));

        assertEquals(KafkaClientSecurity.MECHANISM_REQUIRED, e.getMessage());
    }
}
