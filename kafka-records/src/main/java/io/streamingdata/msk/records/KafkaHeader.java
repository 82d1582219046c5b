package io.streamingdata.msk.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record header. Kafka allows a name to repeat and a value to be {@code null}, so headers are kept as an ordered
 * list of these rather than a map.
 *
 * @param name the header name
 * @param value the raw header bytes, or {@code null}
 */
public record KafkaHeader(String name, byte[] value) {

    public KafkaHeader {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaHeader that && name.equals(that.name) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "KafkaHeader[" + name + ", " + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
