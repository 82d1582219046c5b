package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static io.streamingdata.msk.firehose.local.TestSupport.records;
import static io.streamingdata.msk.firehose.local.TestSupport.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

class FaultTest {
    private static final String STREAM = "fault-stream";

    @RegisterExtension
    static final EndpointFixture fixture =
            EndpointFixture.of(b -> b.stream(STREAM).seed(42)).resetBeforeEach(STREAM);

    @Test
    void perRecordFailuresArePositionalAndFailedRecordsAreNotDelivered() {
        fixture.firehose().faults().failRecords(0.30, "ServiceUnavailableException");
        List<Record> sent = records("rec", 400);
        PutRecordBatchResponse response = fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(sent));

        List<String> expectedDelivered = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < sent.size(); i++) {
            PutRecordBatchResponseEntry entry = response.requestResponses().get(i);
            if (entry.errorCode() == null) {
                assertNotNull(entry.recordId());
                expectedDelivered.add(sent.get(i).data().asUtf8String());
            } else {
                assertEquals("ServiceUnavailableException", entry.errorCode());
                assertEquals("Slow down.", entry.errorMessage());
                assertNull(entry.recordId());
                failed++;
            }
        }
        assertEquals(failed, response.failedPutCount());
        assertTrue(failed > 80 && failed < 160, "about 30% of 400 should fail, got " + failed);
        assertEquals(expectedDelivered, texts(fixture.firehose().deliveredRecords(STREAM)));
        assertEquals(failed, fixture.firehose().stats(STREAM).failedRecords());
        assertEquals(400 - failed, fixture.firehose().stats(STREAM).acceptedRecords());
    }

    @Test
    void internalFailureAndServiceUnavailableCanBeMixed() {
        fixture.firehose()
                .faults()
                .failRecords(0.25, FaultPlan.SERVICE_UNAVAILABLE)
                .failRecords(0.25, FaultPlan.INTERNAL_FAILURE);
        PutRecordBatchResponse response = fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records("m", 200)));
        Set<String> codes = response.requestResponses().stream()
                .map(PutRecordBatchResponseEntry::errorCode)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
        assertEquals(Set.of("ServiceUnavailableException", "InternalFailure"), codes);
    }

    @Test
    void failuresAreReproducibleWithTheSameSeed() {
        List<Integer> first = failedPositions(7);
        assertEquals(first, failedPositions(7));
        assertNotEquals(first, failedPositions(8));
    }

    private static List<Integer> failedPositions(long seed) {
        try (LocalFirehose other = LocalFirehose.builder().stream("s")
                        .seed(seed)
                        .faults(f -> f.failRecords(0.5))
                        .build()
                        .start();
                FirehoseClient c = TestSupport.firehose(other.endpoint())) {
            List<PutRecordBatchResponseEntry> entries = c.putRecordBatch(
                            b -> b.deliveryStreamName("s").records(records("x", 50)))
                    .requestResponses();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).errorCode() != null) {
                    positions.add(i);
                }
            }
            return positions;
        }
    }

    @Test
    void a503BurstLongerThanTheSdkRetriesSurfacesAsAnException() {
        fixture.firehose().faults().failNextCalls(6, 503, "ServiceUnavailableException");
        ServiceUnavailableException e = assertThrows(
                ServiceUnavailableException.class,
                () -> fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records("b", 3))));
        assertEquals(503, e.statusCode());
        assertEquals(4, e.numAttempts());
        assertEquals(2, fixture.firehose().faults().pendingCallFaults());
        StreamStats stats = fixture.firehose().stats(STREAM);
        assertEquals(4, stats.calls());
        assertEquals(4, stats.failedCalls());
        assertTrue(fixture.firehose().deliveredRecords(STREAM).isEmpty(), "a whole-call failure delivers nothing");
    }

    @Test
    void aShortBurstIsAbsorbedByTheSdkRetries() {
        fixture.firehose().faults().failNextCalls(3, 503, "ServiceUnavailableException");
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records("ok", 3)))
                        .failedPutCount());
        assertEquals(
                List.of("ok-0\n", "ok-1\n", "ok-2\n"), texts(fixture.firehose().deliveredRecords(STREAM)));
        assertEquals(4, fixture.firehose().stats(STREAM).calls());
        assertEquals(3, fixture.firehose().stats(STREAM).failedCalls());
    }

    @Test
    void aBurstOf500InternalFailuresSurfaces() {
        fixture.firehose().faults().failNextCalls(4, 500, "InternalFailure");
        FirehoseException e = assertThrows(
                FirehoseException.class,
                () -> fixture.client()
                        .putRecord(b -> b.deliveryStreamName(STREAM).record(record("p"))));
        assertEquals(500, e.statusCode());
        assertEquals("InternalFailure", e.awsErrorDetails().errorCode());
        assertTrue(fixture.firehose().deliveredRecords(STREAM).isEmpty());
    }

    @Test
    void throttlingIsAServiceUnavailableExceptionThatTheSdkRetries() {
        fixture.firehose().faults().throttleNextCalls(2);
        fixture.client().putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("t")));
        assertEquals(3, fixture.firehose().stats(STREAM).calls());
        assertEquals(List.of("t"), texts(fixture.firehose().deliveredRecords(STREAM)));

        fixture.firehose().faults().throttleNextCalls(5);
        ServiceUnavailableException e = assertThrows(
                ServiceUnavailableException.class,
                () -> fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("u"))));
        assertEquals(FaultPlan.THROTTLE_STATUS, e.statusCode());
        assertEquals("Slow down.", e.awsErrorDetails().errorMessage());
        assertEquals(List.of("t"), texts(fixture.firehose().deliveredRecords(STREAM)));
    }

    @Test
    void latencyIsAddedToEachCall() {
        fixture.firehose().faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        fixture.client().putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("slow")));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 150, "call took " + elapsedMs + " ms");
        assertEquals(1, fixture.firehose().deliveredRecords(STREAM).size());
    }

    @Test
    void outageFailsEveryCallUntilItEnds() {
        fixture.firehose().faults().outage(true);
        ServiceUnavailableException e = assertThrows(
                ServiceUnavailableException.class,
                () -> fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("o"))));
        assertEquals(503, e.statusCode());
        assertThrows(
                ServiceUnavailableException.class,
                () -> fixture.client().describeDeliveryStream(b -> b.deliveryStreamName(STREAM)));
        fixture.firehose().faults().outage(false);
        fixture.client().putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("back")));
        assertEquals(List.of("back"), texts(fixture.firehose().deliveredRecords(STREAM)));
    }

    @Test
    void acceptThenFailProducesDuplicatesOnRetry() {
        fixture.firehose().faults().acceptThenFailNextCalls(1, 500, "InternalFailure");
        fixture.client().putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("d1"), record("d2")));
        assertEquals(List.of("d1", "d2", "d1", "d2"), texts(fixture.firehose().deliveredRecords(STREAM)));
        assertEquals(1, fixture.firehose().stats(STREAM).failedCalls());
    }

    @Test
    void clearRemovesEveryFault() {
        fixture.firehose()
                .faults()
                .failRecords(1.0)
                .failNextCalls(10, 503, "ServiceUnavailableException")
                .outage(true)
                .latency(Duration.ofSeconds(5));
        fixture.firehose().faults().clear();
        assertEquals(0, fixture.firehose().faults().pendingCallFaults());
        PutRecordBatchResponse response = fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records("c", 10)));
        assertEquals(0, response.failedPutCount());
        assertEquals(10, fixture.firehose().deliveredRecords(STREAM).size());
    }

    @Test
    void invalidFaultSettingsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> fixture.firehose().faults().failRecords(1.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> fixture.firehose().faults().failRecords(0.6).failRecords(0.6, "InternalFailure"));
        assertThrows(
                IllegalArgumentException.class,
                () -> fixture.firehose().faults().failNextCalls(1, 200, "X"));
    }
}
