package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** The AWS JSON 1.1 wire format: request bodies in, response and error bodies out, with the service's headers. */
final class AwsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private AwsJson() {
    }

    /** The request body as a JSON object; an empty body counts as {@code {}}, as the SDK sends for no input. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body.length == 0 ? EMPTY_OBJECT : body);
            if (node == null || !node.isObject()) {
                throw ApiError.serialization("Request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.serialization("Malformed JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** A streaming generator, for responses too large to build as maps first. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out);
    }

    static byte[] error(String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("message", message);
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", LocalFirehose.CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
