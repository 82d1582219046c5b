package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;

/** {@code fail}: the invocation fails, and the event source mapping re-delivers the whole batch. */
public final class FailInvocation implements FailureStrategy {

    public static final String MESSAGE = "%d of %d records were not delivered to Firehose stream %s (first: %s, %s). "
            + "Failing the invocation so that the event source re-delivers the batch; records already delivered "
            + "will be delivered again (at-least-once).";

    @Override
    public StrategyName name() {
        return StrategyName.FAIL;
    }

    @Override
    public List<Resume> resolve(List<Failure> undelivered, int batchSize, String deliveryStream) {
        Failure first = undelivered.get(0);
        throw new DeliveryFailedException(MESSAGE.formatted(
                undelivered.size(), batchSize, deliveryStream, first.entry().coordinates(), first.reason()));
    }
}
