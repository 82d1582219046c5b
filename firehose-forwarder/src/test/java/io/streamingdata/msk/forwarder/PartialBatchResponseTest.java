package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.StockTicks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code FAILURE_STRATEGY=report-batch-item-failures}: instead of failing, the function names the earliest
 * undelivered offset of each partition, and the test resumes each named partition from there, as Lambda does.
 */
@QuarkusTest
@TestProfile(PartialBatchResponseTest.ReportItemFailures.class)
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class PartialBatchResponseTest extends LocalFirehoseTest {

    @Test
    void shouldReportTheEarliestUndeliveredOffsetPerPartitionUntilEverythingIsDelivered() {
        firehose.faults().failRecords(0.1, "InternalFailure");
        List<KafkaRecord> records = StockTicks.records(0, 2000, 100, 4);
        Map<String, Long> resumeFrom = new HashMap<>();
        int rounds = 0;
        boolean reported = false;

        List<KafkaRecord> batch = records;
        while (!batch.isEmpty()) {
            assertTrue(++rounds <= 60, "still failing after 60 rounds");
            JsonNode failures = FirehoseForwarderHandlerTest.invoke(StockTicks.event(batch))
                    .statusCode(200)
                    .extract()
                    .as(JsonNode.class)
                    .get("batchItemFailures");
            resumeFrom.clear();
            for (JsonNode failure : failures) {
                JsonNode id = failure.get("itemIdentifier");
                assertFalse(resumeFrom.containsKey(id.get("partition").asText()), "one entry per partition");
                resumeFrom.put(id.get("partition").asText(), id.get("offset").asLong());
                reported = true;
            }
            batch = records.stream()
                    .filter(r -> resumeFrom.containsKey(r.topicPartition().toString())
                            && r.offset() >= resumeFrom.get(r.topicPartition().toString()))
                    .toList();
        }

        assertTrue(reported, "with two attempts per invocation some records must have been reported");
        assertEquals(2000, Deliveries.counts(Deliveries.lines(firehose)).size(), "every record arrived");
    }

    @Test
    void shouldAnswerWithAnEmptyListWhenEverythingWasDelivered() {
        JsonNode failures = FirehoseForwarderHandlerTest.invoke(StockTicks.event(10, 100, 2))
                .statusCode(200)
                .extract()
                .as(JsonNode.class)
                .get("batchItemFailures");

        assertTrue(failures.isArray());
        assertEquals(0, failures.size());
    }

    public static class ReportItemFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "failure-strategy",
                    "report-batch-item-failures",
                    "aggregation-enabled",
                    "false",
                    "firehose-max-attempts",
                    "2");
        }
    }
}
