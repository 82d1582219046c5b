package io.streamingdata.msk.forwarder.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.ForwarderResponse;
import io.streamingdata.msk.forwarder.ForwarderResponse.BatchItemFailure;
import io.streamingdata.msk.forwarder.ForwarderResponse.ItemIdentifier;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBatchItemFailuresTest {

    @Test
    void shouldNameTheEarliestUndeliveredOffsetOfEachPartition() {
        List<Undeliverable> undelivered = List.of(at("orders", 1, 17), at("orders", 0, 44), at("orders", 0, 41),
                at("orders", 1, 20));

        ForwarderResponse response = new ReportBatchItemFailures().handle(undelivered, 100, "demo-stream");

        assertEquals(List.of(new BatchItemFailure(new ItemIdentifier("orders-1", 17)),
                new BatchItemFailure(new ItemIdentifier("orders-0", 41))), response.batchItemFailures());
    }

    @Test
    void shouldFailTheInvocationWithCountsAndTheFirstReason() {
        List<Undeliverable> undelivered = List.of(at("orders", 0, 41), at("orders", 0, 42));

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> new FailInvocation().handle(undelivered, 10, "demo-stream"));

        assertEquals(FailInvocation.MESSAGE.formatted(2, 10, "demo-stream", "orders-0@41", "InternalFailure: boom"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at-least-once"));
    }

    @Test
    void shouldPickStrategiesByTheirConfiguredName() {
        assertEquals("fail", FailureStrategies.byName("fail", null).name());
        assertEquals("report-batch-item-failures",
                FailureStrategies.byName("report-batch-item-failures", null).name());
        assertEquals("dead-letter", FailureStrategies.byName("dead-letter", null).name());
    }

    private static Undeliverable at(String topic, int partition, long offset) {
        BatchEntry entry = new UndecodableRecord(new TopicPartition(topic, partition), offset, "test");
        return new Undeliverable(entry, "InternalFailure: boom");
    }
}
