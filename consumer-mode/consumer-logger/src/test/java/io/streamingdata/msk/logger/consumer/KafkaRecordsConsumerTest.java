package io.streamingdata.msk.logger.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.streamingdata.msk.records.LogLines;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The consumer-mode path through the {@code records} channel, on the in-memory connector. That connector ignores
 * the Kafka connector's batching, so the test hands it a {@link ConsumerRecords} batch as the Kafka connector would.
 * No native twin: the in-memory connector exists only inside the test JVM.
 */
@QuarkusTest
class KafkaRecordsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldLogEachPolledRecordLikeTheLambdaPathDoes() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "a1".getBytes(StandardCharsets.UTF_8));
        headers.add("trace", "b2".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> tick = record(0, 5, "AMZN", "{\"ticker\":\"AMZN\",\"price\":61.17}", headers);
        ConsumerRecord<byte[], byte[]> tombstone = record(1, 9, "AMZN", null, new RecordHeaders());
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(
                Map.of(
                        new TopicPartition("ticks", 0),
                        List.of(tick),
                        new TopicPartition("ticks", 1),
                        List.of(tombstone)),
                Map.<TopicPartition, OffsetAndMetadata>of());
        InMemorySource<ConsumerRecords<byte[], byte[]>> source = connector.source("records");
        LogLines lines;

        try (LogLines.StdoutCapture capture = LogLines.StdoutCapture.start()) {
            source.send(polled);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !capture.lines().ofType("batch").isEmpty());
            lines = capture.lines();
        }

        JsonNode summary = lines.only("batch");
        assertEquals("KAFKA_CONSUMER", summary.get("source").asText());
        assertEquals(2, summary.get("logged").asInt());
        assertEquals(1, summary.get("tombstones").asInt());
        JsonNode logged = lines.record("ticks", 0, 5);
        assertEquals(61.17, logged.get("value").get("price").asDouble());
        assertEquals("b2", logged.get("headers").get(1).get("value").asText());
        assertTrue(lines.record("ticks", 1, 9).get("tombstone").asBoolean());
    }

    /**
     * Standard output fails (a broken pipe, a full disk): a PrintStream only records the error, so without a check
     * the batch would be acknowledged, committed and its lines lost. It must be nacked instead.
     */
    @Test
    void shouldNackABatchWhoseLinesCouldNotBeWritten() {
        ConsumerRecord<byte[], byte[]> tick =
                record(2, 77, "MSFT", "{\"ticker\":\"MSFT\",\"price\":12.5}", new RecordHeaders());
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(
                Map.of(new TopicPartition("ticks", 2), List.of(tick)), Map.<TopicPartition, OffsetAndMetadata>of());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Throwable> nacked = new CompletableFuture<>();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(new FailingOutput(), true, StandardCharsets.UTF_8));
            connector
                    .<Message<ConsumerRecords<byte[], byte[]>>>source("records")
                    .send(Message.of(
                            polled,
                            () -> {
                                acked.complete(null);
                                return CompletableFuture.completedFuture(null);
                            },
                            reason -> {
                                nacked.complete(reason);
                                return CompletableFuture.completedFuture(null);
                            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> nacked.isDone() || acked.isDone());
        } finally {
            System.setOut(original);
        }

        assertFalse(acked.isDone(), "a batch whose lines were lost was acknowledged");
        assertEquals(
                KafkaRecordsConsumer.OUTPUT_FAILED.formatted(1, "ticks-2@77-77"),
                nacked.join().getMessage());
    }

    /** Standard output on a closed pipe: every write fails. */
    private static final class FailingOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(
            int partition, long offset, String key, String value, RecordHeaders headers) {
        byte[] valueBytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(
                "ticks",
                partition,
                offset,
                1764100800000L,
                TimestampType.CREATE_TIME,
                key.length(),
                valueBytes == null ? -1 : valueBytes.length,
                key.getBytes(StandardCharsets.UTF_8),
                valueBytes,
                headers,
                Optional.empty());
    }
}
