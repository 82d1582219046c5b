package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class ExitOnFailureTest {

    private final List<Throwable> reported = new ArrayList<>();
    private final List<Boolean> fatal = new ArrayList<>();
    private final List<String> exits = new ArrayList<>();
    private final ExitOnFailure strategy = new ExitOnFailure(
            (failure, isFatal) -> {
                reported.add(failure);
                fatal.add(isFatal);
            },
            exits::add);

    @Test
    void shouldStopTheConsumerAndExitOnTheFirstFailedRecord() {
        IllegalStateException reason = new IllegalStateException("a batch of 2 records (orders-0@5-6) failed");

        Uni<Void> outcome = strategy.handle(record(5), reason, Metadata.empty());

        assertEquals(List.of(reason), reported);
        assertEquals(List.of(true), fatal, "the consumer must close, committing nothing more");
        assertEquals(List.of(ConsumerLivenessWatch.NOT_ALIVE.formatted(reason.getMessage())), exits);
        assertSame(
                reason,
                assertThrows(IllegalStateException.class, () -> outcome.await().atMost(Duration.ofSeconds(5))),
                "the record is not acknowledged");
    }

    @Test
    void shouldReportABatchOnceThoughItsRecordsAreEachNacked() {
        IllegalStateException reason = new IllegalStateException("a batch failed");

        strategy.handle(record(5), reason, Metadata.empty());
        Uni<Void> second = strategy.handle(record(6), reason, Metadata.empty());
        strategy.handle(record(7), new IllegalStateException("the batch queued behind it"), Metadata.empty());

        assertEquals(1, reported.size());
        assertEquals(1, exits.size());
        assertThrows(IllegalStateException.class, () -> second.await().atMost(Duration.ofSeconds(5)));
    }

    private IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(
                new ConsumerRecord<>("orders", 0, offset, "key", "value"), "records", -1, null, strategy, false);
    }
}
