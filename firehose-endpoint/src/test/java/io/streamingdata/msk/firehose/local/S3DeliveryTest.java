package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.keys;
import static io.streamingdata.msk.firehose.local.TestSupport.object;
import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static io.streamingdata.msk.firehose.local.TestSupport.s3Target;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;

class S3DeliveryTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    static final EndpointFixture fixture = EndpointFixture.of(b -> b.stream(StreamConfig.builder("by-size")
                    .s3Delivery(s3Target("bucket-size"))
                    .bufferSizeBytes(1000)
                    .bufferInterval(Duration.ofMinutes(10))
                    .build())
            .stream(StreamConfig.builder("by-interval")
                    .s3Delivery(s3Target("bucket-interval"))
                    .bufferInterval(Duration.ofMillis(400))
                    .build())
            .stream(StreamConfig.builder("gzipped")
                    .s3Delivery(s3Target("bucket-gzip"))
                    .compression(Compression.GZIP)
                    .build())
            .stream(StreamConfig.builder("custom")
                    .s3Delivery(s3Target("bucket-custom"))
                    .prefix("data/!{timestamp:yyyy}/!{firehose:random-string}/")
                    .errorOutputPrefix("errors/!{firehose:error-output-type}/")
                    .build())
            .stream(StreamConfig.builder("failing")
            .s3Delivery(s3Target("bucket-failing"))
            .prefix("ok/")
            .errorOutputPrefix("errors/!{firehose:error-output-type}/")
            .s3Retries(2, Duration.ofMillis(10))
            .build()));

    @Test
    void sizeThresholdWritesAnObjectWithTheDefaultKeyLayout() {
        List<Record> batch = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            String line = String.format("{\"seq\":%03d,\"pad\":\"%s\"}%n", i, "x".repeat(120));
            batch.add(record(line));
            expected.append(line);
        }
        fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName("by-size").records(batch)); // > 1000 bytes: cut at once
        await().atMost(Duration.ofSeconds(10)).until(() -> keys("bucket-size").size() == 1);
        String key = keys("bucket-size").get(0);
        assertDefaultLayout(key, "by-size", "");
        assertEquals(
                expected.toString(),
                new String(object("bucket-size", key), StandardCharsets.UTF_8),
                "records concatenated without delimiter, in order");

        fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName("by-size").records(record("tail-1;"), record("tail-2;")));
        assertEquals(1, keys("bucket-size").size(), "below the size hint nothing is written yet");
        fixture.firehose().flush();
        List<String> keys = keys("bucket-size");
        assertEquals(2, keys.size());
        String second = keys.stream().filter(k -> !k.equals(key)).findFirst().orElseThrow();
        assertEquals("tail-1;tail-2;", new String(object("bucket-size", second), StandardCharsets.UTF_8));
        assertEquals(2, fixture.firehose().stats("by-size").s3Objects());
    }

    @Test
    void intervalWritesTheBufferAfterItsOldestRecordAged() {
        long start = System.nanoTime();
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("by-interval").records(record("i1|"), record("i2|")));
        fixture.client().putRecord(b -> b.deliveryStreamName("by-interval").record(record("i3|")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> keys("bucket-interval").size() == 1);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 400, "written after " + elapsedMs + " ms, before the 400 ms interval");
        String key = keys("bucket-interval").get(0);
        assertDefaultLayout(key, "by-interval", "");
        assertEquals("i1|i2|i3|", new String(object("bucket-interval", key), StandardCharsets.UTF_8));
    }

    @Test
    void gzipObjectsEndInGzAndDecompressToTheRecords() throws IOException {
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("gzipped").records(record("g1\n"), record("g2\n")));
        fixture.firehose().flush();
        List<String> keys = keys("bucket-gzip");
        assertEquals(1, keys.size());
        assertDefaultLayout(keys.get(0), "gzipped", ".gz");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(object("bucket-gzip", keys.get(0))))) {
            assertEquals("g1\ng2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void customPrefixExpressionsAreEvaluated() {
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("custom").records(record("c")));
        fixture.firehose().flush();
        List<String> keys = keys("bucket-custom");
        assertEquals(1, keys.size());
        String year = String.valueOf(ZonedDateTime.now(ZoneOffset.UTC).getYear());
        assertTrue(
                keys.get(0).matches("data/" + year + "/[A-Za-z0-9]{11}/custom-1-\\d{4}(-\\d{2}){5}-" + UUID),
                keys.get(0));
    }

    @Test
    void aFailedS3WriteIsRetriedThenGoesToTheErrorOutputPrefix() {
        fixture.firehose().faults().failS3Writes(2); // both attempts fail; the error-prefix write succeeds
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("failing").records(record("lost?")));
        fixture.firehose().flush();
        List<String> keys = keys("bucket-failing");
        assertEquals(1, keys.size());
        assertTrue(
                keys.get(0)
                        .matches("errors/s3-failed/\\d{4}/\\d{2}/\\d{2}/\\d{2}/failing-1-\\d{4}(-\\d{2}){5}-" + UUID),
                keys.get(0));
        assertEquals("lost?", new String(object("bucket-failing", keys.get(0)), StandardCharsets.UTF_8));
        assertEquals(1, fixture.firehose().stats("failing").s3ErrorObjects());

        fixture.firehose().faults().failS3Writes(1); // first attempt fails, the retry succeeds
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("failing").records(record("retried")));
        fixture.firehose().flush();
        assertTrue(
                keys("bucket-failing").stream().anyMatch(k -> k.startsWith("ok/")),
                keys("bucket-failing").toString());
        assertEquals(1, fixture.firehose().stats("failing").s3Objects());
        assertEquals(0, fixture.firehose().stats("failing").s3LostRecords());
    }

    @Test
    void closeWritesWhatIsBuffered() {
        try (LocalFirehose own = LocalFirehose.builder().stream(StreamConfig.builder("closing")
                                .s3Delivery(s3Target("bucket-close"))
                                .build())
                        .build()
                        .start();
                FirehoseClient c = TestSupport.firehose(own.endpoint())) {
            c.putRecordBatch(b -> b.deliveryStreamName("closing").records(record("last words")));
            assertTrue(keys("bucket-close").isEmpty());
            own.close();
        }
        List<String> keys = keys("bucket-close");
        assertEquals(1, keys.size());
        assertEquals("last words", new String(object("bucket-close", keys.get(0)), StandardCharsets.UTF_8));
    }

    /** {@code yyyy/MM/dd/HH/<stream>-1-yyyy-MM-dd-HH-mm-ss-<uuid>}, prefix hour = name hour, close to now (UTC). */
    private static void assertDefaultLayout(String key, String stream, String extension) {
        Pattern p = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/" + Pattern.quote(stream)
                + "-1-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-" + UUID + Pattern.quote(extension));
        Matcher m = p.matcher(key);
        assertTrue(m.matches(), key);
        for (int i = 1; i <= 4; i++) {
            assertEquals(m.group(i), m.group(i + 4), "prefix and object name use the same instant: " + key);
        }
        ZonedDateTime stamp = ZonedDateTime.parse(
                m.group(5) + "-" + m.group(6) + "-" + m.group(7) + "-" + m.group(8) + "-" + m.group(9) + "-"
                        + m.group(10),
                DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC));
        long ageSeconds =
                Duration.between(stamp, ZonedDateTime.now(ZoneOffset.UTC)).toSeconds();
        assertTrue(ageSeconds >= -1 && ageSeconds < 120, "timestamp is UTC arrival time: " + key);
    }
}
