package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ConsumerRecordBatchesTest {

    @Test
    void shouldBuildTheSameRecordsAsTheLambdaEventPath() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("source", "web".getBytes(StandardCharsets.UTF_8));
        headers.add("note", "ë".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> polled = new ConsumerRecord<>(
                "orders",
                0,
                41,
                1764100800000L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                7,
                19,
                "order-7".getBytes(StandardCharsets.UTF_8),
                "{\"id\":7,\"sum\":9.99}".getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>(
                "orders",
                1,
                17,
                1764100801000L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                7,
                -1,
                "order-8".getBytes(StandardCharsets.UTF_8),
                null,
                new RecordHeaders(),
                Optional.empty());

        KafkaBatch fromConsumer = ConsumerRecordBatches.fromConsumerRecords(List.of(polled, tombstone));
        KafkaBatch fromLambda = EventFixtures.decode("msk-basic.json");

        assertEquals(EventSource.KAFKA_CONSUMER, fromConsumer.source());
        assertEquals(fromLambda.records(), fromConsumer.records());
        assertTrue(fromConsumer.records().get(1).isTombstone());
        assertArrayEquals(
                "ë".getBytes(StandardCharsets.UTF_8),
                fromConsumer.records().get(0).headers().get(1).value());
    }
}
