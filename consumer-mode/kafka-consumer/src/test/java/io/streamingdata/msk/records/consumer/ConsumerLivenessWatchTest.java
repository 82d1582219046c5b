package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.reactive.messaging.health.HealthReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerLivenessWatchTest {

    private final List<String> exits = new ArrayList<>();

    @Test
    void shouldLeaveAnAliveConsumerAlone() {
        watch(HealthReport.builder().add("records", true).build()).check();

        assertEquals(List.of(), exits);
    }

    @Test
    void shouldExitNamingTheReasonOnceWhenTheChannelIsNotAlive() {
        String failure = "Consumer mode: a batch of 16 records (orders-0@5-20) was not delivered within "
                + "RETRY_BUDGET_MS=4000: Connection refused";
        // The connector joins its recent failures, here the same one reported by the strategy and by the stream.
        HealthReport report = HealthReport.builder()
                .add("records", false, failure + failure)
                .add("application-KafkaRecordsConsumer#consume", false, failure)
                .add("other", true)
                .build();

        watch(report).check();

        assertEquals(List.of(ConsumerLivenessWatch.NOT_ALIVE.formatted(failure)), exits);
    }

    @Test
    void shouldNameAChannelThatFailedWithoutAMessage() {
        watch(HealthReport.builder().add("records", false).build()).check();

        assertEquals(List.of(ConsumerLivenessWatch.NOT_ALIVE.formatted("channel 'records' is not alive")), exits);
    }

    @Test
    void shouldKeepTheReasonShort() {
        String longFailure = "x".repeat(ConsumerLivenessWatch.MAX_REASON_CHARS) + "y";

        watch(HealthReport.builder().add("records", false, longFailure).build()).check();

        assertTrue(exits.get(0).endsWith("x..."), exits.get(0));
    }

    @Test
    void shouldIgnoreALivenessReportThatCannotBeRead() {
        new ConsumerLivenessWatch(
                        () -> {
                            throw new IllegalStateException("shutting down");
                        },
                        exits::add)
                .check();

        assertEquals(List.of(), exits);
    }

    @Test
    void shouldCollapseOnlyExactRepetitions() {
        assertEquals("abc", ConsumerLivenessWatch.withoutRepeats("abcabcabc"));
        assertEquals("abcab", ConsumerLivenessWatch.withoutRepeats("abcab"));
        assertEquals("a", ConsumerLivenessWatch.withoutRepeats("aaaa"));
    }

    private ConsumerLivenessWatch watch(HealthReport report) {
        return new ConsumerLivenessWatch(() -> report, exits::add);
    }
}
