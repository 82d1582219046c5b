package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body from the connection into a JSON tree, decoding the records' base64 {@code Data}
 * ({@code Record.Data} of PutRecord, {@code Records[].Data} of PutRecordBatch) straight from the stream into bytes.
 * Neither the body nor the base64 text is ever held whole: a 4 MiB batch costs its decoded 4 MiB, where a plain tree
 * would hold the body's bytes, its characters and its strings at once, several times the body's size.
 */
final class RequestBodyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The connection's stream is drained by the handler after parsing, so the parser must not close it. */
    private static final JsonFactory FACTORY = MAPPER.getFactory().copy().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestBodyReader() {}

    /**
     * The body as a JSON object; an empty body counts as {@code {}}, as the SDK sends for no input.
     *
     * @throws ApiError SerializationException for malformed JSON, a body that is not an object, or bad base64
     * @throws IOException when the connection fails, or {@link BodyStreams.TooLarge} past the size limit
     */
    static ObjectNode read(InputStream body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return NODES.objectNode();
            }
            if (first != JsonToken.START_OBJECT) {
                throw ApiError.serialization("Request body must be a JSON object");
            }
            ObjectNode root = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Record") && value == JsonToken.START_OBJECT) {
                    root.set(name, record(p, "record"));
                } else if (name.equals("Records") && value == JsonToken.START_ARRAY) {
                    root.set(name, records(p));
                } else {
                    root.set(name, MAPPER.readTree(p));
                }
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ApiError.serialization("Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static ArrayNode records(JsonParser p) throws IOException {
        ArrayNode records = NODES.arrayNode();
        int index = 1; // the service numbers members from 1
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw ApiError.serialization("Malformed JSON: unexpected end of input in 'records'");
            }
            records.add(t == JsonToken.START_OBJECT ? record(p, "records." + index + ".member") : MAPPER.readTree(p));
            index++;
        }
        return records;
    }

    private static ObjectNode record(JsonParser p, String path) throws IOException {
        ObjectNode record = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("Data") && value == JsonToken.VALUE_STRING) {
                record.set(name, BinaryNode.valueOf(decode(p, path)));
            } else {
                record.set(name, MAPPER.readTree(p));
            }
        }
        return record;
    }

    private static byte[] decode(JsonParser p, String path) throws IOException {
        try {
            return p.getBinaryValue();
        } catch (JsonProcessingException e) {
            throw ApiError.serialization("'" + path + ".data' is not valid base64: " + e.getOriginalMessage());
        }
    }
}
