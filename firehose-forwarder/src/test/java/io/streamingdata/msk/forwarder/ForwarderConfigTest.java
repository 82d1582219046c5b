package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.strategy.StrategyName;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * firehose-forwarder's settings as SmallRye builds them from the environment variables the README documents; the
 * defaults live only in {@link ForwarderConfig}.
 */
class ForwarderConfigTest {

    private static final Map<String, String> STREAM_ONLY = Map.of("DELIVERY_STREAM_NAME", "demo-stream");

    @Test
    void shouldAcceptTheDefaultsWithAStreamName() {
        ForwarderConfig config = ForwarderConfigs.fromEnvironment(STREAM_ONLY);

        ForwarderConfigCheck.verify(config);
        assertEquals("demo-stream", config.deliveryStreamName());
        assertEquals(OutputFormat.ENVELOPE, config.outputFormat(), "a backup that can be restored");
        assertTrue(config.aggregationEnabled());
        assertEquals(1_024_000, config.aggregationMaxBytes());
        assertEquals(4, config.maxConcurrency());
        assertEquals(10, config.maxAttempts());
        assertEquals(50, config.backoffBaseMs());
        assertEquals(500, config.backoffMaxMs());
        assertEquals(10_000, config.callTimeoutMs());
        assertEquals(5_000, config.timeSafetyMarginMs());
        assertEquals(120_000, config.retryBudgetMs());
        assertEquals(StrategyName.FAIL, config.failureStrategy());
        assertEquals(Optional.empty(), config.deadLetterBucket());
        assertEquals("dead-letter/", config.deadLetterPrefix());
        assertEquals(Optional.empty(), config.firehoseEndpoint());
    }

    @Test
    void shouldReadEveryDocumentedVariable() {
        ForwarderConfig config = ForwarderConfigs.fromEnvironment(Map.ofEntries(
                Map.entry("DELIVERY_STREAM_NAME", "orders-backup"),
                Map.entry("AWS_ENDPOINT_URL_FIREHOSE", "http://127.0.0.1:4573"),
                Map.entry("OUTPUT_FORMAT", " Value "),
                Map.entry("AGGREGATION_ENABLED", "false"),
                Map.entry("AGGREGATION_MAX_BYTES", "65536"),
                Map.entry("FIREHOSE_MAX_CONCURRENCY", "8"),
                Map.entry("FIREHOSE_MAX_ATTEMPTS", "3"),
                Map.entry("FIREHOSE_BACKOFF_BASE_MS", "20"),
                Map.entry("FIREHOSE_BACKOFF_MAX_MS", "200"),
                Map.entry("FIREHOSE_CALL_TIMEOUT_MS", "3000"),
                Map.entry("TIME_SAFETY_MARGIN_MS", "2000"),
                Map.entry("RETRY_BUDGET_MS", "60000"),
                Map.entry("FAILURE_STRATEGY", "dead-letter"),
                Map.entry("DEAD_LETTER_BUCKET", "orders-dead-letters"),
                Map.entry("DEAD_LETTER_PREFIX", "parked/")));

        ForwarderConfigCheck.verify(config);
        assertEquals("orders-backup", config.deliveryStreamName());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4573")), config.firehoseEndpoint());
        assertEquals(OutputFormat.VALUE, config.outputFormat());
        assertEquals(false, config.aggregationEnabled());
        assertEquals(65_536, config.aggregationMaxBytes());
        assertEquals(8, config.maxConcurrency());
        assertEquals(3, config.maxAttempts());
        assertEquals(20, config.backoffBaseMs());
        assertEquals(200, config.backoffMaxMs());
        assertEquals(3_000, config.callTimeoutMs());
        assertEquals(2_000, config.timeSafetyMarginMs());
        assertEquals(60_000, config.retryBudgetMs());
        assertEquals(StrategyName.DEAD_LETTER, config.failureStrategy());
        assertEquals(Optional.of("orders-dead-letters"), config.deadLetterBucket());
        assertEquals("parked/", config.deadLetterPrefix());
    }

    @Test
    void shouldRefuseToStartWithoutADeliveryStream() {
        ForwarderConfig config = ForwarderConfigs.fromEnvironment(Map.of());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ForwarderConfigCheck.verify(config));

        assertEquals(
                ForwarderConfigCheck.INVALID_CONFIGURATION + ForwarderConfigCheck.STREAM_REQUIRED + ".",
                e.getMessage());
    }

    @Test
    void shouldReportEveryProblemAtOnceNamingTheVariables() {
        ForwarderConfig config = ForwarderConfigs.fromEnvironment(Map.of(
                "DELIVERY_STREAM_NAME", "no spaces allowed",
                "AWS_ENDPOINT_URL_FIREHOSE", "127.0.0.1:4573",
                "OUTPUT_FORMAT", "parquet",
                "AGGREGATION_MAX_BYTES", "2000000",
                "FIREHOSE_MAX_CONCURRENCY", "0",
                "FAILURE_STRATEGY", "retry-forever",
                "DEAD_LETTER_BUCKET", "Bad_Bucket"));

        String message = assertThrows(IllegalStateException.class, () -> ForwarderConfigCheck.verify(config))
                .getMessage();

        assertTrue(message.contains(ForwarderConfigCheck.BAD_STREAM_NAME.formatted("no spaces allowed")), message);
        assertTrue(message.contains(ForwarderConfigCheck.BAD_ENDPOINT.formatted("127.0.0.1:4573")), message);
        assertTrue(message.contains(ForwarderConfigCheck.BAD_FORMAT.formatted("parquet")), message);
        assertTrue(
                message.contains(
                        ForwarderConfigCheck.BAD_RANGE.formatted("AGGREGATION_MAX_BYTES", 2_000_000, 1024, 1_024_000)),
                message);
        assertTrue(
                message.contains(ForwarderConfigCheck.BAD_RANGE.formatted("FIREHOSE_MAX_CONCURRENCY", 0, 1, 64)),
                message);
        assertTrue(message.contains(ForwarderConfigCheck.BAD_STRATEGY.formatted("retry-forever")), message);
        assertTrue(message.contains(ForwarderConfigCheck.BAD_BUCKET.formatted("Bad_Bucket")), message);
    }

    @Test
    void shouldRequireABucketForTheDeadLetterStrategy() {
        Map<String, String> environment = new HashMap<>(STREAM_ONLY);
        environment.put("FAILURE_STRATEGY", "dead-letter");
        environment.put("DEAD_LETTER_BUCKET", "  ");

        String message = assertThrows(
                        IllegalStateException.class,
                        () -> ForwarderConfigCheck.verify(ForwarderConfigs.fromEnvironment(environment)))
                .getMessage();

        assertTrue(message.contains(ForwarderConfigCheck.DEAD_LETTER_NEEDS_BUCKET), message);
    }
}
