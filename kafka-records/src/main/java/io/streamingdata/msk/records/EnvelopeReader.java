package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of the forwarder's {@code envelope} output back into the record it was written from: the exact
 * inverse of {@link RecordJson#writeFields(com.fasterxml.jackson.core.JsonGenerator, KafkaRecord)}, kept next to it
 * so that the envelope's shape lives in one package. A payload ({@code key}, {@code value}, a header's {@code value}) is
 * {@code null}, or is followed by its {@code <name>Format}: {@code json} (embedded as JSON with its bytes unchanged,
 * so the bytes are taken from the line as they are, whitespace around the document included), {@code text} (a JSON
 * string of valid UTF-8) or {@code base64} (standard base64). Fields it does not know are skipped, so a dead letter
 * (the same fields plus its reason) reads the same way.
 */
public final class EnvelopeReader {

    private EnvelopeReader() {}

    /** What a line turned out to be. */
    public sealed interface Line permits Envelope, NotAnEnvelope, Malformed {}

    /** A record, restorable exactly. */
    public record Envelope(KafkaRecord record) implements Line {}

    /** Not a JSON object with the envelope's coordinates: a {@code value}-format line (or something else). */
    public record NotAnEnvelope() implements Line {}

    /** It has the envelope's coordinates but cannot be read back exactly. */
    public record Malformed(String reason) implements Line {}

    public static final String UNDECODABLE =
            "the forwarder could not decode this record from its event (%s), so the letter "
                    + "holds only what decoded and the raw event JSON (field raw): restore it by hand";

    public static Line read(byte[] line) {
        return read(line, new Fields(line));
    }

    /**
     * Reads a dead letter: the envelope's fields plus {@code reason} and {@code cause}. A letter of a record the
     * forwarder could not decode is {@link Malformed}, with its reason: it does not hold the whole record.
     */
    public static Line readDeadLetter(byte[] letter) {
        Fields fields = new Fields(letter);
        Line line = read(letter, fields);
        if (UndecodableRecord.CAUSE.equals(fields.cause) || fields.hasRaw) {
            return new Malformed(UNDECODABLE.formatted(fields.reason));
        }
        return line instanceof NotAnEnvelope ? new Malformed("not a dead letter of the forwarder") : line;
    }

    private static Line read(byte[] bytes, Fields fields) {
        try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new NotAnEnvelope();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser);
            }
            if (parser.nextToken() != null) {
                return new NotAnEnvelope();
            }
        } catch (IOException | RuntimeException e) {
            return fields.hasCoordinates()
                    ? new Malformed("not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""))
                    : new NotAnEnvelope();
        }
        return fields.toLine();
    }

    /** A payload as the line carries it, decoded once its format is known. */
    private record Payload(boolean isNull, String text, int start, int end) {

        static final Payload NULL = new Payload(true, null, -1, -1);

        byte[] decode(String format, String field, byte[] line) {
            if (isNull) {
                if (format != null) {
                    throw new IllegalArgumentException(field + " is null but has " + field + "Format " + format);
                }
                return null;
            }
            if (format == null) {
                throw new IllegalArgumentException(field + " has no " + field + "Format");
            }
            return switch (format) {
                case "json" -> {
                    if (text != null) {
                        throw new IllegalArgumentException(field + " is a string but its format is json");
                    }
                    byte[] bytes = new byte[end - start];
                    System.arraycopy(line, start, bytes, 0, bytes.length);
                    yield bytes;
                }
                case "text" -> requireText(field, format).getBytes(StandardCharsets.UTF_8);
                case "base64" -> Base64Variants.MIME_NO_LINEFEEDS.decode(requireText(field, format));
                default -> throw new IllegalArgumentException(field + "Format " + format + " is unknown");
            };
        }

        private String requireText(String field, String format) {
            if (text == null) {
                throw new IllegalArgumentException(field + " is embedded JSON but its format is " + format);
            }
            return text;
        }
    }

    /** The fields of one line, collected in any order. */
    private static final class Fields {
        private final byte[] line;
        private final Map<String, Object> values = new HashMap<>();
        private List<Header> headers = List.of();
        private String cause;
        private String reason;
        private boolean hasRaw;

        Fields(byte[] line) {
            this.line = line;
        }

        void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "topic", "timestampType", "keyFormat", "valueFormat" -> values.put(name, string(parser, name));
                case "partition", "offset", "timestamp", "valueSize" -> values.put(name, number(parser, name));
                case "key", "value" -> values.put(name, payload(parser));
                case "headers" -> headers = headers(parser);
                case "keySchemaMetadata", "valueSchemaMetadata" -> values.put(name, schema(parser));
                case "cause" -> cause = parser.getValueAsString();
                case "reason" -> reason = parser.getValueAsString();
                case "raw" -> {
                    hasRaw = true;
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }

        boolean hasCoordinates() {
            return values.get("topic") instanceof String
                    && values.get("partition") instanceof Long
                    && values.get("offset") instanceof Long;
        }

        Line toLine() {
            if (!hasCoordinates() || !values.containsKey("timestamp") || !values.containsKey("timestampType")) {
                return new NotAnEnvelope();
            }
            try {
                return new Envelope(record());
            } catch (IllegalArgumentException e) {
                return new Malformed(e.getMessage());
            }
        }

        private KafkaRecord record() {
            long partition = (Long) values.get("partition");
            if (partition < 0 || partition > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("partition " + partition + " is out of range");
            }
            TimestampType type;
            try {
                type = TimestampType.valueOf((String) values.get("timestampType"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timestampType " + values.get("timestampType") + " is unknown");
            }
            byte[] key = payloadOf("key");
            byte[] value = payloadOf("value");
            Object size = values.get("valueSize");
            long expectedSize = size instanceof Long s ? s : -1;
            if (expectedSize >= 0 && expectedSize != (value == null ? 0 : value.length)) {
                throw new IllegalArgumentException("value decodes to " + (value == null ? 0 : value.length)
                        + " bytes but valueSize is " + expectedSize);
            }
            List<KafkaHeader> decodedHeaders = new ArrayList<>(headers.size());
            for (Header header : headers) {
                decodedHeaders.add(new KafkaHeader(
                        header.name(),
                        header.value().decode(header.format(), "header " + header.name() + " value", line)));
            }
            return new KafkaRecord(
                    new TopicPartition((String) values.get("topic"), (int) partition),
                    (Long) values.get("offset"),
                    (Long) values.get("timestamp"),
                    type,
                    key,
                    value,
                    decodedHeaders,
                    (SchemaMetadata) values.get("keySchemaMetadata"),
                    (SchemaMetadata) values.get("valueSchemaMetadata"));
        }

        private byte[] payloadOf(String field) {
            Object payload = values.get(field);
            if (payload == null) {
                if (field.equals("value")) {
                    throw new IllegalArgumentException("the envelope has no value field");
                }
                return null; // a record without a key writes "key":null; older lines may omit it
            }
            return ((Payload) payload).decode((String) values.get(field + "Format"), field, line);
        }

        private Payload payload(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case VALUE_NULL -> Payload.NULL;
                case VALUE_STRING -> new Payload(false, parser.getText(), -1, -1);
                case START_OBJECT, START_ARRAY -> embedded(parser);
                default ->
                    throw new IllegalArgumentException(
                            "a payload must be null, a string, an object or an array, not " + token);
            };
        }

        /** The embedded document's bytes, with the spaces or tabs around it (the generator writes none itself). */
        private Payload embedded(JsonParser parser) throws IOException {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            while (start > 0 && isBlank(line[start - 1])) {
                start--;
            }
            while (end < line.length && isBlank(line[end])) {
                end++;
            }
            return new Payload(false, null, start, end);
        }

        private static boolean isBlank(byte b) {
            return b == ' ' || b == '\t';
        }

        private List<Header> headers(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("headers must be an array");
            }
            List<Header> list = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                Payload value = null;
                String format = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "name" -> name = string(parser, "header name");
                        case "value" -> value = payload(parser);
                        case "valueFormat" -> format = string(parser, "header valueFormat");
                        default -> parser.skipChildren();
                    }
                }
                if (name == null || value == null) {
                    throw new IllegalArgumentException("a header needs a name and a value");
                }
                list.add(new Header(name, value, format));
            }
            return list;
        }

        private static SchemaMetadata schema(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("schema metadata must be an object");
            }
            String dataFormat = null;
            String schemaId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "dataFormat" -> dataFormat = string(parser, field);
                    case "schemaId" -> schemaId = string(parser, field);
                    default -> parser.skipChildren();
                }
            }
            return new SchemaMetadata(dataFormat, schemaId);
        }

        private static String string(JsonParser parser, String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException(field + " must be a string");
            }
            return parser.getText();
        }

        private static long number(JsonParser parser, String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new IllegalArgumentException(field + " must be a whole number");
            }
            return parser.getLongValue();
        }
    }

    private record Header(String name, Payload value, String format) {}
}
