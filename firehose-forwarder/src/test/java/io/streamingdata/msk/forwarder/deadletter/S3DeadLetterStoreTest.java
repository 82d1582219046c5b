package io.streamingdata.msk.forwarder.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The dead-letter objects: where each goes and what it holds. Against a client that keeps its requests; writing
 * them to a real S3 server is covered by the handler tests on the local stack.
 */
class S3DeadLetterStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:15:30Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<PutObjectRequest> requests = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final S3Client s3 = new S3Client() {
        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            requests.add(request);
            try (var in = body.contentStreamProvider().newStream()) {
                bodies.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return PutObjectResponse.builder().eTag("etag").build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    };
    private final S3DeadLetterStore store =
            new S3DeadLetterStore(s3, "orders-dead-letters", "dead-letter/", "demo-stream", CLOCK);

    @Test
    void shouldWriteEachRecordUnderItsCoordinatesWithReasonCauseAndFields() throws IOException {
        KafkaRecord record = new KafkaRecord(
                new TopicPartition("orders", 2),
                41,
                1_764_100_800_000L,
                TimestampType.CREATE_TIME,
                "order-7".getBytes(StandardCharsets.UTF_8),
                "{\"id\":7}".getBytes(StandardCharsets.UTF_8),
                List.of(new KafkaHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8))));

        List<String> written = store.park(List.of(new Failure(record, Cause.RECORD_TOO_LARGE, "too large")));

        assertEquals(List.of("s3://orders-dead-letters/dead-letter/orders/2/41.json"), written);
        assertEquals("orders-dead-letters", requests.get(0).bucket());
        assertEquals("dead-letter/orders/2/41.json", requests.get(0).key());
        assertEquals("application/json", requests.get(0).contentType());
        JsonNode letter = MAPPER.readTree(bodies.get(0));
        assertEquals("too large", letter.get("reason").asText());
        assertEquals("RecordTooLarge", letter.get("cause").asText());
        assertEquals("demo-stream", letter.get("deliveryStream").asText());
        assertEquals("2026-12-02T10:15:30Z", letter.get("parkedAt").asText());
        assertEquals("orders", letter.get("topic").asText());
        assertEquals(2, letter.get("partition").asInt());
        assertEquals(41, letter.get("offset").asLong());
        assertEquals(1_764_100_800_000L, letter.get("timestamp").asLong());
        assertEquals(7, letter.get("value").get("id").asInt(), letter.toString());
    }

    @Test
    void shouldKeepTheRawJsonOfAnUndecodableRecord() throws IOException {
        byte[] raw = "{\"topic\":\"orders\",\"partition\":0,\"offset\":9,\"headers\":{\"odd\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        KafkaRecord decoded = new KafkaRecord(
                new TopicPartition("orders", 0),
                9,
                1_764_100_800_000L,
                TimestampType.CREATE_TIME,
                null,
                "v".getBytes(StandardCharsets.UTF_8),
                List.of());
        UndecodableRecord undecodable = new UndecodableRecord(decoded, "headers is not an array", raw);

        store.park(List.of(new Failure(undecodable, Cause.UNDECODABLE, undecodable.reason())));

        JsonNode letter = MAPPER.readTree(bodies.get(0));
        assertEquals("UndecodableRecord", letter.get("cause").asText());
        assertEquals("dead-letter/orders/0/9.json", requests.get(0).key());
        assertEquals(9, letter.get("offset").asLong());
        assertEquals("headers is not an array", letter.get("reason").asText());
        assertEquals(
                1,
                MAPPER.readTree(
                                letter.get("raw").isTextual()
                                        ? letter.get("raw").asText()
                                        : letter.get("raw").toString())
                        .get("headers")
                        .get("odd")
                        .asInt(),
                letter.toString());
    }

    @Test
    void shouldLetAFailedWriteThrowSoThatNothingCountsAsParked() {
        S3Client failing = new S3Client() {
            @Override
            public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
                throw S3Exception.builder()
                        .message("Access Denied")
                        .statusCode(403)
                        .build();
            }

            @Override
            public String serviceName() {
                return "s3";
            }

            @Override
            public void close() {}
        };
        UndecodableRecord entry = new UndecodableRecord(new TopicPartition("orders", 0), 1, "bad");

        assertThrows(
                S3Exception.class,
                () -> new S3DeadLetterStore(failing, "b-1", "p/", "s", CLOCK)
                        .park(List.of(new Failure(entry, Cause.UNDECODABLE, "bad"))));
    }
}
