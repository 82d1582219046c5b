package io.streamingdata.msk.logger;

import io.streamingdata.msk.records.LogLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.streamingdata.msk.records.consumer.KafkaConsumerConfig;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inside Lambda the event source mapping is the consumer: with the real Kafka connector configured, as in the
 * packaged function, and the variables Lambda sets, no Kafka consumer may exist, and events are still handled.
 * No native twin: it inspects the application's beans.
 */
@QuarkusTest
@TestProfile(LambdaModeTest.InsideLambda.class)
class LambdaModeTest {

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    KafkaConsumerConfig consumerConfig;

    @Test
    void shouldStartNoKafkaConsumerInsideLambda() {
        assertTrue(consumerConfig.lambdaFunctionName().isPresent(), "the profile simulates Lambda");
        assertFalse(consumerConfig.enabled());
        assertTrue(kafkaClients.getConsumerChannels().isEmpty(), "consumers: " + kafkaClients.getConsumerChannels());
        assertEquals(null, kafkaClients.getConsumer("records"));
    }

    @Test
    void shouldStillHandleEventsFromTheEventSourceMapping() {
        LogLines lines = LogLines.capture(() -> ConsumerLoggerHandlerTest.invoke("msk-basic.json").statusCode(200));

        assertEquals(2, lines.ofType("record").size());
        assertTrue(kafkaClients.getConsumerChannels().isEmpty());
    }

    public static class InsideLambda implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The packaged configuration (real Kafka connector, production default for the switch) plus what Lambda
            // puts in the environment.
            return Map.of("mp.messaging.incoming.records.connector", "smallrye-kafka",
                    "kafka-consumer.enabled", "${KAFKA_CONSUMER_ENABLED:false}",
                    "mp.messaging.incoming.records.bootstrap.servers", "127.0.0.1:1",
                    "kafka-consumer.lambda-function-name", "consumer-logger-test");
        }
    }
}
