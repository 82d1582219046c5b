package io.streamingdata.msk.records;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record the event carried at a known position but whose content could not be fully decoded, for example because
 * its value is not valid base64 or a header has a shape Lambda never sends. It never takes the rest of the batch
 * down, and it loses nothing: {@link #decoded()} holds every field that did decode, and {@link #rawJson()} the
 * record's JSON exactly as the event carried it.
 *
 * @param decoded the record's coordinates and the fields that decoded; a field that did not decode is {@code null}
 *        (key, value) or missing (a header), so {@code decoded} is not a record to deliver
 * @param reason what is wrong, in words a user can act on
 * @param rawJson the record's JSON object as the event carried it (UTF-8), or {@code null} where no event exists
 */
public record UndecodableRecord(KafkaRecord decoded, String reason, byte[] rawJson) implements BatchEntry {

    /** The {@code cause} a dead letter of such a record carries, so that a reader knows it is not whole. */
    public static final String CAUSE = "UndecodableRecord";

    public UndecodableRecord {
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(reason, "reason");
    }

    /** A position known only by its coordinates. */
    public UndecodableRecord(TopicPartition topicPartition, long offset, String reason) {
        this(
                new KafkaRecord(topicPartition, offset, -1, TimestampType.NO_TIMESTAMP_TYPE, null, null, List.of()),
                reason,
                null);
    }

    @Override
    public TopicPartition topicPartition() {
        return decoded.topicPartition();
    }

    @Override
    public long offset() {
        return decoded.offset();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UndecodableRecord that
                && decoded.equals(that.decoded)
                && reason.equals(that.reason)
                && Arrays.equals(rawJson, that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decoded, reason, Arrays.hashCode(rawJson));
    }

    @Override
    public String toString() {
        return "UndecodableRecord[" + coordinates() + ", " + reason + ", raw "
                + (rawJson == null ? "none" : rawJson.length + " bytes") + "]";
    }
}
