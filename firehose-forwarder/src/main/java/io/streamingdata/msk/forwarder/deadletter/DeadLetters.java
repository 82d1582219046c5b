package io.streamingdata.msk.forwarder.deadletter;

import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one path by which records are parked: records Firehose can never take, and, with the {@code dead-letter}
 * strategy, records still undelivered. Parking either succeeds for every record or fails the invocation, so that the
 * event source retries the batch; with no store configured, it fails with what to set.
 */
public final class DeadLetters {

    public static final String NO_DEAD_LETTER_BUCKET = "%d record(s) cannot be sent to Firehose (first: %s, %s) and "
            + "DEAD_LETTER_BUCKET is not set; set it so such records are parked instead of blocking their partition.";
    public static final String PARK_FAILED = "%d record(s) could not be parked in the dead-letter bucket (first: %s, "
            + "%s; %s); failing the invocation so that the event source re-delivers the batch.";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Optional<DeadLetterStore> store;

    public DeadLetters(Optional<DeadLetterStore> store) {
        this.store = store;
    }

    /** Whether a store is configured. */
    public boolean available() {
        return store.isPresent();
    }

    /** Parks every failure or throws {@link DeliveryFailedException}; parking nothing is a no-op. */
    public void park(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Failure first = failures.get(0);
        DeadLetterStore target = store.orElseThrow(() -> new DeliveryFailedException(
                NO_DEAD_LETTER_BUCKET.formatted(failures.size(), first.entry().coordinates(), first.reason())));
        List<String> written;
        try {
            written = target.park(failures);
        } catch (RuntimeException e) {
            throw new DeliveryFailedException(
                    PARK_FAILED.formatted(failures.size(), first.entry().coordinates(), first.reason(), e), e);
        }
        LOG.warnf(
                "Parked %d record(s) in the dead-letter bucket (first: %s at %s, %s)",
                written.size(), first.entry().coordinates(), written.get(0), first.reason());
    }
}
