package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/** The delivery loop against a client that answers as a test says, with a sleeper that records its waits. */
class FirehoseDeliveryTest {

    private static final int MAX_ATTEMPTS = 4;
    private static final long BACKOFF_BASE_MS = 50;
    private static final long BACKOFF_MAX_MS = 500;

    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private final List<Long> waits = new ArrayList<>();
    private final Sleeper sleeper = millis -> {
        synchronized (waits) {
            waits.add(millis);
        }
    };

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void shouldSendEveryRecordOnceWhenFirehoseAcceptsThem() {
        ScriptedFirehose firehose = new ScriptedFirehose(ScriptedFirehose::acceptAll);
        List<PackedRecord> records = packed(6, 2);

        DeliveryReport report = delivery(firehose).deliver("demo-stream", records, Deadline.in(60_000));

        assertEquals(List.of(), report.undelivered());
        assertEquals(1, report.attempts());
        assertEquals(firehose.requests().size(), report.calls());
        assertEquals(0, report.retriedRecords());
        assertEquals(records.stream().mapToLong(record -> record.data().length).sum(), report.bytesSent());
        assertTrue(waits.isEmpty(), "no backoff without a retry");
    }

    @Test
    void shouldResendExactlyTheEntriesFirehoseRefusedByPosition() {
        AtomicInteger call = new AtomicInteger();
        ScriptedFirehose firehose = new ScriptedFirehose(request -> call.incrementAndGet() == 1
                ? ScriptedFirehose.refuse(request, "ServiceUnavailableException", List.of(1))
                : ScriptedFirehose.acceptAll(request));
        List<PackedRecord> records = packed(3, 1);

        DeliveryReport report = new FirehoseDelivery(firehose, callers, 1, policy(), sleeper)
                .deliver("demo-stream", records, Deadline.in(60_000));

        assertEquals(List.of(), report.undelivered());
        assertEquals(2, report.attempts());
        assertEquals(1, report.retriedRecords());
        PutRecordBatchRequest resend = firehose.requests().get(1);
        assertEquals(1, resend.records().size());
        assertEquals(
                text(records.get(1).data()), text(resend.records().get(0).data().asByteArray()));
        assertEquals(1, waits.size());
        assertTrue(waits.get(0) >= 0 && waits.get(0) <= BACKOFF_BASE_MS, "first wait within the base: " + waits);
    }

    @Test
    void shouldResendEveryEntryOfACallThatFailedAsAWhole() {
        AtomicInteger call = new AtomicInteger();
        ScriptedFirehose firehose = new ScriptedFirehose(request -> {
            if (call.incrementAndGet() == 1) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            return ScriptedFirehose.acceptAll(request);
        });

        DeliveryReport report = new FirehoseDelivery(firehose, callers, 1, policy(), sleeper)
                .deliver("demo-stream", packed(5, 1), Deadline.in(60_000));

        assertEquals(List.of(), report.undelivered());
        assertEquals(5, firehose.requests().get(1).records().size());
        assertEquals(5, report.retriedRecords());
    }

    @Test
    void shouldReportEachKafkaRecordOfWhatIsLeftWhenAttemptsRunOut() {
        ScriptedFirehose firehose = new ScriptedFirehose(request -> {
            throw ServiceUnavailableException.builder().message("Slow down.").build();
        });
        List<PackedRecord> records = packed(6, 3);

        DeliveryReport report = delivery(firehose).deliver("demo-stream", records, Deadline.in(60_000));

        assertEquals(MAX_ATTEMPTS, report.attempts());
        assertEquals(MAX_ATTEMPTS - 1, waits.size(), "a wait between attempts, none after the last");
        assertTrue(waits.stream().allMatch(wait -> wait >= 0 && wait <= BACKOFF_MAX_MS), waits.toString());
        List<KafkaRecord> all =
                records.stream().flatMap(record -> record.records().stream()).toList();
        assertEquals(
                all,
                report.undelivered().stream().map(Failure::entry).toList(),
                "every Kafka record of every packed record, in batch order");
        assertTrue(report.undelivered().stream().allMatch(failure -> failure.cause() == Cause.UNDELIVERED));
        assertTrue(
                report.undelivered().get(0).reason().startsWith("ServiceUnavailableException: Slow down."),
                report.undelivered().get(0).reason());
    }

    @Test
    void shouldTreatAMissingResponseEntryAsNotAccepted() {
        ScriptedFirehose firehose = new ScriptedFirehose(request -> PutRecordBatchResponse.builder()
                .failedPutCount(0)
                .requestResponses(ScriptedFirehose.acceptAll(request)
                        .requestResponses()
                        .subList(0, request.records().size() - 1))
                .build());
        List<PackedRecord> records = packed(2, 1);

        DeliveryReport report = new FirehoseDelivery(firehose, callers, 1, policy(), sleeper)
                .deliver("demo-stream", records, Deadline.in(60_000));

        assertEquals(
                records.get(1).records(),
                report.undelivered().stream().map(Failure::entry).toList());
        assertEquals(
                "no response entry for this record", report.undelivered().get(0).reason());
    }

    @Test
    void shouldNotRetryWhenTheInvocationHasNoTimeLeftBeyondItsMargin() {
        ScriptedFirehose firehose = new ScriptedFirehose(
                request -> ScriptedFirehose.refuse(request, "ServiceUnavailableException", List.of(0)));

        DeliveryReport report = delivery(firehose).deliver("demo-stream", packed(1, 1), Deadline.in(1_000));

        assertEquals(1, report.attempts(), "1 s left is all safety margin: no time for a wait and a resend");
        assertTrue(waits.isEmpty());
        assertEquals(1, report.undelivered().size());
    }

    @Test
    void shouldKeepRetryingInConsumerModeUntilFirehoseComesBack() {
        AtomicInteger call = new AtomicInteger();
        int refusals = 3 * MAX_ATTEMPTS;
        ScriptedFirehose firehose = new ScriptedFirehose(request -> call.incrementAndGet() <= refusals
                ? ScriptedFirehose.refuse(request, "ServiceUnavailableException", List.of(0))
                : ScriptedFirehose.acceptAll(request));

        DeliveryReport report = new FirehoseDelivery(firehose, callers, 1, policy(), sleeper)
                .deliver("demo-stream", packed(1, 1), Deadline.retryBudget(60_000, 1_000));

        assertEquals(List.of(), report.undelivered(), "consumer mode counts time, not attempts");
        assertEquals(refusals + 1, report.attempts());
    }

    private FirehoseDelivery delivery(ScriptedFirehose firehose) {
        return new FirehoseDelivery(firehose, callers, 2, policy(), sleeper);
    }

    private static RetryPolicy policy() {
        return new RetryPolicy(MAX_ATTEMPTS, BACKOFF_BASE_MS, BACKOFF_MAX_MS, 1_000, new SplittableRandom(7));
    }

    /** {@code count} Kafka records on partition 0, {@code perRecord} to a packed record. */
    private static List<PackedRecord> packed(int count, int perRecord) {
        List<PackedRecord> packed = new ArrayList<>();
        for (int i = 0; i < count; i += perRecord) {
            RecordPacker.Packing packing = new RecordPacker(true, 1_024_000).start();
            for (int j = i; j < Math.min(count, i + perRecord); j++) {
                byte[] value = ("{\"tick\":" + j + "}").getBytes(StandardCharsets.UTF_8);
                packing.sink().write(value);
                packing.keepLine(new KafkaRecord(
                        new TopicPartition("ticks", 0), j, 0L, TimestampType.CREATE_TIME, null, value, List.of()));
            }
            packed.addAll(packing.finish());
        }
        return packed;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
