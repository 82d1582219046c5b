package io.streamingdata.msk.firehose.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyReaderTest {
    @Test
    void recordDataIsDecodedToBytesAndEverythingElseIsPlainJson() throws IOException {
        JsonNode request = read("{\"DeliveryStreamName\":\"s\",\"Records\":[{\"Data\":\"aGVsbG8=\"},{\"Data\":\"\"}],"
                + "\"Record\":{\"Data\":\"d29ybGQ=\"},\"Other\":{\"Data\":\"aGVsbG8=\"}}");
        assertEquals("s", request.get("DeliveryStreamName").asText());
        assertTrue(request.at("/Records/0/Data").isBinary());
        assertArrayEquals(
                "hello".getBytes(StandardCharsets.US_ASCII),
                request.at("/Records/0/Data").binaryValue());
        assertArrayEquals(new byte[0], request.at("/Records/1/Data").binaryValue());
        assertArrayEquals(
                "world".getBytes(StandardCharsets.US_ASCII),
                request.at("/Record/Data").binaryValue());
        assertTrue(request.at("/Other/Data").isTextual(), "only the records' Data is a blob");
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() throws IOException {
        assertEquals(0, read("").size());
    }

    @Test
    void badBase64NamesTheRecordAsTheServiceNumbersIt() {
        ApiError e = assertThrows(
                ApiError.class, () -> read("{\"Records\":[{\"Data\":\"aGVsbG8=\"},{\"Data\":\"aGVsbG8\"}]}"));
        assertEquals("SerializationException", e.type);
        assertTrue(e.getMessage().startsWith("'records.2.member.data' is not valid base64"), e.getMessage());
        e = assertThrows(ApiError.class, () -> read("{\"Record\":{\"Data\":\"***\"}}"));
        assertTrue(e.getMessage().startsWith("'record.data' is not valid base64"), e.getMessage());
    }

    @Test
    void dataThatIsNoStringAndBodiesThatAreNoObjectAreLeftToValidation() throws IOException {
        assertTrue(read("{\"Records\":[{\"Data\":12}]}").at("/Records/0/Data").isNumber());
        ApiError e = assertThrows(ApiError.class, () -> read("[1]"));
        assertEquals("SerializationException", e.type);
        e = assertThrows(ApiError.class, () -> read("{\"Records\":[{\"Data\":\"aGVs"));
        assertEquals("SerializationException", e.type);
    }

    private static JsonNode read(String body) throws IOException {
        return RequestBodyReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
