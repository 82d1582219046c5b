package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;

/**
 * {@code dead-letter}: undelivered records are parked in the dead-letter bucket with their reason and the batch
 * succeeds, so one stubborn record cannot hold its partition. If parking fails, the invocation fails.
 */
public final class DeadLetterUndelivered implements FailureStrategy {

    private final DeadLetters deadLetters;

    public DeadLetterUndelivered(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public StrategyName name() {
        return StrategyName.DEAD_LETTER;
    }

    @Override
    public List<Resume> resolve(List<Failure> undelivered, int batchSize, String deliveryStream) {
        deadLetters.park(undelivered);
        return List.of();
    }
}
