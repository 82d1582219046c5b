package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.forwarder.ForwarderResponse;
import io.streamingdata.msk.forwarder.deadletter.DeadLetter;
import io.streamingdata.msk.forwarder.deadletter.DeadLetterStore;
import java.util.List;

/**
 * {@code dead-letter}: undelivered records are parked in the dead-letter bucket with their reason and the batch
 * succeeds, so one stubborn record cannot hold its partition. If parking fails, the invocation fails.
 */
public final class DeadLetterUndelivered implements FailureStrategy {

    public static final String PARK_FAILED = "%d records were not delivered to Firehose stream %s and could not be "
            + "parked in the dead-letter bucket either (%s); failing the invocation so the batch is retried.";

    private final DeadLetterStore store;

    public DeadLetterUndelivered(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return FailureStrategies.DEAD_LETTER;
    }

    @Override
    public ForwarderResponse handle(List<Undeliverable> undelivered, int batchSize, String deliveryStream) {
        List<DeadLetter> letters = undelivered.stream()
                .map(u -> new DeadLetter(u.entry(), u.reason(), DeadLetter.UNDELIVERED)).toList();
        try {
            store.park(letters);
        } catch (RuntimeException e) {
            throw new DeliveryFailedException(PARK_FAILED.formatted(undelivered.size(), deliveryStream, e), e);
        }
        return ForwarderResponse.success();
    }
}
