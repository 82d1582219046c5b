package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a function's Lambda package starts with, and what it leaves out. Each function's test extends this with
 * {@code @QuarkusTest} and adds that events are handled. No native twins: these tests inspect the application.
 */
public abstract class LambdaModeContract {

    /**
     * Consumer mode is an application of its own (consumer-mode/): in Lambda the event source mapping is the
     * consumer, and the Kafka client and SmallRye Reactive Messaging, which cost the start some 300 ms and a
     * thousand classes, are not in the package at all.
     */
    static final List<String> CONSUMER_MODE_CLASSES = List.of(
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "io.smallrye.reactive.messaging.kafka.KafkaConnector",
            "org.eclipse.microprofile.reactive.messaging.Incoming");

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
    void shouldHoldNoKafkaConsumer() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : CONSUMER_MODE_CLASSES) {
            assertThrows(
                    ClassNotFoundException.class,
                    () -> Class.forName(name, false, loader),
                    name + " is on the function's class path: consumer mode belongs in consumer-mode/");
        }
    }
}
