package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.Comparator;
import java.util.Objects;

/**
 * A batch position that did not reach Firehose: the record (or the undecodable position), why in a few words for a
 * machine, and why in a sentence for a person. The one type every step after decoding uses for "record and reason":
 * the failure strategies resolve them, the dead-letter store parks them.
 *
 * @param entry the record as the event carried it
 * @param cause the kind of failure
 * @param reason what went wrong, such as Firehose's last error code and message
 */
public record Failure(BatchEntry entry, Cause cause, String reason) {

    /** Batch order: by topic-partition, then offset; what "the first undelivered record" means in every message. */
    public static final Comparator<Failure> IN_BATCH_ORDER = Comparator.comparing(
                    (Failure failure) -> failure.entry().topicPartition())
            .thenComparingLong(failure -> failure.entry().offset());

    public Failure {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a record did not reach Firehose; {@link #label()} is what dead letters carry in {@code cause}. */
    public enum Cause {
        /** Larger than a Firehose record may be, so no retry can deliver it. */
        RECORD_TOO_LARGE("RecordTooLarge"),
        /** The event carried it, but not in a shape that decodes. */
        UNDECODABLE(UndecodableRecord.CAUSE),
        /** Firehose did not accept it before retries ran out. */
        UNDELIVERED("FirehoseUndelivered");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
