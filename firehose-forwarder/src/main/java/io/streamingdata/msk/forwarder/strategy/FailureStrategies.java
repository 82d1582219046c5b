package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.forwarder.deadletter.DeadLetters;

/** The one factory that picks a strategy by {@code FAILURE_STRATEGY}. */
public final class FailureStrategies {

    private FailureStrategies() {}

    public static FailureStrategy of(StrategyName name, DeadLetters deadLetters) {
        return switch (name) {
            case FAIL -> new FailInvocation();
            case REPORT_BATCH_ITEM_FAILURES -> new ReportBatchItemFailures();
            case DEAD_LETTER -> new DeadLetterUndelivered(deadLetters);
        };
    }
}
