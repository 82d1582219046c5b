package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.keys;
import static io.streamingdata.msk.firehose.local.TestSupport.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * The endpoint as the local stack runs it (its own JVM, 128 MB heap, exit on OutOfMemoryError) under 24 concurrent
 * PutRecordBatch calls of 4 MiB each through the real SDK: it must stay up, answer every call with an acknowledgement
 * or a retryable refusal, and, after a stop, have written every acknowledged record to S3 byte for byte.
 */
class ConcurrentLargeCallsTest {
    private static final int CALLS = 24;
    private static final int RECORDS_PER_CALL = 5;
    private static final int HEADER_BYTES = 16;
    private static final int MAGIC = 0x4c465243;
    private static final String STREAM = "load-stream";
    private static final String BUCKET = "bucket-load";
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(45);

    @Test
    void aSmallHeapEndpointRefusesWhatItCannotHoldAndWritesEveryAcknowledgedRecordToS3() throws Exception {
        URI s3 = TestSupport.s3Endpoint();
        byte[][][] sent = new byte[CALLS][][];
        for (int call = 0; call < CALLS; call++) {
            sent[call] = recordsOfCall(call);
        }
        try (EndpointProcess endpoint = EndpointProcess.start(
                        EndpointProcess.LOCAL_STACK_JVM,
                        TestSupport.withS3Flags(
                                s3, "--port", "0", "--stream", STREAM + "=" + BUCKET + ",buffer-seconds=600"));
                FirehoseClient client = TestSupport.firehose(endpoint.endpoint())) {

            List<CallResult> results = sendConcurrently(client, sent);

            for (CallResult result : results) {
                assertTrue(
                        result.failure() == null,
                        () -> "call " + result.call() + ": " + result.failure() + "\nendpoint stderr:\n"
                                + endpoint.stderr());
            }
            assertTrue(endpoint.isAlive(), () -> "the endpoint died:\n" + endpoint.stderr());
            long refused = admission(endpoint.endpoint()).path("refusedCalls").asLong();
            assertTrue(refused > 0, "24 concurrent 4 MiB calls exceed a 128 MB heap's bound, so some must be refused");

            assertEquals("local-firehose stopped", endpoint.stop(30));
            String log = endpoint.stderr();
            assertFalse(log.contains("OutOfMemoryError") || log.contains("LOST") || log.contains("did not take"), log);
        }
        assertEveryRecordInS3ExactlyOnce(sent);
    }

    /** 24 threads released together; each resends what was refused until all of its records are acknowledged. */
    private static List<CallResult> sendConcurrently(FirehoseClient client, byte[][][] sent) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CallResult>> futures = new ArrayList<>();
            for (int call = 0; call < CALLS; call++) {
                int c = call;
                futures.add(threads.submit(() -> {
                    start.await();
                    return sendUntilAcknowledged(client, c, sent[c]);
                }));
            }
            start.countDown();
            List<CallResult> results = new ArrayList<>();
            for (Future<CallResult> f : futures) {
                results.add(f.get(CALL_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static CallResult sendUntilAcknowledged(FirehoseClient client, int call, byte[][] records) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            pending.add(i);
        }
        long deadline = System.nanoTime() + CALL_DEADLINE.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return new CallResult(call, "records " + pending + " still not acknowledged after " + CALL_DEADLINE);
            }
            List<Record> batch =
                    pending.stream().map(i -> TestSupport.record(records[i])).toList();
            try {
                PutRecordBatchResponse response =
                        client.putRecordBatch(b -> b.deliveryStreamName(STREAM).records(batch));
                List<Integer> failed = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    PutRecordBatchResponseEntry entry =
                            response.requestResponses().get(i);
                    if (entry.errorCode() != null) {
                        if (!FaultPlan.SERVICE_UNAVAILABLE.equals(entry.errorCode())) {
                            return new CallResult(call, "record refused with " + entry.errorCode());
                        }
                        failed.add(pending.get(i));
                    }
                }
                pending = failed;
            } catch (AwsServiceException e) {
                boolean retryable = e.statusCode() >= 500
                        && e.awsErrorDetails() != null
                        && FaultPlan.SERVICE_UNAVAILABLE.equals(
                                e.awsErrorDetails().errorCode());
                if (!retryable) {
                    return new CallResult(call, "not a retryable refusal: " + e);
                }
                // refused whole: the SDK retried it itself, with backoff, before giving up; send it again
            } catch (RuntimeException e) {
                return new CallResult(call, e.toString());
            }
        }
        return new CallResult(call, null);
    }

    private static JsonNode admission(URI endpoint) throws Exception {
        HttpResponse<String> stats = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint.resolve("/_local/stats"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(stats.body()).path("admission");
    }

    /** Every object must consist of whole records as sent, and every record sent must appear once. */
    private static void assertEveryRecordInS3ExactlyOnce(byte[][][] sent) {
        int[][] seen = new int[CALLS][RECORDS_PER_CALL];
        for (String key : keys(BUCKET)) {
            ByteBuffer object = ByteBuffer.wrap(object(BUCKET, key));
            while (object.hasRemaining()) {
                int at = object.position();
                assertTrue(object.remaining() >= HEADER_BYTES, key + ": a partial record at byte " + at);
                assertEquals(MAGIC, object.getInt(), key + ": no record starts at byte " + at);
                int call = object.getInt();
                int index = object.getInt();
                int length = object.getInt();
                byte[] expected = sent[call][index];
                assertEquals(expected.length, length, key + ": record " + call + "/" + index + " has the wrong length");
                byte[] actual = Arrays.copyOfRange(object.array(), at, at + length);
                assertArrayEquals(
                        expected, actual, key + ": record " + call + "/" + index + " differs from what was sent");
                object.position(at + length);
                seen[call][index]++;
            }
        }
        for (int call = 0; call < CALLS; call++) {
            for (int index = 0; index < RECORDS_PER_CALL; index++) {
                assertEquals(1, seen[call][index], "record " + call + "/" + index + " in S3 (times)");
            }
        }
    }

    /** Four records of 1,000,000 bytes and one of the rest: exactly the 4 MiB a call may carry. */
    private static byte[][] recordsOfCall(int call) {
        byte[][] records = new byte[RECORDS_PER_CALL][];
        for (int index = 0; index < RECORDS_PER_CALL; index++) {
            int length = index < RECORDS_PER_CALL - 1 ? 1_000_000 : LocalFirehose.MAX_BATCH_BYTES - 4 * 1_000_000;
            byte[] data = new byte[length];
            new Random(call * 31L + index).nextBytes(data);
            ByteBuffer.wrap(data).putInt(MAGIC).putInt(call).putInt(index).putInt(length);
            records[index] = data;
        }
        return records;
    }

    private record CallResult(int call, String failure) {}
}
