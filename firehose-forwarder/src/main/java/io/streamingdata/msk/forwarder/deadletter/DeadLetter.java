package io.streamingdata.msk.forwarder.deadletter;

import io.streamingdata.msk.records.BatchEntry;

/**
 * A record parked instead of delivered, and why.
 *
 * @param entry the record (or the undecodable position)
 * @param reason what went wrong, in words
 * @param cause a short machine-readable cause, such as {@code RecordTooLarge} or {@code FirehoseRejected}
 */
public record DeadLetter(BatchEntry entry, String reason, String cause) {

    public static final String TOO_LARGE = "RecordTooLarge";
    public static final String UNDECODABLE = "UndecodableRecord";
    public static final String UNDELIVERED = "FirehoseUndelivered";
}
