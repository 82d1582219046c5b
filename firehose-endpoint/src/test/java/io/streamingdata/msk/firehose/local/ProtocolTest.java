package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static io.streamingdata.msk.firehose.local.TestSupport.records;
import static io.streamingdata.msk.firehose.local.TestSupport.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.PutRecordResponse;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

class ProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final EndpointFixture fixture = EndpointFixture.of(
                    b -> b.port(0).stream("demo-stream").stream("other-stream").seed(42))
            .resetBeforeEach("demo-stream");

    @Test
    void endpointIsLoopbackWithTheBoundPort() {
        URI endpoint = fixture.firehose().endpoint();
        assertEquals("http", endpoint.getScheme());
        assertEquals("127.0.0.1", endpoint.getHost());
        assertTrue(endpoint.getPort() > 0);
        assertEquals(endpoint.getPort(), fixture.firehose().port());
    }

    @Test
    void putRecordBatchRoundTripThroughTheSdk() {
        PutRecordBatchResponse response = fixture.client()
                .putRecordBatch(b -> b.deliveryStreamName("demo-stream").records(records("tick", 3)));
        assertEquals(0, response.failedPutCount());
        assertFalse(response.encrypted());
        assertEquals(3, response.requestResponses().size());
        for (PutRecordBatchResponseEntry entry : response.requestResponses()) {
            assertNotNull(entry.recordId());
            assertNull(entry.errorCode());
        }
        assertEquals(
                3,
                response.requestResponses().stream()
                        .map(PutRecordBatchResponseEntry::recordId)
                        .distinct()
                        .count());
        assertEquals(
                List.of("tick-0\n", "tick-1\n", "tick-2\n"),
                texts(fixture.firehose().deliveredRecords("demo-stream")));
        StreamStats stats = fixture.firehose().stats("demo-stream");
        assertEquals(1, stats.calls());
        assertEquals(3, stats.acceptedRecords());
        assertEquals(21, stats.bytes());
        assertEquals(0, stats.failedRecords() + stats.rejectedCalls() + stats.failedCalls());
    }

    @Test
    void putRecordRoundTripThroughTheSdk() {
        PutRecordResponse response = fixture.client()
                .putRecord(b -> b.deliveryStreamName("demo-stream").record(record("single")));
        assertNotNull(response.recordId());
        assertFalse(response.encrypted());
        assertEquals(List.of("single"), texts(fixture.firehose().deliveredRecords("demo-stream")));
    }

    @Test
    void duplicatesAreKeptInAcceptanceOrder() {
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("demo-stream").records(record("a"), record("b")));
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("demo-stream").records(record("b"), record("c")));
        assertEquals(List.of("a", "b", "b", "c"), texts(fixture.firehose().deliveredRecords("demo-stream")));
    }

    @Test
    void unknownStreamIsATypedResourceNotFoundAndNotRetried() {
        ResourceNotFoundException e = assertThrows(
                ResourceNotFoundException.class,
                () -> fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName("nope").records(record("x"))));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertEquals(1, e.numAttempts());
        assertTrue(fixture.firehose().deliveredRecords("demo-stream").isEmpty());
    }

    @Test
    void wireFormatMatchesAwsJson11() throws Exception {
        HttpResponse<String> response = post(
                "Firehose_20150804.PutRecordBatch",
                "{\"DeliveryStreamName\":\"demo-stream\",\"Records\":[{\"Data\":\"aGVsbG8=\"},{\"Data\":\"d29ybGQ=\"}]}");
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/x-amz-json-1.1",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(
                response.headers().firstValue("x-amzn-RequestId").orElseThrow().isBlank());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(0, body.get("FailedPutCount").asInt());
        assertFalse(body.get("Encrypted").asBoolean(true));
        assertEquals(2, body.get("RequestResponses").size());
        assertTrue(body.get("RequestResponses").get(0).hasNonNull("RecordId"));
        assertEquals(List.of("hello", "world"), texts(fixture.firehose().deliveredRecords("demo-stream")));
    }

    @Test
    void missingDeliveryStreamNameIsA400ValidationException() throws Exception {
        HttpResponse<String> response =
                post("Firehose_20150804.PutRecordBatch", "{\"Records\":[{\"Data\":\"aGVsbG8=\"}]}");
        assertEquals(400, response.statusCode());
        assertEquals(
                "application/x-amz-json-1.1",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("ValidationException", body.get("__type").asText());
        assertTrue(body.get("message").asText().contains("'deliveryStreamName'"), body.toString());
        assertTrue(fixture.firehose().deliveredRecords("demo-stream").isEmpty());
    }

    @Test
    void unknownTargetAndMalformedJsonAreRejected() throws Exception {
        HttpResponse<String> unknown = post("Firehose_20150804.CreateDeliveryStream", "{}");
        assertEquals(400, unknown.statusCode());
        assertEquals(
                "UnknownOperationException",
                JSON.readTree(unknown.body()).get("__type").asText());
        HttpResponse<String> malformed = post("Firehose_20150804.PutRecordBatch", "{\"DeliveryStreamName\":");
        assertEquals(400, malformed.statusCode());
        assertEquals(
                "SerializationException",
                JSON.readTree(malformed.body()).get("__type").asText());
        HttpResponse<String> badBase64 = post(
                "Firehose_20150804.PutRecord",
                "{\"DeliveryStreamName\":\"demo-stream\",\"Record\":{\"Data\":\"***\"}}");
        assertEquals(400, badBase64.statusCode());
        assertTrue(fixture.firehose().deliveredRecords("demo-stream").isEmpty());
    }

    @Test
    void describeAndListDeliveryStreams() {
        DeliveryStreamDescription d = fixture.client()
                .describeDeliveryStream(b -> b.deliveryStreamName("demo-stream"))
                .deliveryStreamDescription();
        assertEquals("demo-stream", d.deliveryStreamName());
        assertEquals("ACTIVE", d.deliveryStreamStatusAsString());
        assertEquals("DirectPut", d.deliveryStreamTypeAsString());
        assertEquals("arn:aws:firehose:us-east-1:000000000000:deliverystream/demo-stream", d.deliveryStreamARN());
        assertThrows(
                ResourceNotFoundException.class,
                () -> fixture.client().describeDeliveryStream(b -> b.deliveryStreamName("nope")));
        assertEquals(
                List.of("demo-stream", "other-stream"),
                fixture.client().listDeliveryStreams(b -> {}).deliveryStreamNames());
        var page = fixture.client().listDeliveryStreams(b -> b.limit(1));
        assertEquals(List.of("demo-stream"), page.deliveryStreamNames());
        assertTrue(page.hasMoreDeliveryStreams());
    }

    @Test
    void adminStatsEndpointReportsCounters() throws Exception {
        fixture.client().putRecordBatch(b -> b.deliveryStreamName("demo-stream").records(records("s", 2)));
        HttpResponse<String> stats = HTTP.send(
                HttpRequest.newBuilder(fixture.firehose().endpoint().resolve("/_local/stats"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode());
        assertEquals(
                2,
                JSON.readTree(stats.body())
                        .at("/streams/demo-stream/acceptedRecords")
                        .asInt());
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        fixture.firehose().endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .header("Authorization", TestSupport.SIGV4_AUTHORIZATION)
                .header("X-Amz-Date", TestSupport.AMZ_DATE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
