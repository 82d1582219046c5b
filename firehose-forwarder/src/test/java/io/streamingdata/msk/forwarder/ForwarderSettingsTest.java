package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwarderSettingsTest {

    @Test
    void shouldAcceptTheDefaultsWithAStreamName() {
        ForwarderSettings settings = ForwarderSettings.from(new TestConfig());

        assertEquals("demo-stream", settings.deliveryStreamName());
        assertEquals(OutputFormat.VALUE, settings.outputFormat());
        assertTrue(settings.aggregationEnabled());
        assertEquals("fail", settings.failureStrategy());
        assertEquals(Optional.empty(), settings.firehoseEndpoint());
    }

    @Test
    void shouldReadALocalEndpointAndTheEnvelopeFormat() {
        TestConfig config = new TestConfig();
        config.endpoint = Optional.of("http://127.0.0.1:4573");
        config.format = " Envelope ";

        ForwarderSettings settings = ForwarderSettings.from(config);

        assertEquals(Optional.of(URI.create("http://127.0.0.1:4573")), settings.firehoseEndpoint());
        assertEquals(OutputFormat.ENVELOPE, settings.outputFormat());
    }

    @Test
    void shouldRefuseToStartWithoutADeliveryStream() {
        TestConfig config = new TestConfig();
        config.stream = Optional.empty();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ForwarderSettings.from(config));

        assertEquals(ForwarderSettings.INVALID_CONFIGURATION + ForwarderSettings.STREAM_REQUIRED + ".",
                e.getMessage());
    }

    @Test
    void shouldReportEveryProblemAtOnceNamingTheVariables() {
        TestConfig config = new TestConfig();
        config.stream = Optional.of("no spaces allowed");
        config.endpoint = Optional.of("127.0.0.1:4573");
        config.format = "parquet";
        config.aggregationMaxBytes = 2_000_000;
        config.maxConcurrency = 0;
        config.strategy = "retry-forever";
        config.bucket = Optional.of("Bad_Bucket");

        String message = assertThrows(IllegalStateException.class, () -> ForwarderSettings.from(config))
                .getMessage();

        assertTrue(message.contains(ForwarderSettings.BAD_STREAM_NAME.formatted("no spaces allowed")), message);
        assertTrue(message.contains(ForwarderSettings.BAD_ENDPOINT.formatted("127.0.0.1:4573")), message);
        assertTrue(message.contains(ForwarderSettings.BAD_FORMAT.formatted("parquet")), message);
        assertTrue(message.contains(ForwarderSettings.BAD_RANGE.formatted("AGGREGATION_MAX_BYTES", 2_000_000, 1024,
                1_024_000)), message);
        assertTrue(message.contains(ForwarderSettings.BAD_RANGE.formatted("FIREHOSE_MAX_CONCURRENCY", 0, 1, 64)),
                message);
        assertTrue(message.contains(ForwarderSettings.BAD_STRATEGY.formatted("retry-forever")), message);
        assertTrue(message.contains(ForwarderSettings.BAD_BUCKET.formatted("Bad_Bucket")), message);
    }

    @Test
    void shouldRequireABucketForTheDeadLetterStrategy() {
        TestConfig config = new TestConfig();
        config.strategy = "dead-letter";

        String message = assertThrows(IllegalStateException.class, () -> ForwarderSettings.from(config))
                .getMessage();

        assertTrue(message.contains(ForwarderSettings.DEAD_LETTER_NEEDS_BUCKET), message);
    }

    /** Defaults as in application.properties, with a stream name. */
    static final class TestConfig implements ForwarderConfig {
        Optional<String> stream = Optional.of("demo-stream");
        Optional<String> endpoint = Optional.empty();
        String format = "value";
        int aggregationMaxBytes = 1_024_000;
        int maxConcurrency = 4;
        String strategy = "fail";
        Optional<String> bucket = Optional.empty();

        @Override
        public Optional<String> deliveryStreamName() {
            return stream;
        }

        @Override
        public Optional<String> firehoseEndpoint() {
            return endpoint;
        }

        @Override
        public String outputFormat() {
            return format;
        }

        @Override
        public boolean aggregationEnabled() {
            return true;
        }

        @Override
        public int aggregationMaxBytes() {
            return aggregationMaxBytes;
        }

        @Override
        public int maxConcurrency() {
            return maxConcurrency;
        }

        @Override
        public int maxAttempts() {
            return 10;
        }

        @Override
        public long backoffBaseMs() {
            return 50;
        }

        @Override
        public long backoffMaxMs() {
            return 1000;
        }

        @Override
        public long callTimeoutMs() {
            return 10_000;
        }

        @Override
        public long timeSafetyMarginMs() {
            return 5000;
        }

        @Override
        public long retryBudgetMs() {
            return 120_000;
        }

        @Override
        public String failureStrategy() {
            return strategy;
        }

        @Override
        public Optional<String> deadLetterBucket() {
            return bucket;
        }

        @Override
        public String deadLetterPrefix() {
            return "dead-letter/";
        }
    }
}
