package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.keys;
import static io.streamingdata.msk.firehose.local.TestSupport.object;
import static io.streamingdata.msk.firehose.local.TestSupport.s3Target;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * Admission by memory with the smallest bound (10 MiB): a call that does not fit is refused whole with a 503 the SDK
 * retries, records S3 has not taken yet hold their share of the bound, and buffered records are written early when
 * they are what keeps a call out.
 */
class AdmissionTest {
    private static final long LIMIT = MemoryBudget.MIN_LIMIT_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EndpointFixture fixture = EndpointFixture.of(b ->
                    b.memoryLimitBytes(LIMIT).stream(StreamConfig.builder("held")
                                    .s3Delivery(s3Target("bucket-held"))
                                    .bufferSizeBytes(1)
                                    .errorOutputPrefix("errors/!{firehose:error-output-type}/")
                                    .s3Retries(1, Duration.ofMillis(10))
                                    .build())
                            .stream(StreamConfig.builder("patient")
                                    .s3Delivery(s3Target("bucket-patient"))
                                    .bufferSizeBytes(128L * 1024 * 1024)
                                    .bufferInterval(Duration.ofMinutes(10))
                                    .build())
                            .stream("plain"))
            .resetBeforeEach("plain");

    @Test
    void recordsS3HasNotTakenHoldTheBoundAndLaterCallsAreRefusedUntilItTakesThem() {
        List<Record> first = fourMiB('a');
        List<Record> second = fourMiB('b');
        fixture.firehose().faults().failS3Writes(Integer.MAX_VALUE);
        long refusedBefore = fixture.firehose().admission().refusedCalls();

        putAll("held", first);
        assertEquals(
                LocalFirehose.MAX_BATCH_BYTES,
                fixture.firehose().admission().usedBytes(),
                "the accepted 4 MiB stay counted while S3 refuses them");
        ServiceUnavailableException refused =
                assertThrows(ServiceUnavailableException.class, () -> putAll("held", second));
        assertEquals(503, refused.statusCode());
        assertEquals(4, refused.numAttempts(), "the SDK retried the refusal itself");
        assertTrue(refused.awsErrorDetails().errorMessage().startsWith("Slow down."), refused.getMessage());
        assertEquals(refusedBefore + 4, fixture.firehose().admission().refusedCalls());

        fixture.firehose().faults().clear(); // S3 takes writes again: the writer's next attempt succeeds
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixture.firehose().admission().usedBytes() == 0);
        putAll("held", second);
        fixture.firehose().flush();

        List<String> keys = keys("bucket-held");
        assertEquals(2, keys.size(), keys.toString());
        String retried = keys.stream()
                .filter(k -> k.startsWith("errors/s3-failed/"))
                .findFirst()
                .orElseThrow();
        String direct =
                keys.stream().filter(k -> !k.equals(retried)).findFirst().orElseThrow();
        assertArrayEquals(concatenated(first), object("bucket-held", retried), "kept and retried until S3 took it");
        assertArrayEquals(concatenated(second), object("bucket-held", direct));
        assertEquals(0, fixture.firehose().stats("held").s3LostRecords());
    }

    @Test
    void buffersAreWrittenEarlyWhenTheirRecordsKeepACallOut() {
        long refusedBefore = fixture.firehose().admission().refusedCalls();
        putAll("patient", fourMiB('c')); // buffered: 10 minutes or 128 MiB away from its hints
        assertTrue(keys("bucket-patient").isEmpty());
        List<Record> next = fourMiB('d');

        // The SDK's own retries may or may not span the write; the forwarder would send again, so does this test.
        await().atMost(Duration.ofSeconds(20))
                .ignoreException(ServiceUnavailableException.class)
                .until(() -> putAll("patient", next));

        assertTrue(fixture.firehose().admission().refusedCalls() > refusedBefore, "the second call had to wait");
        assertEquals(1, keys("bucket-patient").size(), "the first call's records went to S3 before their hints");
        fixture.firehose().flush();
        assertEquals(2, keys("bucket-patient").size());
    }

    @Test
    void aBodyOverTheLargestReadSizeIsA413WithoutRetriesAndTheEndpointCarriesOn() throws Exception {
        byte[] tooLarge = oversizedBatch();
        HttpRequest.Builder declared = signed().POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge));
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(declared.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(
                "RequestEntityTooLargeException",
                JSON.readTree(answer.body()).get("__type").asText());

        // Without Content-Length (chunked), the limit is found while reading.
        HttpRequest.Builder chunked =
                signed().POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));
        answer = HttpClient.newHttpClient().send(chunked.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());

        assertEquals(0, fixture.firehose().admission().usedBytes(), "nothing of the refused bodies is held");
        putAll("plain", List.of(TestSupport.record("after")));
    }

    private static HttpRequest.Builder signed() {
        return HttpRequest.newBuilder(fixture.firehose().endpoint().resolve("/"))
                .header("Content-Type", LocalFirehose.CONTENT_TYPE)
                .header("X-Amz-Target", LocalFirehose.TARGET_PREFIX + "PutRecordBatch")
                .header("Authorization", TestSupport.SIGV4_AUTHORIZATION)
                .header("X-Amz-Date", TestSupport.AMZ_DATE);
    }

    /** A syntactically valid batch of 9 MiB of base64, past the 8 MiB body the endpoint reads at most. */
    private static byte[] oversizedBatch() {
        StringBuilder body = new StringBuilder("{\"DeliveryStreamName\":\"plain\",\"Records\":[");
        String data = "QUFB".repeat(9 * 1024 * 1024 / 4 / 10);
        for (int i = 0; i < 10; i++) {
            body.append(i == 0 ? "" : ",").append("{\"Data\":\"").append(data).append("\"}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code records} and expects every one accepted; true, for Awaitility. */
    private static boolean putAll(String stream, List<Record> records) {
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(stream).records(records))
                        .failedPutCount());
        return true;
    }

    private static List<Record> fourMiB(char fill) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(TestSupport.record(filled(1_000_000, (char) (fill + i))));
        }
        records.add(TestSupport.record(filled(LocalFirehose.MAX_BATCH_BYTES - 4_000_000, fill)));
        return records;
    }

    private static byte[] concatenated(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(r -> out.writeBytes(r.data().asByteArray()));
        return out.toByteArray();
    }

    private static byte[] filled(int size, char fill) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
