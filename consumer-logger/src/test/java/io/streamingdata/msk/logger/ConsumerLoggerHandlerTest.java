package io.streamingdata.msk.logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.LogLines;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Lambda path: MSK events posted to the Quarkus mock event server, as the Lambda runtime would deliver them. */
@QuarkusTest
class ConsumerLoggerHandlerTest {

    /** The mock event server labels a stream handler\'s answer so; the bytes are the function\'s JSON. */
    static final String STREAM_HANDLER_CONTENT_TYPE = "application/x-www-form-urlencoded";

    @Test
    void shouldLogEveryRecordOfEveryPartitionAndReturnASummary() {
        AtomicReference<ValidatableResponse> response = new AtomicReference<>();

        LogLines lines = logLinesDuring(() -> response.set(invoke("msk-mixed.json")));

        response.get().statusCode(200);
        JsonNode summary = response.get().extract().as(JsonNode.class);
        assertEquals(8, summary.get("records").asInt());
        assertEquals(6, summary.get("logged").asInt());
        assertEquals(2, summary.get("tombstones").asInt());
        assertEquals(1, summary.get("binary").asInt());
        assertEquals(2, summary.get("undecodable").asInt());
        assertEquals(3, summary.get("partitions").asInt());
        assertEquals(6, lines.ofType("record").size());
        assertEquals(2, lines.ofType("undecodable").size());
    }

    @Test
    void shouldLogJsonValuesAsJsonTextAsTextAndBinaryAsMarkedBase64() {
        LogLines lines = logLinesDuring(() -> invoke("msk-mixed.json").statusCode(200));

        JsonNode json = lines.record("ticks", 0, 100);
        assertEquals("AMZN", json.get("key").asText());
        assertEquals("json", json.get("valueFormat").asText());
        assertEquals(61.17, json.get("value").get("price").asDouble());
        assertEquals("2025-11-25T20:00:00Z", json.get("time").asText());

        JsonNode text = lines.record("ticks", 0, 101);
        assertEquals("plain text without a key", text.get("value").asText());
        assertEquals("text", text.get("valueFormat").asText());
        assertTrue(text.get("key").isNull());
        assertEquals("LOG_APPEND_TIME", text.get("timestampType").asText());

        JsonNode binary = lines.record("ticks", 1, 7);
        assertEquals("AAEC//6Afw==", binary.get("value").asText());
        assertEquals("base64", binary.get("valueFormat").asText());
        assertEquals(7, binary.get("valueSize").asInt());
    }

    @Test
    void shouldLogTombstonesRepeatedHeadersAndSignedHeaderBytes() {
        LogLines lines = logLinesDuring(() -> invoke("msk-mixed.json").statusCode(200));

        JsonNode tombstone = lines.record("ticks", 0, 102);
        assertTrue(tombstone.get("tombstone").asBoolean());
        assertTrue(tombstone.get("value").isNull());
        assertTrue(lines.record("ticks", 0, 103).get("tombstone").asBoolean(), "missing value field");

        JsonNode headers = lines.record("ticks", 0, 100).get("headers");
        assertEquals(3, headers.size());
        assertEquals("trace", headers.get(0).get("name").asText());
        assertEquals("a1", headers.get(0).get("value").asText());
        assertEquals("trace", headers.get(1).get("name").asText());
        assertEquals("b2", headers.get(1).get("value").asText());
        assertEquals("ë", headers.get(2).get("value").asText());
    }

    @Test
    void shouldLogUndecodableRecordsWithTheirCoordinatesAndReason() {
        LogLines lines = logLinesDuring(() -> invoke("msk-mixed.json").statusCode(200));

        JsonNode badValue = lines.ofType("undecodable").get(0);
        assertEquals("WARN", badValue.get("level").asText());
        assertEquals("ticks", badValue.get("topic").asText());
        assertEquals(1, badValue.get("partition").asInt());
        assertEquals(8, badValue.get("offset").asLong());
        assertTrue(badValue.get("reason").asText().startsWith("value is not valid base64"));
    }

    @Test
    void shouldWriteOneSummaryLinePerBatchWithPartitionRanges() {
        LogLines lines = logLinesDuring(() -> invoke("msk-mixed.json").statusCode(200));

        JsonNode summary = lines.only("batch");
        assertEquals("MSK", summary.get("source").asText());
        JsonNode ticks0 = summary.get("partitions").get("ticks-0");
        assertEquals(4, ticks0.get("records").asInt());
        assertEquals(100, ticks0.get("firstOffset").asLong());
        assertEquals(103, ticks0.get("lastOffset").asLong());
        assertEquals(2, summary.get("undecodable").asInt());
    }

    @Test
    void shouldNeverLogTheRawEventOrItsBase64Payloads() {
        String rawEvent = EventFixtures.json("msk-basic.json");
        String base64Value = "eyJpZCI6Nywic3VtIjo5Ljk5fQ==";
        assertTrue(rawEvent.contains(base64Value));

        LogLines lines = logLinesDuring(() -> invoke("msk-basic.json").statusCode(200));

        assertEquals(3, lines.all().size(), "two record lines and one summary, nothing else");
        assertFalse(lines.all().toString().contains(base64Value));
        assertFalse(lines.all().toString().contains("eventSourceArn"));
    }

    @Test
    void shouldAcceptAnEmptyBatch() {
        AtomicReference<ValidatableResponse> response = new AtomicReference<>();

        LogLines lines = logLinesDuring(() -> response.set(invoke("msk-empty-records.json")));

        response.get().statusCode(200);
        assertEquals(
                0, response.get().extract().as(JsonNode.class).get("records").asInt());
        assertEquals(0, lines.only("batch").get("records").asInt());
    }

    @Test
    void shouldRejectANonKafkaEventWithAClearMessage() {
        ValidatableResponse response = invoke("not-kafka-sqs.json");

        response.statusCode(500);
        JsonNode error = response.extract().as(JsonNode.class);
        assertEquals(
                KafkaEventDecoder.MISSING_EVENT_SOURCE,
                error.get("errorMessage").asText());
    }

    @Test
    void shouldRejectRecordsOfTheWrongShapeWithAClearMessage() {
        JsonNode error =
                invoke("msk-records-array.json").statusCode(500).extract().as(JsonNode.class);

        assertEquals(
                KafkaEventDecoder.RECORDS_NOT_OBJECT.formatted("an array"),
                error.get("errorMessage").asText());
    }

    @Test
    void shouldLogEveryRecordOfAnEventWhoseHeaderNamesAStrictParserRefuses() {
        AtomicReference<ValidatableResponse> response = new AtomicReference<>();

        LogLines lines = logLinesDuring(() -> response.set(invoke("lone-surrogate-header-name.json")));

        response.get().statusCode(200);
        assertEquals(1, lines.ofType("record").size());
        assertEquals(2, lines.ofType("undecodable").size());
        JsonNode first = lines.ofType("undecodable").get(0);
        assertEquals(KafkaEventDecoder.NOT_UNICODE, first.get("reason").asText());
        assertEquals("first", first.get("value").asText());
    }

    @Test
    void shouldAcceptTheAwsPrefixedSelfManagedKafkaEventSource() {
        LogLines lines =
                logLinesDuring(() -> invoke("self-managed-aws-prefix.json").statusCode(200));

        assertEquals("SELF_MANAGED_KAFKA", lines.only("batch").get("source").asText());
        assertEquals(7, lines.record("inventory", 0, 7).get("value").get("item").asInt());
    }

    /** Overridden by the native twin, whose output goes to a log file instead of this JVM's standard output. */
    protected LogLines logLinesDuring(Runnable action) {
        return LogLines.capture(action);
    }

    static ValidatableResponse invoke(String fixture) {
        return given().contentType("application/json")
                .accept("application/json")
                .body(EventFixtures.bytes(fixture))
                .when()
                .post()
                .then()
                .parser(STREAM_HANDLER_CONTENT_TYPE, Parser.JSON);
    }
}
