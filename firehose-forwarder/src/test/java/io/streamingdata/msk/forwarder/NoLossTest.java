package io.streamingdata.msk.forwarder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.LogLines;
import io.streamingdata.msk.records.StockTicks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: 20,000 records through the Lambda path while Firehose fails 30% of the records and bursts of
 * whole calls, one Firehose record per Kafka record (aggregation off) so every entry is resent by position. The test
 * plays the event source mapping: an invocation that fails is invoked again with the same batch.
 */
@QuarkusTest
@TestProfile(NoLossTest.OneRecordPerFirehoseRecord.class)
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class NoLossTest extends LocalFirehoseTest {

    private static final Logger LOG = Logger.getLogger(NoLossTest.class);
    private static final int EVENTS = 10;
    private static final int RECORDS_PER_EVENT = 2000;
    private static final int MAX_REDELIVERIES = 20;
    private static final Pattern SEQ = Pattern.compile("\\{\"seq\":(\\d+),");

    @Test
    void shouldDeliverEveryRecordAtLeastOnceUnderRecordFailuresAndFiveHundredBursts() {
        firehose.faults().failRecords(0.30, "ServiceUnavailableException");
        int failedInvocations = 0;
        for (int event = 0; event < EVENTS; event++) {
            List<KafkaRecord> records = StockTicks.records(event * RECORDS_PER_EVENT, RECORDS_PER_EVENT, 120, 4);
            firehose.faults().failNextCalls(6, 503, "ServiceUnavailableException");
            if (event == 6) {
                // A burst longer than one invocation's retries: the invocation fails and the re-delivery completes.
                firehose.faults().failNextCalls(60, 503, "ServiceUnavailableException");
            }
            if (event == 3) {
                // Firehose takes a batch but the answer is lost: the records are retried and arrive twice.
                firehose.faults().acceptThenFailNextCalls(2, 500, "InternalFailure");
            }
            failedInvocations += deliverLikeTheEventSourceMapping(StockTicks.event(records));
        }

        Map<String, Integer> counts = Deliveries.counts(Deliveries.lines(firehose));
        Set<Integer> delivered = new HashSet<>();
        for (String line : counts.keySet()) {
            Matcher seq = SEQ.matcher(line);
            assertTrue(seq.lookingAt(), () -> "a delivered line is not a stock tick: " + line);
            delivered.add(Integer.parseInt(seq.group(1)));
        }
        for (int seq = 0; seq < EVENTS * RECORDS_PER_EVENT; seq++) {
            int at = seq;
            assertTrue(delivered.contains(at), () -> "record " + at + " was lost");
        }
        int duplicates = Deliveries.lines(firehose).size() - counts.size();
        LOG.infof(
                "20000 records: %d delivered lines, %d duplicates, %d failed invocations re-delivered",
                Deliveries.lines(firehose).size(), duplicates, failedInvocations);
        assertEquals(EVENTS * RECORDS_PER_EVENT, counts.size());
        assertTrue(duplicates > 0, "the lost answers must have produced duplicates");
        assertTrue(failedInvocations > 0, "the long burst must have failed an invocation");
    }

    @Test
    void shouldResendExactlyTheFailedEntriesWithoutDuplicates() {
        firehose.faults().failRecords(0.3, "InternalFailure");
        AtomicReference<ValidatableResponse> response = new AtomicReference<>();

        LogLines lines =
                outputDuring(() -> response.set(FirehoseForwarderHandlerTest.invoke(StockTicks.event(1200, 100, 4))));

        response.get().statusCode(200);
        List<String> delivered = Deliveries.lines(firehose);
        assertEquals(1200, delivered.size(), "each record accepted exactly once");
        assertEquals(1200, Deliveries.counts(delivered).size());
        JsonNode metrics = lines.only("metrics");
        assertEquals(1200, metrics.get("FirehoseRecords").asInt());
        assertTrue(metrics.get("RecordsRetried").asInt() >= 300, "about a third were resent at least once");
        assertTrue(metrics.get("FirehoseCalls").asInt() > 3, "1200 records need 3 calls, plus the retries");
    }

    @Test
    void shouldFailEveryInvocationDuringAPermanentOutageAndDeliverAfterIt() {
        firehose.faults().outage(true);
        byte[] event = StockTicks.event(100, 100, 2);

        for (int attempt = 0; attempt < 3; attempt++) {
            FirehoseForwarderHandlerTest.invoke(event).statusCode(500);
        }
        assertTrue(Deliveries.lines(firehose).isEmpty());

        firehose.faults().outage(false);
        FirehoseForwarderHandlerTest.invoke(event).statusCode(200);
        assertEquals(100, Deliveries.counts(Deliveries.lines(firehose)).size());
    }

    @Test
    void shouldRetryCallsThatAnswerTooSlowly() throws Exception {
        firehose.faults().latency(Duration.ofMillis(1500));
        byte[] event = StockTicks.event(100, 100, 2);

        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> FirehoseForwarderHandlerTest.invoke(event).extract().statusCode());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> firehose.stats(LocalAwsServices.STREAM).calls() > 0);
        firehose.faults().latency(Duration.ZERO);

        assertEquals(200, status.get(30, TimeUnit.SECONDS));
        // The slow calls time out in the client but still land, up to 1.5 s later: every record at least once, some
        // twice. Wait until nothing more arrives, so no late call spills into the next test.
        int[] seen = {-1};
        await().pollInterval(Duration.ofMillis(1700))
                .atMost(Duration.ofSeconds(15))
                .until(() -> {
                    int now = Deliveries.lines(firehose).size();
                    boolean quiet = now == seen[0];
                    seen[0] = now;
                    return quiet;
                });
        assertEquals(100, Deliveries.counts(Deliveries.lines(firehose)).size());
    }

    /** Invokes until the function succeeds, as the mapping retries a failed batch; returns the failures. */
    static int deliverLikeTheEventSourceMapping(byte[] event) {
        for (int attempt = 0; attempt < MAX_REDELIVERIES; attempt++) {
            int status = FirehoseForwarderHandlerTest.invoke(event).extract().statusCode();
            if (status == 200) {
                return attempt;
            }
        }
        throw new AssertionError("The batch was still failing after " + MAX_REDELIVERIES + " re-deliveries");
    }

    public static class OneRecordPerFirehoseRecord implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aggregation-enabled", "false", "firehose-call-timeout-ms", "1000");
        }
    }

    /** The function's structured output while {@code action} runs; the native twin reads its process log. */
    protected LogLines outputDuring(Runnable action) {
        return LogLines.capture(action);
    }
}
