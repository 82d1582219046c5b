package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Inside Lambda the event source mapping is the consumer: with the real Kafka connector configured, as in the
 * packaged function, and the variables Lambda sets, no Kafka consumer may exist. Each function's test extends this
 * with {@code @QuarkusTest @TestProfile(LambdaModeContract.InsideLambda.class)} and adds that events are still
 * handled. No native twins: these tests inspect the application's beans.
 */
public abstract class LambdaModeContract {

    @Inject
    protected KafkaClientService kafkaClients;

    @Inject
    protected KafkaConsumerConfig consumerConfig;

    @Inject
    protected ObjectMapper mapper;

    /**
     * The application's mapper is the plain one (PlainObjectMapper), so the copy Quarkus's Lambda extension makes at
     * start carries only the two modules the extension adds itself, not quarkus-jackson's java.time, Optional,
     * parameter-names and Vert.x ones, whose set-up the start would otherwise pay for.
     */
    @Test
    void shouldStartWithThePlainObjectMapper() {
        assertEquals(Set.of(), mapper.getRegisteredModuleIds());
        Set<Object> lambdaModules = AmazonLambdaMapperRecorder.objectMapper.getRegisteredModuleIds();
        assertEquals(2, lambdaModules.size(), "modules: " + lambdaModules);
        assertTrue(
                lambdaModules.stream()
                        .noneMatch(id -> id.toString().matches("(?i).*(jsr310|jdk8|parameter-names|vertx).*")),
                "modules: " + lambdaModules);
    }

    @Test
    void shouldStartNoKafkaConsumerInsideLambda() {
        assertTrue(consumerConfig.lambdaFunctionName().isPresent(), "the profile simulates Lambda");
        assertFalse(consumerConfig.enabled());
        assertTrue(kafkaClients.getConsumerChannels().isEmpty(), "consumers: " + kafkaClients.getConsumerChannels());
        assertNull(kafkaClients.getConsumer("records"));
    }

    /** The packaged configuration (real Kafka connector, production default for the switch) plus Lambda's variables. */
    public static class InsideLambda implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.records.connector",
                    "smallrye-kafka",
                    "kafka-consumer.enabled",
                    "${KAFKA_CONSUMER_ENABLED:false}",
                    "mp.messaging.incoming.records.bootstrap.servers",
                    "127.0.0.1:1",
                    "kafka-consumer.lambda-function-name",
                    "function-under-test");
        }
    }
}
