package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamingdata.msk.records.PayloadWriter.Field;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a record's fields into an open JSON object, the same way in every output that describes a record (log
 * lines, Firehose envelopes, dead letters): coordinates, timestamp, key, headers, value and value size, payloads
 * formatted by {@link PayloadWriter}, then the schema registry metadata where the event carried it.
 */
public final class RecordJson {

    // Field names and timestamp types encoded once: a generator copies them instead of checking every character.
    private static final SerializedString TOPIC = new SerializedString("topic");
    private static final SerializedString PARTITION = new SerializedString("partition");
    private static final SerializedString OFFSET = new SerializedString("offset");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString TIMESTAMP_TYPE = new SerializedString("timestampType");
    private static final SerializedString HEADERS = new SerializedString("headers");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString VALUE_SIZE = new SerializedString("valueSize");
    private static final SerializedString[] TIMESTAMP_TYPES = Arrays.stream(TimestampType.values())
            .map(type -> new SerializedString(type.name()))
            .toArray(SerializedString[]::new);

    private RecordJson() {}

    /**
     * Writes every field, nothing truncated, each payload in a form whose exact bytes can be read back (see
     * {@link PayloadWriter#writeField(JsonGenerator, String, byte[])}): the Firehose envelope and dead letters.
     */
    public static PayloadFormat writeFields(JsonGenerator json, KafkaRecord record) throws IOException {
        return writeFields(json, record, Limits.EXACT);
    }

    /**
     * Writes envelopes, the forwarder's lines (a record as one JSON object holding every field, exact, see
     * {@link #writeFields(JsonGenerator, KafkaRecord)}, on one line), one after another into one stream, with one
     * generator for all of them: under C1 a batch's 4,000 envelopes took 9.3-10.5 ms with a buffer and a generator of
     * their own each, 6.2 ms with a shared buffer, and with the names encoded once 5.1-5.8 ms with a generator each,
     * 4.2-4.6 ms with the shared one (fastest of 40). The forwarder's stream is the Firehose record the line joins, so
     * that an envelope is never an array of its own. A failure half-way through an envelope drops the generator, whose
     * state it left unknown; what reached the stream of that envelope is the caller's to discard. Not for use by more
     * than one thread at a time.
     */
    public static final class Envelopes {
        private final OutputStream out;
        private final JsonFactory factory;
        private JsonGenerator json;

        /** @param out where the envelopes go, one after another, without a separator */
        public Envelopes(OutputStream out) {
            this(out, Json.FACTORY);
        }

        /** With the factory of the generator, which tests replace with one that fails. */
        Envelopes(OutputStream out, JsonFactory factory) {
            this.out = out;
            this.factory = factory;
        }

        /** Writes the record's envelope; all of it has reached the stream when this returns. */
        public void write(KafkaRecord record) {
            try {
                if (json == null) {
                    json = factory.createGenerator(out);
                    // One envelope per call: no separator between them.
                    json.setRootValueSeparator(null);
                }
                json.writeStartObject();
                writeFields(json, record);
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                json = null;
                throw new UncheckedIOException("writing an envelope failed", e);
            } catch (RuntimeException e) {
                json = null;
                throw e;
            }
        }
    }

    /**
     * Writes every field for reading (log lines), cutting keys and values (and header values) longer than the limits.
     *
     * @return the format the value was written in, or {@code null} for a tombstone
     */
    public static PayloadFormat writeFields(JsonGenerator json, KafkaRecord record, int maxKeyBytes, int maxValueBytes)
            throws IOException {
        return writeFields(json, record, new Limits(maxKeyBytes, maxValueBytes, false));
    }

    private static PayloadFormat writeFields(JsonGenerator json, KafkaRecord record, Limits limits) throws IOException {
        writeCoordinates(json, record);
        json.writeFieldName(TIMESTAMP);
        json.writeNumber(record.timestamp());
        json.writeFieldName(TIMESTAMP_TYPE);
        json.writeString(TIMESTAMP_TYPES[record.timestampType().ordinal()]);
        limits.write(json, Field.KEY, record.key(), limits.keyBytes());
        writeHeaders(json, record, limits);
        PayloadFormat format = limits.write(json, Field.VALUE, record.value(), limits.valueBytes());
        json.writeFieldName(VALUE_SIZE);
        json.writeNumber(record.value() == null ? 0 : record.value().length);
        writeSchemas(json, record);
        return format;
    }

    /**
     * Writes what decoded of a record the event carried but could not decode fully: its coordinates and every field
     * that decoded (a key or value that did not is left out, not written as {@code null}), and the raw JSON of the
     * record as the event carried it in {@code raw} (embedded as JSON where it is valid JSON, else as text or base64,
     * with {@code rawFormat}). The caller writes the reason.
     */
    public static void writeUndecodable(JsonGenerator json, UndecodableRecord entry, int maxKeyBytes, int maxValueBytes)
            throws IOException {
        writeUndecodable(json, entry, new Limits(maxKeyBytes, maxValueBytes, false));
    }

    /** {@link #writeUndecodable(JsonGenerator, UndecodableRecord, int, int)} whole and exact, for dead letters. */
    public static void writeUndecodable(JsonGenerator json, UndecodableRecord entry) throws IOException {
        writeUndecodable(json, entry, Limits.EXACT);
    }

    private static void writeUndecodable(JsonGenerator json, UndecodableRecord entry, Limits limits)
            throws IOException {
        KafkaRecord decoded = entry.decoded();
        writeCoordinates(json, decoded);
        if (decoded.timestamp() >= 0) {
            json.writeNumberField("timestamp", decoded.timestamp());
            json.writeStringField("timestampType", decoded.timestampType().name());
        }
        if (decoded.key() != null) {
            limits.write(json, Field.KEY, decoded.key(), limits.keyBytes());
        }
        writeHeaders(json, decoded, limits);
        if (decoded.value() != null) {
            limits.write(json, Field.VALUE, decoded.value(), limits.valueBytes());
            json.writeNumberField("valueSize", decoded.value().length);
        }
        writeSchemas(json, decoded);
        if (entry.rawJson() != null) {
            limits.write(json, Field.RAW, entry.rawJson(), limits.valueBytes());
        }
    }

    /** {@code "topic"}, {@code "partition"} and {@code "offset"}. */
    public static void writeCoordinates(JsonGenerator json, BatchEntry entry) throws IOException {
        json.writeFieldName(TOPIC);
        json.writeString(entry.topicPartition().topic());
        json.writeFieldName(PARTITION);
        json.writeNumber(entry.topicPartition().partition());
        json.writeFieldName(OFFSET);
        json.writeNumber(entry.offset());
    }

    private static void writeHeaders(JsonGenerator json, KafkaRecord record, Limits limits) throws IOException {
        if (record.headers().isEmpty()) {
            return;
        }
        json.writeFieldName(HEADERS);
        json.writeStartArray();
        List<KafkaHeader> headers = record.headers();
        for (int i = 0; i < headers.size(); i++) {
            KafkaHeader header = headers.get(i);
            json.writeStartObject();
            json.writeFieldName(NAME);
            json.writeString(header.name());
            limits.write(json, Field.VALUE, header.value(), limits.valueBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** How payloads are written: whole and exact (envelopes, dead letters), or cut for reading (log lines). */
    private record Limits(int keyBytes, int valueBytes, boolean exact) {
        static final Limits EXACT = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, true);

        PayloadFormat write(JsonGenerator json, Field field, byte[] bytes, int maxBytes) throws IOException {
            return exact
                    ? PayloadWriter.writeField(json, field, bytes)
                    : PayloadWriter.writeField(json, field, bytes, maxBytes);
        }
    }

    /** {@code "keySchemaMetadata"} and {@code "valueSchemaMetadata"}, where the event carried them. */
    public static void writeSchemas(JsonGenerator json, KafkaRecord record) throws IOException {
        writeSchema(json, "keySchemaMetadata", record.keySchema());
        writeSchema(json, "valueSchemaMetadata", record.valueSchema());
    }

    private static void writeSchema(JsonGenerator json, String field, SchemaMetadata schema) throws IOException {
        if (schema == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        if (schema.dataFormat() != null) {
            json.writeStringField("dataFormat", schema.dataFormat());
        }
        if (schema.schemaId() != null) {
            json.writeStringField("schemaId", schema.schemaId());
        }
        json.writeEndObject();
    }
}
