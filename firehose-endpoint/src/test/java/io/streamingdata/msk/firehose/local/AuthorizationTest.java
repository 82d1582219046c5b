package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.AMZ_DATE;
import static io.streamingdata.msk.firehose.local.TestSupport.SIGV4_AUTHORIZATION;
import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.FirehoseException;

/**
 * The service's front end before any operation runs: a request names its operation in {@code X-Amz-Target} and
 * carries SigV4 authorization, or it is refused with the error the service gives (signatures are not verified).
 */
class AuthorizationTest {
    private static final String STREAM = "auth-stream";
    private static final String PUT_BATCH = LocalFirehose.TARGET_PREFIX + "PutRecordBatch";
    private static final String BODY =
            "{\"DeliveryStreamName\":\"" + STREAM + "\",\"Records\":[{\"Data\":\"aGVsbG8=\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final EndpointFixture fixture =
            EndpointFixture.of(b -> b.stream(STREAM)).resetBeforeEach(STREAM);

    @Test
    void anSdkClientWithoutCredentialsIsRefusedWithMissingAuthenticationTokenAndNotRetried() {
        try (FirehoseClient anonymous = FirehoseClient.builder()
                .endpointOverride(fixture.firehose().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            FirehoseException e = assertThrows(
                    FirehoseException.class,
                    () -> anonymous.putRecordBatch(
                            b -> b.deliveryStreamName(STREAM).records(record("x"))));
            assertEquals(400, e.statusCode());
            assertEquals(SignaturePresence.MISSING_TOKEN, e.awsErrorDetails().errorCode());
            assertEquals("Missing Authentication Token", e.awsErrorDetails().errorMessage());
            assertEquals(1, e.numAttempts());
        }
        assertNothingAccepted();
    }

    @Test
    void aSignedSdkClientWithAnyCredentialsIsServed() {
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record("signed")))
                        .failedPutCount());
        assertEquals(1, fixture.firehose().stats(STREAM).acceptedRecords());
    }

    @Test
    void aRequestWithoutAuthorizationIsAMissingAuthenticationToken() throws Exception {
        JsonNode error = assertError(send(request(PUT_BATCH, BODY).build()), SignaturePresence.MISSING_TOKEN);
        assertEquals("Missing Authentication Token", error.get("message").asText());
        assertError(
                send(request(PUT_BATCH, BODY)
                        .header("Authorization", "")
                        .header("X-Amz-Date", AMZ_DATE)
                        .build()),
                SignaturePresence.MISSING_TOKEN);
        assertNothingAccepted();
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnIncompleteSignatureNamingEachMissingPart() throws Exception {
        JsonNode error = assertError(
                send(request(PUT_BATCH, BODY).header("Authorization", "X").build()),
                SignaturePresence.INCOMPLETE_SIGNATURE);
        assertEquals(
                "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=X",
                error.get("message").asText());

        String partial = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/firehose/aws4_request, Signature=abc";
        error = assertError(
                send(request(PUT_BATCH, BODY)
                        .header("Authorization", partial)
                        .header("X-Amz-Date", AMZ_DATE)
                        .build()),
                SignaturePresence.INCOMPLETE_SIGNATURE);
        assertEquals(
                "Authorization header requires 'SignedHeaders' parameter. Authorization=" + partial,
                error.get("message").asText());

        error = assertError(
                send(request(PUT_BATCH, BODY)
                        .header("Authorization", SIGV4_AUTHORIZATION)
                        .build()),
                SignaturePresence.INCOMPLETE_SIGNATURE);
        assertEquals(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=" + SIGV4_AUTHORIZATION,
                error.get("message").asText());
        assertNothingAccepted();
    }

    @Test
    void aPresignedRequestNeedsEveryQueryParameterAndNotAlsoAHeader() throws Exception {
        String complete =
                "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=k%2F20260101%2Feu-west-1%2Ffirehose%2Faws4_request"
                        + "&X-Amz-Date=" + AMZ_DATE + "&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";
        assertEquals(200, send(request(PUT_BATCH, BODY, complete).build()).statusCode());
        assertEquals(1, fixture.firehose().stats(STREAM).acceptedRecords());

        JsonNode error = assertError(
                send(request(PUT_BATCH, BODY, "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + AMZ_DATE)
                        .build()),
                SignaturePresence.INCOMPLETE_SIGNATURE);
        assertEquals(
                "AWS query-string parameters must include 'X-Amz-Credential'. "
                        + "AWS query-string parameters must include 'X-Amz-Signature'. "
                        + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                        + "Re-examine the query-string parameters.",
                error.get("message").asText());

        error = assertError(
                send(request(PUT_BATCH, BODY, complete)
                        .header("Authorization", SIGV4_AUTHORIZATION)
                        .header("X-Amz-Date", AMZ_DATE)
                        .build()),
                SignaturePresence.INVALID_SIGNATURE);
        assertTrue(error.get("message").asText().startsWith("Found both 'X-Amz-Algorithm'"), error.toString());
        assertEquals(1, fixture.firehose().stats(STREAM).acceptedRecords(), "the refused calls accepted nothing");
    }

    @Test
    void aMissingTargetIsAnUnknownOperationSignedOrNot() throws Exception {
        JsonNode signed = assertError(
                send(request(null, BODY)
                        .header("Authorization", SIGV4_AUTHORIZATION)
                        .header("X-Amz-Date", AMZ_DATE)
                        .build()),
                "UnknownOperationException");
        assertTrue(signed.get("message").asText().contains("X-Amz-Target"), signed.toString());
        // The service resolves the operation before it looks at the authorization.
        assertError(send(request(null, BODY).build()), "UnknownOperationException");
        assertError(send(request("Firehose_20150804.TagDeliveryStream", BODY).build()), "UnknownOperationException");
        assertNothingAccepted();
    }

    @Test
    void theCredentialScopeRegionShapesTheArn() throws Exception {
        String euWest = SIGV4_AUTHORIZATION.replace("/us-east-1/", "/eu-west-1/");
        HttpResponse<String> response = send(request(
                        LocalFirehose.TARGET_PREFIX + "DescribeDeliveryStream",
                        "{\"DeliveryStreamName\":\"" + STREAM + "\"}")
                .header("Authorization", euWest)
                .header("X-Amz-Date", AMZ_DATE)
                .build());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "arn:aws:firehose:eu-west-1:000000000000:deliverystream/" + STREAM,
                JSON.readTree(response.body())
                        .at("/DeliveryStreamDescription/DeliveryStreamARN")
                        .asText());
    }

    @Test
    void theAdminEndpointsNeedNoAuthorization() throws Exception {
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(fixture.firehose().endpoint().resolve("/_local/health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }

    private static JsonNode assertError(HttpResponse<String> response, String type) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                LocalFirehose.CONTENT_TYPE,
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(type, body.get("__type").asText(), response.body());
        return body;
    }

    private static void assertNothingAccepted() {
        assertEquals(0, fixture.firehose().stats(STREAM).acceptedRecords());
    }

    private static HttpRequest.Builder request(String target, String body) {
        return request(target, body, "");
    }

    private static HttpRequest.Builder request(String target, String body, String query) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        fixture.firehose().endpoint().resolve("/" + query))
                .header("Content-Type", LocalFirehose.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            builder.header("X-Amz-Target", target);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
