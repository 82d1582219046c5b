package io.streamingdata.msk.forwarder.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.deadletter.InMemoryDeadLetterStore;
import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each value of {@code FAILURE_STRATEGY}, given records still undelivered when retries have run out. */
class FailureStrategiesTest {

    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
    private final DeadLetters deadLetters = new DeadLetters(Optional.of(store));

    @Test
    void shouldNameTheEarliestUndeliveredOffsetOfEachPartition() {
        List<Failure> undelivered =
                List.of(at("orders", 1, 17), at("orders", 0, 44), at("orders", 0, 41), at("orders", 1, 20));

        List<Resume> resumes = new ReportBatchItemFailures().resolve(undelivered, 100, "demo-stream");

        assertEquals(
                List.of(
                        new Resume(new TopicPartition("orders", 1), 17),
                        new Resume(new TopicPartition("orders", 0), 41)),
                resumes);
        assertTrue(store.parked().isEmpty());
    }

    @Test
    void shouldFailTheInvocationWithCountsAndTheFirstReason() {
        List<Failure> undelivered = List.of(at("orders", 0, 41), at("orders", 0, 42));

        DeliveryFailedException e = assertThrows(
                DeliveryFailedException.class, () -> new FailInvocation().resolve(undelivered, 10, "demo-stream"));

        assertEquals(
                FailInvocation.MESSAGE.formatted(2, 10, "demo-stream", "orders-0@41", "InternalFailure: boom"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at-least-once"));
    }

    @Test
    void shouldParkUndeliveredRecordsWithTheirReasonAndLetTheBatchSucceed() {
        List<Failure> undelivered = List.of(at("orders", 0, 41), at("orders", 2, 7));

        List<Resume> resumes =
                FailureStrategies.of(StrategyName.DEAD_LETTER, deadLetters).resolve(undelivered, 10, "demo-stream");

        assertEquals(List.of(), resumes, "nothing to read again: every record is parked");
        assertEquals(undelivered, store.parked());
    }

    @Test
    void shouldFailTheInvocationWhenTheDeadLetterStoreFails() {
        store.failWith(new IllegalStateException("S3 is away"));
        List<Failure> undelivered = List.of(at("orders", 0, 41));

        DeliveryFailedException e = assertThrows(
                DeliveryFailedException.class,
                () -> new DeadLetterUndelivered(deadLetters).resolve(undelivered, 10, "demo-stream"));

        assertEquals(
                DeadLetters.PARK_FAILED.formatted(
                        1, "orders-0@41", "InternalFailure: boom", new IllegalStateException("S3 is away")),
                e.getMessage());
        assertTrue(e.getMessage().contains("re-delivers the batch"), e.getMessage());
    }

    @Test
    void shouldFailTheInvocationWhenNoDeadLetterBucketIsSet() {
        DeadLetters none = new DeadLetters(Optional.empty());

        DeliveryFailedException e = assertThrows(
                DeliveryFailedException.class,
                () -> new DeadLetterUndelivered(none).resolve(List.of(at("orders", 3, 9)), 1, "demo-stream"));

        assertEquals(
                DeadLetters.NO_DEAD_LETTER_BUCKET.formatted(1, "orders-3@9", "InternalFailure: boom"), e.getMessage());
    }

    @Test
    void shouldPickStrategiesByTheirConfiguredName() {
        for (String setting : List.of("fail", "report-batch-item-failures", "dead-letter")) {
            StrategyName name = StrategyName.parse(setting).orElseThrow();
            assertEquals(setting, FailureStrategies.of(name, deadLetters).name().setting());
        }
        assertEquals(Optional.of(StrategyName.DEAD_LETTER), StrategyName.parse(" Dead-Letter "));
        assertEquals(Optional.empty(), StrategyName.parse("retry-forever"));
    }

    private static Failure at(String topic, int partition, long offset) {
        BatchEntry entry = new UndecodableRecord(new TopicPartition(topic, partition), offset, "test");
        return new Failure(entry, Cause.UNDELIVERED, "InternalFailure: boom");
    }
}
