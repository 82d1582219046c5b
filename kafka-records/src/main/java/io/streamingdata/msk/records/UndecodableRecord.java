package io.streamingdata.msk.records;

import java.util.Objects;

/**
 * A record the event carried at a known position but whose content could not be decoded, for example because its
 * value is not valid base64. Functions decide what to do with it; it never takes the rest of the batch down.
 *
 * @param reason what is wrong, in words a user can act on
 */
public record UndecodableRecord(TopicPartition topicPartition, long offset, String reason) implements BatchEntry {

    public UndecodableRecord {
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(reason, "reason");
    }
}
