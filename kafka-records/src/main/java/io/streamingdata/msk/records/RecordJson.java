package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a record's fields into an open JSON object, the same way in every output that describes a record (log
 * lines, Firehose envelopes, dead letters): coordinates, timestamp, key, headers, value and value size, payloads
 * formatted by {@link PayloadWriter}.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /** Writes every field, nothing truncated. */
    public static PayloadFormat writeFields(JsonGenerator json, KafkaRecord record) throws IOException {
        return writeFields(json, record, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Writes every field, cutting keys and values (and header values) longer than the limits.
     *
     * @return the format the value was written in, or {@code null} for a tombstone
     */
    public static PayloadFormat writeFields(JsonGenerator json, KafkaRecord record, int maxKeyBytes,
            int maxValueBytes) throws IOException {
        json.writeStringField("topic", record.topicPartition().topic());
        json.writeNumberField("partition", record.topicPartition().partition());
        json.writeNumberField("offset", record.offset());
        json.writeNumberField("timestamp", record.timestamp());
        json.writeStringField("timestampType", record.timestampType().name());
        PayloadWriter.writeField(json, "key", record.key(), maxKeyBytes);
        if (!record.headers().isEmpty()) {
            json.writeArrayFieldStart("headers");
            for (KafkaHeader header : record.headers()) {
                json.writeStartObject();
                json.writeStringField("name", header.name());
                PayloadWriter.writeField(json, "value", header.value(), maxValueBytes);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        PayloadFormat format = PayloadWriter.writeField(json, "value", record.value(), maxValueBytes);
        json.writeNumberField("valueSize", record.value() == null ? 0 : record.value().length);
        return format;
    }
}
