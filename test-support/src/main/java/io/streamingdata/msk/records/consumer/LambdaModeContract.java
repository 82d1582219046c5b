package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
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
