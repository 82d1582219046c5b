package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamingdata.msk.records.internal.EventJsonParser;
import io.streamingdata.msk.records.internal.InputBytes;
import io.streamingdata.msk.records.internal.JsonTextRepair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decodes the JSON event that a Lambda event source mapping sends for Amazon MSK or self-managed Kafka into a
 * {@link KafkaBatch}, in one streaming pass (a 6 MB event is never held as a tree).
 * <p>
 * The event's shape is checked as it is read: a wrong or missing {@code eventSource}, a missing {@code records}
 * object or a record without its coordinates rejects the whole event with an {@link InvalidKafkaEventException}
 * whose message names the problem. A record whose content cannot be decoded (key or value not base64, a header of
 * an unexpected shape, text that is not valid Unicode, an unknown timestamp type) becomes an
 * {@link UndecodableRecord} at its position, with everything that did decode and its raw JSON, and the rest of the
 * batch decodes normally. Names and strings may be as long as the event itself: the parser's defaults (50,000
 * characters for a name) would otherwise let one long header name fail a whole batch.
 */
public final class KafkaEventDecoder {

    static final String EXPECTED_SHAPE = "A Kafka event from Lambda is a JSON object with \"eventSource\": "
            + "\"aws:kafka\" (Amazon MSK) or \"SelfManagedKafka\" and a \"records\" object keyed by "
            + "\"<topic>-<partition>\".";
    public static final String NOT_JSON = "The event is not valid JSON";
    public static final String NOT_AN_OBJECT = "The event is not a JSON object. " + EXPECTED_SHAPE;
    public static final String NO_EVENT = "The function received no event. " + EXPECTED_SHAPE;
    public static final String MISSING_EVENT_SOURCE =
            "The event has no \"eventSource\" field, so it is not a Kafka event. " + EXPECTED_SHAPE;
    public static final String WRONG_EVENT_SOURCE = "The event comes from \"%s\", not from Kafka. This function "
            + "must be triggered by an Amazon MSK or self-managed Kafka event source mapping. " + EXPECTED_SHAPE;
    public static final String MISSING_RECORDS = "The event has no \"records\" object. " + EXPECTED_SHAPE;
    public static final String RECORDS_NOT_OBJECT =
            "The event's \"records\" must be an object keyed by \"<topic>-<partition>\", but it is %s.";
    public static final String PARTITION_NOT_ARRAY = "records[\"%s\"] must be an array of records, but it is %s.";
    public static final String RECORD_NOT_OBJECT = "records[\"%s\"][%d] must be a record object, but it is %s.";
    public static final String RECORD_FIELD_MISSING =
            "records[\"%s\"][%d] has no \"%s\"; every record needs \"topic\", \"partition\" and \"offset\".";
    public static final String RECORD_FIELD_WRONG_TYPE = "records[\"%s\"][%d].%s must be %s, but it is %s.";

    public static final String BAD_BASE64 = "%s is not valid base64 (%s)";
    public static final String BAD_HEADER = "header %s %s";
    public static final String BAD_TIMESTAMP = "timestamp %s is not a number of milliseconds";
    public static final String BAD_TIMESTAMP_TYPE =
            "timestampType \"%s\" is not one of CREATE_TIME, LOG_APPEND_TIME, NO_TIMESTAMP_TYPE";
    public static final String BAD_SCHEMA_METADATA = "%s is %s, not an object {\"dataFormat\", \"schemaId\"}";
    public static final String NOT_UNICODE = "the record contains text that is not valid Unicode (a lone surrogate "
            + "or bytes that are not UTF-8); the decoded fields carry U+FFFD or '?' in its place, the raw JSON keeps "
            + "the original";

    private static final JsonFactory JSON = Json.EVENTS;

    /** Decodes an event from its JSON bytes. */
    public KafkaBatch decode(byte[] json) {
        try {
            return decode(json, null, json);
        } catch (InvalidKafkaEventException strictFailure) {
            JsonTextRepair.Result repaired = JsonTextRepair.repair(json);
            if (repaired == null) {
                throw strictFailure;
            }
            return decode(repaired.json(), repaired, json);
        }
    }

    /**
     * Decodes an event from a stream, which is read to its end but not closed. The bytes of a
     * {@link java.io.ByteArrayInputStream} are parsed where they are, without a copy, and never written to.
     */
    public KafkaBatch decode(InputStream json) {
        try {
            return decode(InputBytes.readAll(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param repair what was replaced to make {@code json} parse, or {@code null}
     * @param original the bytes as received, from which undecodable records keep their raw JSON
     */
    private KafkaBatch decode(byte[] json, JsonTextRepair.Result repair, byte[] original) {
        try (JsonParser parser = JSON.createParser(json)) {
            return new EventReader(parser, repair, original).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidKafkaEventException(NOT_JSON + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** Reads the event's top level. */
    private record EventReader(JsonParser p, JsonTextRepair.Result repair, byte[] original) {

        KafkaBatch read() throws IOException {
            JsonToken token = p.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                throw new InvalidKafkaEventException(NO_EVENT);
            }
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidKafkaEventException(NOT_AN_OBJECT);
            }
            String eventSource = null;
            String sourceArn = null;
            String bootstrapServers = null;
            List<BatchEntry> entries = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "eventSource" -> eventSource = value == JsonToken.VALUE_STRING ? p.getText() : describe(value);
                    case "eventSourceArn" -> sourceArn = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "bootstrapServers" -> bootstrapServers = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "records" -> entries = readRecords(value);
                    default -> p.skipChildren();
                }
            }
            if (eventSource == null) {
                throw new InvalidKafkaEventException(MISSING_EVENT_SOURCE);
            }
            String name = eventSource;
            EventSource source = EventSource.ofEventSourceName(name)
                    .orElseThrow(() -> new InvalidKafkaEventException(WRONG_EVENT_SOURCE.formatted(name)));
            if (entries == null) {
                throw new InvalidKafkaEventException(MISSING_RECORDS);
            }
            return new KafkaBatch(source, sourceArn, bootstrapServers, entries);
        }

        private List<BatchEntry> readRecords(JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidKafkaEventException(RECORDS_NOT_OBJECT.formatted(describe(token)));
            }
            List<BatchEntry> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String partitionKey = p.currentName();
                JsonToken array = p.nextToken();
                if (array != JsonToken.START_ARRAY) {
                    throw new InvalidKafkaEventException(PARTITION_NOT_ARRAY.formatted(partitionKey, describe(array)));
                }
                int index = 0;
                JsonToken element;
                while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (element != JsonToken.START_OBJECT) {
                        throw new InvalidKafkaEventException(
                                RECORD_NOT_OBJECT.formatted(partitionKey, index, describe(element)));
                    }
                    entries.add(new RecordReader(p, partitionKey, index).read(repair, original));
                    index++;
                }
            }
            return entries;
        }
    }

    /** A record's fields in the order Lambda writes them. */
    private static final SerializedString[] FIELD_ORDER = Stream.of(
                    "topic", "partition", "offset", "timestamp", "timestampType", "key", "value", "headers")
            .map(SerializedString::new)
            .toArray(SerializedString[]::new);

    /** Where to expect the field after {@code field}: behind it in {@link #FIELD_ORDER}, or where it was. */
    private static int after(String field, int expected) {
        for (int i = 0; i < FIELD_ORDER.length; i++) {
            if (FIELD_ORDER[i].getValue().equals(field)) {
                return i + 1;
            }
        }
        return expected;
    }

    /**
     * Reads one record object; structural problems throw, content problems are collected into {@code problem}.
     * <p>
     * Key and value are decoded from the event's own bytes by the parser ({@link EventJsonParser}), in the pass that
     * finds where their strings end, with no copy of their text. A string that is not canonical base64 (escapes,
     * unpadded, other characters) is read as text as usual, so the bytes or the error are exactly the JDK decoder's.
     */
    private static final class RecordReader {
        private final JsonParser p;
        private final String partitionKey;
        private final int index;
        private String topic;
        private Integer partition;
        private Long offset;
        private long timestamp = -1;
        private TimestampType timestampType;
        private byte[] key;
        private byte[] value;
        private List<KafkaHeader> headers = List.of();
        private SchemaMetadata keySchema;
        private SchemaMetadata valueSchema;
        private String problem;
        /** The index in {@link #FIELD_ORDER} of the field expected next. */
        private int expected;

        RecordReader(JsonParser p, String partitionKey, int index) {
            this.p = p;
            this.partitionKey = partitionKey;
            this.index = index;
        }

        BatchEntry read(JsonTextRepair.Result repair, byte[] original) throws IOException {
            long start = p.currentTokenLocation().getByteOffset();
            String field;
            while ((field = nextField()) != null) {
                JsonToken token = p.nextToken();
                switch (field) {
                    case "topic" -> topic = requireString(field, token);
                    case "partition" -> partition = requirePartition(token);
                    case "offset" -> offset = requireLong(field, token);
                    case "timestamp" -> timestamp = readTimestamp(token);
                    case "timestampType" -> timestampType = readTimestampType(token);
                    case "key" -> key = readBase64("key", token);
                    case "value" -> value = readBase64("value", token);
                    case "headers" -> headers = readHeaders(token);
                    case "keySchemaMetadata" -> keySchema = readSchemaMetadata(field, token);
                    case "valueSchemaMetadata" -> valueSchema = readSchemaMetadata(field, token);
                    default -> p.skipChildren();
                }
            }
            long end = p.currentLocation().getByteOffset();
            requirePresent("topic", topic);
            requirePresent("partition", partition);
            requirePresent("offset", offset);
            if (repair != null && repair.touches(start, end)) {
                noteProblem(NOT_UNICODE);
            }
            TimestampType type = timestampType != null
                    ? timestampType
                    : timestamp < 0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME;
            KafkaRecord record = new KafkaRecord(
                    new TopicPartition(topic, partition),
                    offset,
                    timestamp,
                    type,
                    key,
                    value,
                    headers,
                    keySchema,
                    valueSchema);
            if (problem == null) {
                return record;
            }
            byte[] raw =
                    start >= 0 && end <= original.length ? Arrays.copyOfRange(original, (int) start, (int) end) : null;
            return new UndecodableRecord(record, problem, raw);
        }

        /**
         * The next field's name, or {@code null} at the record's end (or at anything else, which the caller judges).
         * Lambda writes a record's fields in one order, so the parser is first asked whether the next name is the
         * one expected, which it checks against the event's bytes where it would otherwise hash the name and look it
         * up; any other name, in any order, is read as usual and the expectation moves on behind it.
         */
        private String nextField() throws IOException {
            if (expected < FIELD_ORDER.length) {
                if (p.nextFieldName(FIELD_ORDER[expected])) {
                    return FIELD_ORDER[expected++].getValue();
                }
            } else {
                p.nextToken();
            }
            if (p.currentToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String field = p.currentName();
            expected = after(field, expected);
            return field;
        }

        private void requirePresent(String field, Object value) {
            if (value == null) {
                throw new InvalidKafkaEventException(RECORD_FIELD_MISSING.formatted(partitionKey, index, field));
            }
        }

        private String requireString(String field, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw wrongType(field, "a string", token);
            }
            return p.getText();
        }

        private long requireLong(String field, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT || !fitsLong()) {
                throw wrongType(field, "an integer", token);
            }
            return p.getLongValue();
        }

        private int requirePartition(JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw wrongType("partition", "an integer", token);
            }
            if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
                throw new InvalidKafkaEventException(RECORD_FIELD_WRONG_TYPE.formatted(
                        partitionKey,
                        index,
                        "partition",
                        "an integer from 0 to " + Integer.MAX_VALUE,
                        abbreviate(p.getText())));
            }
            return p.getIntValue();
        }

        /** Whether the current integer token fits a {@code long}, so reading it cannot throw. */
        private boolean fitsLong() throws IOException {
            JsonParser.NumberType type = p.getNumberType();
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
        }

        private InvalidKafkaEventException wrongType(String field, String expected, JsonToken token) {
            String actual = token == JsonToken.VALUE_NUMBER_INT ? "an integer out of range" : describe(token);
            return new InvalidKafkaEventException(
                    RECORD_FIELD_WRONG_TYPE.formatted(partitionKey, index, field, expected, actual));
        }

        private long readTimestamp(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return -1;
            }
            if (token != JsonToken.VALUE_NUMBER_INT || !fitsLong()) {
                noteProblem(
                        BAD_TIMESTAMP.formatted(token == JsonToken.VALUE_NUMBER_INT ? p.getText() : describe(token)));
                p.skipChildren();
                return -1;
            }
            return p.getLongValue();
        }

        private TimestampType readTimestampType(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            String name = requireString("timestampType", token);
            try {
                return TimestampType.valueOf(name);
            } catch (IllegalArgumentException e) {
                noteProblem(BAD_TIMESTAMP_TYPE.formatted(name));
                return null;
            }
        }

        /** @return the bytes, or {@code null} for null or for a problem noted */
        private byte[] readBase64(String field, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_STRING) {
                noteProblem(BAD_BASE64.formatted(field, "it is " + describe(token) + ", not a string"));
                p.skipChildren();
                return null;
            }
            byte[] bytes = EventJsonParser.decodeBase64InPlace(p);
            return bytes != null ? bytes : decodeText(field, p.getText());
        }

        /** Anything unusual is the JDK decoder's to accept or reject, with its own message. */
        private byte[] decodeText(String field, String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                noteProblem(BAD_BASE64.formatted(field, e.getMessage()));
                return null;
            }
        }

        private SchemaMetadata readSchemaMetadata(String field, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                noteProblem(BAD_SCHEMA_METADATA.formatted(field, describe(token)));
                p.skipChildren();
                return null;
            }
            String dataFormat = null;
            String schemaId = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : null;
                p.skipChildren();
                switch (name) {
                    case "dataFormat" -> dataFormat = text;
                    case "schemaId" -> schemaId = text;
                    default -> {
                        // other fields are not part of the mapping's format
                    }
                }
            }
            return new SchemaMetadata(dataFormat, schemaId);
        }

        /** Headers: an array of single-entry objects {@code {"name": [signed bytes]}}; names may repeat. */
        private List<KafkaHeader> readHeaders(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (token != JsonToken.START_ARRAY) {
                noteProblem(BAD_HEADER.formatted("list", "is " + describe(token) + ", not an array"));
                p.skipChildren();
                return List.of();
            }
            List<KafkaHeader> result = new ArrayList<>();
            JsonToken element;
            int position = 0;
            while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                if (element != JsonToken.START_OBJECT) {
                    noteProblem(BAD_HEADER.formatted(
                            "#" + position, "is " + describe(element) + ", not an object {\"<name>\": [bytes]}"));
                    p.skipChildren();
                    position++;
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    HeaderValue header = readHeaderValue(name, p.nextToken());
                    if (header.decoded()) {
                        result.add(new KafkaHeader(name, header.bytes()));
                    }
                }
                position++;
            }
            return result;
        }

        /** A header's bytes, or why they could not be read. */
        private record HeaderValue(boolean decoded, byte[] bytes) {}

        private HeaderValue readHeaderValue(String name, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return new HeaderValue(true, null);
            }
            if (token != JsonToken.START_ARRAY) {
                noteProblem(BAD_HEADER.formatted(quoted(name), "is " + describe(token) + ", not an array of bytes"));
                p.skipChildren();
                return new HeaderValue(false, null);
            }
            byte[] inPlace = EventJsonParser.readByteArrayInPlace(p);
            if (inPlace != null) {
                return new HeaderValue(true, inPlace);
            }
            byte[] bytes = new byte[16];
            int length = 0;
            boolean valid = true;
            JsonToken element;
            while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                // Lambda sends Java's signed bytes (-128..127); unsigned 0..255 is accepted as the same bits.
                boolean isByte = element == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() == JsonParser.NumberType.INT
                        && p.getIntValue() >= -128
                        && p.getIntValue() <= 255;
                if (!isByte) {
                    if (valid) {
                        noteProblem(BAD_HEADER.formatted(
                                quoted(name),
                                "has "
                                        + (element == JsonToken.VALUE_NUMBER_INT
                                                ? abbreviate(p.getText())
                                                : describe(element))
                                        + " where a byte (-128..127) was expected"));
                    }
                    valid = false;
                    p.skipChildren();
                    continue;
                }
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, length * 2);
                }
                bytes[length++] = (byte) p.getIntValue();
            }
            return valid ? new HeaderValue(true, Arrays.copyOf(bytes, length)) : new HeaderValue(false, null);
        }

        private static String quoted(String name) {
            return "\"" + abbreviate(name) + "\"";
        }

        /** Keeps messages readable when a name or number is huge. */
        private static String abbreviate(String text) {
            if (text.length() <= 100) {
                return text;
            }
            int cut = Character.isHighSurrogate(text.charAt(99)) ? 99 : 100;
            return text.substring(0, cut) + "... (" + text.length() + " characters)";
        }

        private void noteProblem(String message) {
            if (problem == null) {
                problem = message;
            }
        }
    }
}
