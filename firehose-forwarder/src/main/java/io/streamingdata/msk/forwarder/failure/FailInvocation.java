package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.forwarder.ForwarderResponse;
import java.util.List;

/** {@code fail}: the invocation fails, and the event source mapping re-delivers the whole batch. */
public final class FailInvocation implements FailureStrategy {

    public static final String MESSAGE = "%d of %d records were not delivered to Firehose stream %s (first: %s, %s). "
            + "Failing the invocation so that the event source re-delivers the batch; records already delivered "
            + "will be delivered again (at-least-once).";

    @Override
    public String name() {
        return FailureStrategies.FAIL;
    }

    @Override
    public ForwarderResponse handle(List<Undeliverable> undelivered, int batchSize, String deliveryStream) {
        Undeliverable first = undelivered.get(0);
        throw new DeliveryFailedException(MESSAGE.formatted(undelivered.size(), batchSize, deliveryStream,
                first.entry().coordinates(), first.reason()));
    }
}
