package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.keys;
import static io.streamingdata.msk.firehose.local.TestSupport.object;
import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static io.streamingdata.msk.firehose.local.TestSupport.s3Target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * The durability point: an acknowledged record is in a stream buffer, and a stop writes every buffer to S3 before it
 * ends; what S3 still refuses when the stop timeout runs out is kept on disk, never dropped.
 */
class StopTest {
    @TempDir
    Path unsent;

    @Test
    void aStopWritesEveryBufferToS3() {
        try (LocalFirehose own =
                        endpoint("bucket-stop-ok", Duration.ofSeconds(20)).start();
                FirehoseClient client = TestSupport.firehose(own.endpoint())) {
            client.putRecordBatch(b -> b.deliveryStreamName("stopping").records(record("one;"), record("two;")));
            client.putRecord(b -> b.deliveryStreamName("stopping").record(record("three;")));
            assertTrue(keys("bucket-stop-ok").isEmpty(), "buffered for 10 minutes");
            own.close();
            assertEquals(1, own.stats("stopping").s3Objects());
        }
        List<String> keys = keys("bucket-stop-ok");
        assertEquals(1, keys.size());
        assertEquals("one;two;three;", new String(object("bucket-stop-ok", keys.get(0)), StandardCharsets.UTF_8));
    }

    @Test
    void whatS3StillRefusesWhenTheStopTimeoutEndsIsWrittenToTheUnsentDirectory() throws IOException {
        LocalFirehose own = endpoint("bucket-stop-down", Duration.ofMillis(300)).start();
        try (FirehoseClient client = TestSupport.firehose(own.endpoint())) {
            own.faults().failS3Writes(Integer.MAX_VALUE);
            client.putRecordBatch(b -> b.deliveryStreamName("stopping").records(record("kept "), record("on disk")));
        }
        own.close();

        assertTrue(keys("bucket-stop-down").isEmpty());
        StreamStats stats = own.stats("stopping");
        assertEquals(2, stats.s3UnsentRecords());
        assertEquals(0, stats.s3LostRecords());
        List<Path> files = files(unsent.resolve("bucket-stop-down"));
        assertEquals(1, files.size(), files.toString());
        String key = unsent.resolve("bucket-stop-down").relativize(files.get(0)).toString();
        assertTrue(key.startsWith("s3-failed/"), "the key it was last tried under: " + key);
        assertEquals("kept on disk", Files.readString(files.get(0)));
    }

    @Test
    void aSealedStreamRefusesRecordsWithAServiceUnavailable() {
        StreamState state = new StreamState(StreamConfig.of("sealed"), null, true);
        MemoryBudget budget = new MemoryBudget(MemoryBudget.MIN_LIMIT_BYTES);
        state.seal();
        try (MemoryBudget.Reservation reservation = budget.tryReserve(10)) {
            ApiError e = assertThrows(
                    ApiError.class, () -> state.accept(List.of(new byte[] {1}), Instant.now(), reservation));
            assertEquals(503, e.status);
            assertEquals(FaultPlan.SERVICE_UNAVAILABLE, e.type);
        }
        assertEquals(0, state.stats().acceptedRecords());
    }

    private LocalFirehose endpoint(String bucket, Duration stopTimeout) {
        return LocalFirehose.builder().stopTimeout(stopTimeout).unsentDirectory(unsent).stream(
                        StreamConfig.builder("stopping")
                                .s3Delivery(s3Target(bucket))
                                .bufferInterval(Duration.ofMinutes(10))
                                .s3Retries(2, Duration.ofMillis(10))
                                .build())
                .build();
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }
}
