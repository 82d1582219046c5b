package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.ForwarderResponse.BatchItemFailure;
import io.streamingdata.msk.forwarder.ForwarderResponse.ItemIdentifier;
import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.deadletter.InMemoryDeadLetterStore;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.forwarder.delivery.ScriptedFirehose;
import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.forwarder.strategy.FailureStrategies;
import io.streamingdata.msk.forwarder.strategy.StrategyName;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * The forwarding steps with their edges replaced: Firehose answers as a test says, dead letters are kept in memory,
 * metrics are collected. Each test follows records from the batch to where they end up.
 */
class ForwardingServiceTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
    private final List<ForwardSummary> summaries = new ArrayList<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void shouldDeliverRecordsParkWhatFirehoseCannotTakeAndSkipTombstonesItCannotCarry() {
        ScriptedFirehose firehose = new ScriptedFirehose(ScriptedFirehose::acceptAll);
        KafkaRecord first = record(0, 1, "{\"tick\":1}");
        KafkaRecord tombstone = record(0, 2, null);
        UndecodableRecord undecodable =
                new UndecodableRecord(new TopicPartition("ticks", 0), 3, "a header of another shape");
        KafkaRecord tooLarge = record(0, 4, "x".repeat(1_024_000));
        KafkaRecord last = record(1, 9, "plain text");

        ForwarderResponse response = service(firehose, OutputFormat.VALUE, StrategyName.FAIL, true)
                .forward(batch(first, tombstone, undecodable, tooLarge, last), Deadline.in(60_000));

        assertEquals(ForwarderResponse.success(), response);
        assertEquals(List.of("{\"tick\":1}\nplain text\n"), sentData(firehose));
        assertEquals(
                List.of(
                        new Failure(undecodable, Cause.UNDECODABLE, "a header of another shape"),
                        new Failure(
                                tooLarge,
                                Cause.RECORD_TOO_LARGE,
                                BatchPacker.TOO_LARGE.formatted(1_024_001, 1_024_000))),
                store.parked());
        ForwardSummary summary = summaries.get(0);
        assertEquals(5, summary.recordsIn());
        assertEquals(2, summary.delivered());
        assertEquals(1, summary.skipped());
        assertEquals(2, summary.deadLettered());
        assertEquals(0, summary.failed());
        assertEquals(1, summary.firehoseRecords());
    }

    @Test
    void shouldKeepTombstonesInTheEnvelope() {
        ScriptedFirehose firehose = new ScriptedFirehose(ScriptedFirehose::acceptAll);

        service(firehose, OutputFormat.ENVELOPE, StrategyName.FAIL, true)
                .forward(batch(record(0, 2, null)), Deadline.in(60_000));

        assertEquals(1, sentData(firehose).size());
        assertTrue(
                sentData(firehose).get(0).contains("\"value\":null"),
                sentData(firehose).get(0));
        assertEquals(0, summaries.get(0).skipped());
        assertEquals(1, summaries.get(0).delivered());
    }

    @Test
    void shouldFailBeforeSendingAnythingWhenARecordMustBeParkedAndNoBucketIsSet() {
        ScriptedFirehose firehose = new ScriptedFirehose(ScriptedFirehose::acceptAll);
        UndecodableRecord undecodable = new UndecodableRecord(new TopicPartition("ticks", 0), 3, "bad header");
        ForwardingService service = new ForwardingService(
                "demo-stream",
                new BatchPacker(new RecordLineEncoder(OutputFormat.VALUE), new RecordPacker(true, 1_024_000)),
                delivery(firehose),
                new DeadLetters(Optional.empty()),
                FailureStrategies.of(StrategyName.FAIL, new DeadLetters(Optional.empty())),
                summary());

        DeliveryFailedException e = assertThrows(
                DeliveryFailedException.class,
                () -> service.forward(batch(record(0, 1, "a"), undecodable), Deadline.in(60_000)));

        assertEquals(DeadLetters.NO_DEAD_LETTER_BUCKET.formatted(1, "ticks-0@3", "bad header"), e.getMessage());
        assertEquals(List.of(), firehose.requests(), "the retried batch must not deliver its records twice");
    }

    @Test
    void shouldResolveEveryKafkaRecordOfARefusedFirehoseRecordToItsPartition() {
        ScriptedFirehose firehose = new ScriptedFirehose(request -> {
            throw ServiceUnavailableException.builder().message("Slow down.").build();
        });

        ForwarderResponse response = service(
                        firehose, OutputFormat.VALUE, StrategyName.REPORT_BATCH_ITEM_FAILURES, true)
                .forward(batch(record(1, 7, "a"), record(0, 40, "b"), record(0, 41, "c")), Deadline.in(60_000));

        assertEquals(
                List.of(
                        new BatchItemFailure(new ItemIdentifier("ticks-0", 40)),
                        new BatchItemFailure(new ItemIdentifier("ticks-1", 7))),
                response.batchItemFailures());
        assertEquals(3, summaries.get(0).failed());
        assertEquals(0, summaries.get(0).delivered());
    }

    @Test
    void shouldParkUndeliveredRecordsWithTheDeadLetterStrategy() {
        ScriptedFirehose firehose = new ScriptedFirehose(request ->
                ScriptedFirehose.refuse(request, "ServiceUnavailableException", positionsOf(request, "b\n")));
        KafkaRecord refused = record(0, 2, "b");

        ForwarderResponse response = service(firehose, OutputFormat.VALUE, StrategyName.DEAD_LETTER, false)
                .forward(batch(record(0, 1, "a"), refused, record(0, 3, "c")), Deadline.in(60_000));

        assertEquals(ForwarderResponse.success(), response);
        assertEquals(
                List.of(new Failure(refused, Cause.UNDELIVERED, "ServiceUnavailableException: Slow down.")),
                store.parked());
        assertEquals(2, summaries.get(0).delivered());
        assertEquals(1, summaries.get(0).failed());
    }

    @Test
    void shouldRefuseAMissingEvent() {
        ForwardingService service =
                service(new ScriptedFirehose(ScriptedFirehose::acceptAll), OutputFormat.VALUE, StrategyName.FAIL, true);

        assertThrows(InvalidKafkaEventException.class, () -> service.forward(null, Deadline.in(60_000)));
    }

    private ForwardingService service(
            ScriptedFirehose firehose, OutputFormat format, StrategyName strategy, boolean aggregate) {
        DeadLetters deadLetters = new DeadLetters(Optional.of(store));
        return new ForwardingService(
                "demo-stream",
                new BatchPacker(new RecordLineEncoder(format), new RecordPacker(aggregate, 1_024_000)),
                delivery(firehose),
                deadLetters,
                FailureStrategies.of(strategy, deadLetters),
                summary());
    }

    private FirehoseDelivery delivery(ScriptedFirehose firehose) {
        return new FirehoseDelivery(
                firehose, callers, 2, new RetryPolicy(3, 1, 2, 0, new SplittableRandom(1)), millis -> {});
    }

    private MetricsSink summary() {
        return (stream, summary) -> summaries.add(summary);
    }

    private static List<String> sentData(ScriptedFirehose firehose) {
        return firehose.requests().stream()
                .flatMap(request -> request.records().stream())
                .map(record -> record.data().asString(StandardCharsets.UTF_8))
                .toList();
    }

    /** Where records with exactly {@code data} are in the request: refused every time they are sent. */
    private static List<Integer> positionsOf(PutRecordBatchRequest request, String data) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            if (request.records().get(i).data().asString(StandardCharsets.UTF_8).equals(data)) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static KafkaRecord record(int partition, long offset, String value) {
        return new KafkaRecord(
                new TopicPartition("ticks", partition),
                offset,
                1_764_100_800_000L,
                TimestampType.CREATE_TIME,
                null,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    private static KafkaBatch batch(BatchEntry... entries) {
        return new KafkaBatch(EventSource.KAFKA_CONSUMER, null, null, List.of(entries));
    }
}
