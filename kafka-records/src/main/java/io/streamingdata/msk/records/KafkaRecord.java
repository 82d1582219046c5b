package io.streamingdata.msk.records;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka record, decoded: the same whether it came from a Lambda event or from a Kafka consumer.
 *
 * @param timestamp milliseconds since the epoch, as Kafka stores it
 * @param key the key bytes, or {@code null} for a record without a key
 * @param value the value bytes, or {@code null} for a tombstone
 * @param headers in record order; names may repeat
 * @param keySchema what a schema registry said about the key, or {@code null}
 * @param valueSchema what a schema registry said about the value, or {@code null}
 */
public record KafkaRecord(
        TopicPartition topicPartition,
        long offset,
        long timestamp,
        TimestampType timestampType,
        byte[] key,
        byte[] value,
        List<KafkaHeader> headers,
        SchemaMetadata keySchema,
        SchemaMetadata valueSchema)
        implements BatchEntry {

    public KafkaRecord {
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(timestampType, "timestampType");
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A record without schema registry metadata, as a Kafka consumer reads it. */
    public KafkaRecord(
            TopicPartition topicPartition,
            long offset,
            long timestamp,
            TimestampType timestampType,
            byte[] key,
            byte[] value,
            List<KafkaHeader> headers) {
        this(topicPartition, offset, timestamp, timestampType, key, value, headers, null, null);
    }

    /** A record with a {@code null} value: in a compacted topic it deletes its key. */
    public boolean isTombstone() {
        return value == null;
    }

    public boolean hasKey() {
        return key != null;
    }

    /**
     * Key, value and header bytes together (header names in UTF-8, as Kafka stores them): what the record weighs, as
     * Kafka's record size counts it roughly.
     */
    public int payloadSize() {
        int size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        // Indexed: an iterator per record is garbage the JIT that Lambda uses (C1) does not remove.
        for (int i = 0; i < headers.size(); i++) {
            KafkaHeader header = headers.get(i);
            size += utf8Length(header.name()) + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /** {@code text.getBytes(UTF_8).length} without the bytes (a lone surrogate becomes one '?' there). */
    static int utf8Length(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    length += 2; // four bytes for the pair's two chars
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    length += 2;
                }
            } else if (c >= 0x80) {
                length++;
            }
        }
        return length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaRecord that
                && offset == that.offset
                && timestamp == that.timestamp
                && topicPartition.equals(that.topicPartition)
                && timestampType == that.timestampType
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && headers.equals(that.headers)
                && Objects.equals(keySchema, that.keySchema)
                && Objects.equals(valueSchema, that.valueSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                topicPartition,
                offset,
                timestamp,
                timestampType,
                Arrays.hashCode(key),
                Arrays.hashCode(value),
                headers,
                keySchema,
                valueSchema);
    }

    @Override
    public String toString() {
        return "KafkaRecord[" + coordinates() + ", key " + (key == null ? "null" : key.length + " bytes")
                + ", value " + (value == null ? "null" : value.length + " bytes") + ", " + headers.size()
                + " headers]";
    }
}
