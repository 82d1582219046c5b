package io.streamingdata.msk.forwarder;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.LogLines;
import io.streamingdata.msk.records.StockTicks;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The Lambda path end to end: mock event server, handler, real SDK, local Firehose endpoint, s3proxy. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class FirehoseForwarderHandlerTest extends LocalFirehoseTest {

    /** The mock event server labels a stream handler's answer so; the bytes are the function's JSON. */
    static final String STREAM_HANDLER_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDeliverEachDecodedValueAsALineAndSkipTombstones() {
        ValidatableResponse response = invoke(EventFixtures.bytes("msk-basic.json"));

        response.statusCode(200);
        assertEquals(
                0,
                response.extract().as(JsonNode.class).get("batchItemFailures").size());
        assertEquals(List.of("{\"id\":7,\"sum\":9.99}"), Deliveries.lines(firehose));
    }

    @Test
    void shouldPublishEmbeddedMetricFormatWithTheBatchCounts() {
        AtomicReference<ValidatableResponse> response = new AtomicReference<>();

        LogLines lines = outputDuring(() -> response.set(invoke(StockTicks.event(300, 100, 3))));

        response.get().statusCode(200);
        JsonNode metrics = lines.only("metrics");
        assertEquals(
                "MskStreaming/FirehoseForwarder",
                metrics.get("_aws")
                        .get("CloudWatchMetrics")
                        .get(0)
                        .get("Namespace")
                        .asText());
        assertEquals(300, metrics.get("RecordsIn").asInt());
        assertEquals(300, metrics.get("RecordsDelivered").asInt());
        assertEquals(1, metrics.get("FirehoseRecords").asInt(), "300 small records packed into one");
        assertEquals(1, metrics.get("FirehoseCalls").asInt());
        assertEquals(LocalAwsServices.STREAM, metrics.get("DeliveryStream").asText());
    }

    @Test
    void shouldParkRecordsTooLargeForFirehoseAndDeliverTheRest() throws IOException {
        List<KafkaRecord> records = new ArrayList<>(StockTicks.records(0, 3, 200, 1));
        KafkaRecord big = StockTicks.records(3, 1, 1_100_000, 1).get(0);
        records.add(1, big);

        invoke(StockTicks.event(records)).statusCode(200);

        assertEquals(3, Deliveries.lines(firehose).size());
        JsonNode letter = deadLetter(big.topicPartition(), big.offset());
        assertEquals("RecordTooLarge", letter.get("cause").asText());
        assertTrue(letter.get("reason").asText().contains("over Firehose's limit of 1024000 bytes"));
        assertEquals(StockTicks.TOPIC, letter.get("topic").asText());
        assertEquals(big.offset(), letter.get("offset").asLong());
        assertEquals(1_100_000, letter.get("valueSize").asInt());
        assertEquals("json", letter.get("valueFormat").asText());
    }

    @Test
    void shouldSendARecordThatFillsFirehosesLimitExactlyAndParkOneByteMore() throws IOException {
        // A value and its newline: 1,023,999 + 1 bytes is Firehose's largest record, one more is too large.
        KafkaRecord largest = StockTicks.records(0, 1, 1_023_999, 1).get(0);
        KafkaRecord tooLarge = StockTicks.records(1, 1, 1_024_000, 1).get(0);

        invoke(StockTicks.event(List.of(largest, tooLarge))).statusCode(200);

        assertEquals(1, Deliveries.lines(firehose).size());
        assertEquals(1_023_999, Deliveries.lines(firehose).get(0).length());
        assertEquals(
                "RecordTooLarge",
                deadLetter(tooLarge.topicPartition(), tooLarge.offset())
                        .get("cause")
                        .asText());
    }

    @Test
    void shouldSendTheLargestBinaryValueTheValueFormatCarriesAndParkOneByteMore() throws IOException {
        // "base64:" + base64 of 767,994 bytes + newline is exactly 1,024,000 bytes; one byte more makes 1,024,004.
        KafkaRecord largest = binary(0, 767_994);
        KafkaRecord tooLarge = binary(1, 767_995);

        invoke(StockTicks.event(List.of(largest, tooLarge))).statusCode(200);

        List<String> lines = Deliveries.lines(firehose);
        assertEquals(1, lines.size());
        assertArrayEquals(
                largest.value(), RecordLineEncoderTest.readBack(lines.get(0).getBytes(UTF_8)));
        JsonNode letter = deadLetter(tooLarge.topicPartition(), tooLarge.offset());
        assertEquals("RecordTooLarge", letter.get("cause").asText());
        assertEquals(767_995, letter.get("valueSize").asInt(), "the dead letter keeps the whole value");
    }

    @Test
    void shouldParkUndecodableRecordsWithTheirReason() throws IOException {
        invoke(EventFixtures.bytes("msk-mixed.json")).statusCode(200);

        JsonNode letter = deadLetter(new TopicPartition("ticks", 1), 8);
        assertEquals("UndecodableRecord", letter.get("cause").asText());
        assertTrue(letter.get("reason").asText().startsWith("value is not valid base64"));
        assertEquals(4, Deliveries.lines(firehose).size(), "6 decodable records, 2 of them tombstones");
    }

    @Test
    void shouldParkWhatDecodedOfAnUndecodableRecordTogetherWithItsRawJson() throws IOException {
        invoke(EventFixtures.bytes("header-value-as-base64-string.json")).statusCode(200);

        JsonNode letter = deadLetter(new TopicPartition("orders", 0), 31);
        assertEquals("UndecodableRecord", letter.get("cause").asText());
        assertEquals(
                "header \"carrier\" is a string, not an array of bytes",
                letter.get("reason").asText());
        assertEquals("order 31 shipped", letter.get("value").asText());
        assertEquals(1764200000000L, letter.get("timestamp").asLong());
        assertEquals("text", letter.get("rawFormat").asText(), "the event's own line breaks, kept exactly");
        assertEquals(
                "ZXhwcmVzcw==",
                JSON.readTree(letter.get("raw").asText())
                        .get("headers")
                        .get(0)
                        .get("carrier")
                        .asText());
        assertEquals(List.of("order 32 shipped"), Deliveries.lines(firehose));
    }

    @Test
    void shouldDeliverEveryGoodRecordOfAnEventWhoseHeaderNamesAStrictParserRefuses() throws IOException {
        invoke(EventFixtures.bytes("lone-surrogate-header-name.json")).statusCode(200);

        assertEquals(List.of("second"), Deliveries.lines(firehose));
        JsonNode letter = deadLetter(new TopicPartition("t", 0), 1);
        assertEquals(KafkaEventDecoder.NOT_UNICODE, letter.get("reason").asText());
        assertTrue(letter.get("raw").asText().contains("bad\\ud800name"), "the original escape, kept as text");
        deadLetter(new TopicPartition("t", 0), 3);
    }

    @Test
    void shouldDeliverBinaryAndMultiLineValuesAsOneLineEachThatReadsBack() {
        KafkaRecord protobuf =
                EventFixtures.decode("glue-protobuf.json").records().get(0);
        byte[] multiLine = "line one\nline two".getBytes(StandardCharsets.UTF_8);
        KafkaRecord text = new KafkaRecord(
                new TopicPartition("products", 2), 4052, 0, TimestampType.CREATE_TIME, null, multiLine, List.of());

        invoke(StockTicks.event(List.of(protobuf, text))).statusCode(200);

        List<String> lines = Deliveries.lines(firehose);
        assertEquals(2, lines.size(), "one line per record, whatever its bytes");
        assertArrayEquals(
                protobuf.value(), RecordLineEncoderTest.readBack(lines.get(0).getBytes(UTF_8)));
        assertArrayEquals(multiLine, RecordLineEncoderTest.readBack(lines.get(1).getBytes(UTF_8)));
    }

    @Test
    void shouldRetryAFiveHundredBurstLongerThanAnySdkRetryAndDeliverOnce() {
        firehose.faults().failNextCalls(6, 503, "ServiceUnavailableException");

        invoke(StockTicks.event(50, 100, 2)).statusCode(200);

        assertEquals(50, Deliveries.lines(firehose).size());
        assertEquals(50, Deliveries.counts(Deliveries.lines(firehose)).size(), "no duplicates");
    }

    @Test
    void shouldRetryThrottledCallsAndDeliverOnce() {
        firehose.faults().throttleNextCalls(3);

        invoke(StockTicks.event(60, 100, 3)).statusCode(200);

        assertEquals(60, Deliveries.lines(firehose).size());
        assertEquals(60, Deliveries.counts(Deliveries.lines(firehose)).size(), "no duplicates");
        assertTrue(firehose.stats(LocalAwsServices.STREAM).failedCalls() >= 3, "the throttled calls happened");
    }

    @Test
    void shouldFailTheInvocationDuringAnOutageNamingTheCounts() {
        firehose.faults().outage(true);

        JsonNode error =
                invoke(StockTicks.event(20, 100, 2)).statusCode(500).extract().as(JsonNode.class);

        String message = error.get("errorMessage").asText();
        assertTrue(message.startsWith("20 of 20 records were not delivered to Firehose stream demo-stream"), message);
        assertTrue(message.contains("re-delivers the batch"), message);
        assertTrue(Deliveries.lines(firehose).isEmpty());
    }

    @Test
    void shouldRejectANonKafkaEventWithAClearMessage() {
        JsonNode error = invoke(EventFixtures.bytes("not-kafka-sqs.json"))
                .statusCode(500)
                .extract()
                .as(JsonNode.class);

        assertEquals(
                KafkaEventDecoder.MISSING_EVENT_SOURCE,
                error.get("errorMessage").asText());
    }

    private static KafkaRecord binary(long offset, int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) (i * 31 + 7);
        }
        return new KafkaRecord(
                new TopicPartition(StockTicks.TOPIC, 0), offset, 0, TimestampType.CREATE_TIME, null, value, List.of());
    }

    private JsonNode deadLetter(TopicPartition partition, long offset) throws IOException {
        String key = "dead-letter/" + partition.topic() + "/" + partition.partition() + "/" + offset + ".json";
        try {
            return JSON.readTree(LocalAwsServices.s3()
                    .getObjectAsBytes(
                            b -> b.bucket(LocalAwsServices.DEAD_LETTER_BUCKET).key(key))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            throw new AssertionError("No dead letter at " + key, e);
        }
    }

    static ValidatableResponse invoke(byte[] event) {
        return given().contentType("application/json")
                .accept("application/json")
                .body(event)
                .when()
                .post()
                .then()
                .parser(STREAM_HANDLER_CONTENT_TYPE, Parser.JSON);
    }

    /** The function's structured output while {@code action} runs; the native twin reads its process log. */
    protected LogLines outputDuring(Runnable action) {
        return LogLines.capture(action);
    }
}
