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
        ForwarderSettings settings = ForwarderSettings.from(new ForwarderTestConfig());

        assertEquals("demo-stream", settings.deliveryStreamName());
        assertEquals(OutputFormat.VALUE, settings.outputFormat());
        assertTrue(settings.aggregationEnabled());
        assertEquals("fail", settings.failureStrategy());
        assertEquals(Optional.empty(), settings.firehoseEndpoint());
    }

    @Test
    void shouldReadALocalEndpointAndTheEnvelopeFormat() {
        ForwarderTestConfig config = new ForwarderTestConfig();
        config.endpoint = Optional.of("http://127.0.0.1:4573");
        config.format = " Envelope ";

        ForwarderSettings settings = ForwarderSettings.from(config);

        assertEquals(Optional.of(URI.create("http://127.0.0.1:4573")), settings.firehoseEndpoint());
        assertEquals(OutputFormat.ENVELOPE, settings.outputFormat());
    }

    @Test
    void shouldRefuseToStartWithoutADeliveryStream() {
        ForwarderTestConfig config = new ForwarderTestConfig();
        config.stream = Optional.empty();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ForwarderSettings.from(config));

        assertEquals(ForwarderSettings.INVALID_CONFIGURATION + ForwarderSettings.STREAM_REQUIRED + ".",
                e.getMessage());
    }

    @Test
    void shouldReportEveryProblemAtOnceNamingTheVariables() {
        ForwarderTestConfig config = new ForwarderTestConfig();
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
        ForwarderTestConfig config = new ForwarderTestConfig();
        config.strategy = "dead-letter";

        String message = assertThrows(IllegalStateException.class, () -> ForwarderSettings.from(config))
                .getMessage();

        assertTrue(message.contains(ForwarderSettings.DEAD_LETTER_NEEDS_BUCKET), message);
    }
}
