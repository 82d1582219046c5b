package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.forwarder.deadletter.DeadLetterStore;
import java.util.List;

/** The named strategies and the one factory that picks by {@code FAILURE_STRATEGY}. */
public final class FailureStrategies {

    public static final String FAIL = "fail";
    public static final String REPORT_BATCH_ITEM_FAILURES = "report-batch-item-failures";
    public static final String DEAD_LETTER = "dead-letter";
    public static final List<String> NAMES = List.of(FAIL, REPORT_BATCH_ITEM_FAILURES, DEAD_LETTER);

    private FailureStrategies() {
    }

    public static FailureStrategy byName(String name, DeadLetterStore store) {
        return switch (name) {
            case FAIL -> new FailInvocation();
            case REPORT_BATCH_ITEM_FAILURES -> new ReportBatchItemFailures();
            case DEAD_LETTER -> new DeadLetterUndelivered(store);
            default -> throw new IllegalArgumentException("FAILURE_STRATEGY=" + name + " is not one of " + NAMES);
        };
    }
}
