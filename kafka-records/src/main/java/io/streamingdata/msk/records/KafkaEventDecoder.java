package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decodes the JSON event that a Lambda event source mapping sends for Amazon MSK or self-managed Kafka into a
 * {@link KafkaBatch}, in one streaming pass (a 6 MB event is never held as a tree).
 * <p>
 * The event's shape is checked as it is read: a wrong or missing {@code eventSource}, a missing {@code records}
 * object or a record without its coordinates rejects the whole event with an {@link InvalidKafkaEventException}
 * whose message names the problem. A record whose content cannot be decoded (key or value not base64, header bytes
 * out of range, unknown timestamp type) becomes an {@link UndecodableRecord} at its position, and the rest of the
 * batch decodes normally.
 */
public final class KafkaEventDecoder {

    static final String EXPECTED_SHAPE = "A Kafka event from Lambda is a JSON object with \"eventSource\": "
            + "\"aws:kafka\" (Amazon MSK) or \"SelfManagedKafka\" and a \"records\" object keyed by "
            + "\"<topic>-<partition>\".";
    public static final String NOT_JSON = "The event is not valid JSON";
    public static final String NOT_AN_OBJECT = "The event is not a JSON object. " + EXPECTED_SHAPE;
    public static final String NO_EVENT = "The function received no event. " + EXPECTED_SHAPE;
    public static final String MISSING_EVENT_SOURCE = "The event has no \"eventSource\" field, so it is not a "
            + "Kafka event. " + EXPECTED_SHAPE;
    public static final String WRONG_EVENT_SOURCE = "The event comes from \"%s\", not from Kafka. This function "
            + "must be triggered by an Amazon MSK or self-managed Kafka event source mapping. " + EXPECTED_SHAPE;
    public static final String MISSING_RECORDS = "The event has no \"records\" object. " + EXPECTED_SHAPE;
    public static final String RECORDS_NOT_OBJECT = "The event's \"records\" must be an object keyed by "
            + "\"<topic>-<partition>\", but it is %s.";
    public static final String PARTITION_NOT_ARRAY = "records[\"%s\"] must be an array of records, but it is %s.";
    public static final String RECORD_NOT_OBJECT = "records[\"%s\"][%d] must be a record object, but it is %s.";
    public static final String RECORD_FIELD_MISSING = "records[\"%s\"][%d] has no \"%s\"; every record needs "
            + "\"topic\", \"partition\" and \"offset\".";
    public static final String RECORD_FIELD_WRONG_TYPE = "records[\"%s\"][%d].%s must be %s, but it is %s.";

    public static final String BAD_BASE64 = "%s is not valid base64 (%s)";
    public static final String BAD_HEADER = "header %s %s";
    public static final String BAD_TIMESTAMP_TYPE = "timestampType \"%s\" is not one of CREATE_TIME, "
            + "LOG_APPEND_TIME, NO_TIMESTAMP_TYPE";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Decodes an event from its JSON bytes. */
    public KafkaBatch decode(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return decode(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes an event from a stream, which is read to the end of the event but not closed. */
    public KafkaBatch decode(InputStream json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return decode(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the event at the parser's current position (or its next token, for a fresh parser), leaving the
     * parser on the event's closing brace.
     */
    public KafkaBatch decode(JsonParser parser) throws IOException {
        try {
            return readEvent(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidKafkaEventException(NOT_JSON + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private KafkaBatch readEvent(JsonParser p) throws IOException {
        JsonToken token = p.currentToken() == null ? p.nextToken() : p.currentToken();
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
                case "records" -> entries = readRecords(p, value);
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

    private List<BatchEntry> readRecords(JsonParser p, JsonToken token) throws IOException {
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
                entries.add(new RecordReader(p, partitionKey, index).read());
                index++;
            }
        }
        return entries;
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

    /** Reads one record object; structural problems throw, content problems are collected into {@code problem}. */
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
        private String problem;

        RecordReader(JsonParser p, String partitionKey, int index) {
            this.p = p;
            this.partitionKey = partitionKey;
            this.index = index;
        }

        BatchEntry read() throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "topic" -> topic = requireString(field, token);
                    case "partition" -> partition = (int) requireLong(field, token);
                    case "offset" -> offset = requireLong(field, token);
                    case "timestamp" -> timestamp = token == JsonToken.VALUE_NULL ? -1 : requireLong(field, token);
                    case "timestampType" -> timestampType = readTimestampType(token);
                    case "key" -> key = readBase64("key", token);
                    case "value" -> value = readBase64("value", token);
                    case "headers" -> headers = readHeaders(token);
                    default -> p.skipChildren();
                }
            }
            requirePresent("topic", topic);
            requirePresent("partition", partition);
            requirePresent("offset", offset);
            TopicPartition topicPartition = new TopicPartition(topic, partition);
            if (problem != null) {
                return new UndecodableRecord(topicPartition, offset, problem);
            }
            TimestampType type = timestampType != null ? timestampType
                    : timestamp < 0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME;
            return new KafkaRecord(topicPartition, offset, timestamp, type, key, value, headers);
        }

        private void requirePresent(String field, Object value) {
            if (value == null) {
                throw new InvalidKafkaEventException(RECORD_FIELD_MISSING.formatted(partitionKey, index, field));
            }
        }

        private String requireString(String field, JsonToken token) {
            if (token != JsonToken.VALUE_STRING) {
                throw wrongType(field, "a string", token);
            }
            try {
                return p.getText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long requireLong(String field, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw wrongType(field, "an integer", token);
            }
            return p.getLongValue();
        }

        private InvalidKafkaEventException wrongType(String field, String expected, JsonToken token) {
            return new InvalidKafkaEventException(
                    RECORD_FIELD_WRONG_TYPE.formatted(partitionKey, index, field, expected, describe(token)));
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

        private byte[] readBase64(String field, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            String text = requireString(field, token);
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                noteProblem(BAD_BASE64.formatted(field, e.getMessage()));
                return null;
            }
        }

        /** Headers: an array of single-entry objects {@code {"name": [signed bytes]}}; names may repeat. */
        private List<KafkaHeader> readHeaders(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (token != JsonToken.START_ARRAY) {
                throw wrongType("headers", "an array", token);
            }
            List<KafkaHeader> result = new ArrayList<>();
            JsonToken element;
            while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                if (element != JsonToken.START_OBJECT) {
                    noteProblem(BAD_HEADER.formatted("#" + result.size(), "is " + describe(element)
                            + ", not an object {\"<name>\": [bytes]}"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    result.add(new KafkaHeader(name, readHeaderValue(name, p.nextToken())));
                }
            }
            return result;
        }

        private byte[] readHeaderValue(String name, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                noteProblem(BAD_HEADER.formatted("\"" + name + "\"", "is " + describe(token)
                        + ", not an array of bytes"));
                p.skipChildren();
                return null;
            }
            byte[] bytes = new byte[16];
            int length = 0;
            JsonToken element;
            while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                // Lambda sends Java's signed bytes (-128..127); unsigned 0..255 is accepted as the same bits.
                if (element != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < -128 || p.getIntValue() > 255) {
                    noteProblem(BAD_HEADER.formatted("\"" + name + "\"", "has " + (element == JsonToken
                            .VALUE_NUMBER_INT ? p.getText() : describe(element)) + " where a byte (-128..127) "
                            + "was expected"));
                    p.skipChildren();
                    continue;
                }
                if (length == bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, length * 2);
                }
                bytes[length++] = (byte) p.getIntValue();
            }
            return java.util.Arrays.copyOf(bytes, length);
        }

        private void noteProblem(String message) {
            if (problem == null) {
                problem = message;
            }
        }
    }
}
