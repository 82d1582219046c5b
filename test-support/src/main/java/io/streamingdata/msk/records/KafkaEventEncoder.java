package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes records as the JSON event a Lambda event source mapping sends: records grouped under
 * {@code "<topic>-<partition>"} keys in first-seen order, key and value base64, header values as arrays of signed
 * bytes, no {@code key} field for a record without a key, {@code "value": null} for a tombstone. Used to run a
 * handler on records read from a real broker, and to build benchmark and test events.
 */
public final class KafkaEventEncoder {

    private static final JsonFactory JSON = Json.FACTORY;

    public byte[] encode(EventSource source, String sourceArn, String bootstrapServers, List<KafkaRecord> records) {
        if (source.eventSourceName() == null) {
            throw new IllegalArgumentException(source + " has no Lambda event form; use MSK or SELF_MANAGED_KAFKA");
        }
        Map<TopicPartition, List<KafkaRecord>> byPartition = new LinkedHashMap<>();
        for (KafkaRecord record : records) {
            byPartition
                    .computeIfAbsent(record.topicPartition(), tp -> new ArrayList<>())
                    .add(record);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimateSize(records));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("eventSource", source.eventSourceName());
            if (sourceArn != null) {
                json.writeStringField("eventSourceArn", sourceArn);
            }
            if (bootstrapServers != null) {
                json.writeStringField("bootstrapServers", bootstrapServers);
            }
            json.writeObjectFieldStart("records");
            for (Map.Entry<TopicPartition, List<KafkaRecord>> partition : byPartition.entrySet()) {
                json.writeArrayFieldStart(partition.getKey().toString());
                for (KafkaRecord record : partition.getValue()) {
                    writeRecord(json, record);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRecord(JsonGenerator json, KafkaRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("topic", record.topicPartition().topic());
        json.writeNumberField("partition", record.topicPartition().partition());
        json.writeNumberField("offset", record.offset());
        json.writeNumberField("timestamp", record.timestamp());
        json.writeStringField("timestampType", record.timestampType().name());
        if (record.key() != null) {
            json.writeFieldName("key");
            json.writeBinary(record.key());
        }
        json.writeFieldName("value");
        if (record.value() == null) {
            json.writeNull();
        } else {
            json.writeBinary(record.value());
        }
        json.writeArrayFieldStart("headers");
        for (KafkaHeader header : record.headers()) {
            json.writeStartObject();
            json.writeFieldName(header.name());
            if (header.value() == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (byte b : header.value()) {
                    json.writeNumber(b); // signed, -128..127, as Lambda sends them
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static int estimateSize(List<KafkaRecord> records) {
        long size = 256;
        for (KafkaRecord record : records) {
            size += 200 + record.payloadSize() * 4L / 3;
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }
}
