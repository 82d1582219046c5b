package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticMembershipTest {

    @Test
    void shouldLeaveTheConsumerDynamicWhenUnset() {
        assertEquals(Map.of(), StaticMembership.properties(Optional.empty()));
    }

    @Test
    void shouldPassTheIdToTheConsumer() {
        assertEquals(
                Map.of("group.instance.id", "local-stack-logger"),
                StaticMembership.properties(Optional.of("local-stack-logger")));
    }

    /** Ids the Kafka client itself accepts, up to its length limit. */
    @ParameterizedTest
    @ValueSource(strings = {"a", "consumer-logger.dev_1", "...", "A-Z.0-9_"})
    void shouldAcceptWhatKafkaAccepts(String id) {
        assertDoesNotThrow(() -> JoinGroupRequest.validateGroupInstanceId(id));
        assertEquals(Map.of("group.instance.id", id), StaticMembership.properties(Optional.of(id)));
        String longest = "x".repeat(249);
        JoinGroupRequest.validateGroupInstanceId(longest);
        assertEquals(longest, StaticMembership.properties(Optional.of(longest)).get("group.instance.id"));
    }

    /** Ids the Kafka client refuses when it joins (with InvalidConfigurationException): refused at start, named. */
    @ParameterizedTest
    @ValueSource(strings = {".", "..", "logger 1", "logger/1", "logger:1", "ünïcode", " logger"})
    void shouldRefuseWhatKafkaRefusesSayingWhatToUse(String id) {
        assertThrows(InvalidConfigurationException.class, () -> JoinGroupRequest.validateGroupInstanceId(id));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> StaticMembership.properties(Optional.of(id)));
        assertEquals(StaticMembership.INVALID_ID.formatted(id), e.getMessage());
    }

    @Test
    void shouldRefuseAnIdLongerThanKafkaAllows() {
        String id = "x".repeat(250);
        assertThrows(InvalidConfigurationException.class, () -> JoinGroupRequest.validateGroupInstanceId(id));
        assertThrows(IllegalArgumentException.class, () -> StaticMembership.properties(Optional.of(id)));
    }
}
