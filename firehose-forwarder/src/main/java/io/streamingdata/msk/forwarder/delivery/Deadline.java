package io.streamingdata.msk.forwarder.delivery;

import java.util.function.LongSupplier;

/** How much time an invocation has left, in milliseconds; from Lambda's context or a budget in consumer mode. */
public final class Deadline {

    private final LongSupplier remainingMillis;

    private Deadline(LongSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    public static Deadline of(LongSupplier remainingMillis) {
        return new Deadline(remainingMillis);
    }

    /** A deadline {@code budgetMillis} from now. */
    public static Deadline in(long budgetMillis) {
        long end = System.nanoTime() + budgetMillis * 1_000_000;
        return new Deadline(() -> (end - System.nanoTime()) / 1_000_000);
    }

    /**
     * The deadline Lambda gives the invocation, read once. Lambda's longest timeout is 15 minutes, so a value outside
     * (0, 15 min] means the runtime knows no deadline (Quarkus's mock event server sends none); then the fallback
     * budget applies.
     */
    public static Deadline fromLambda(long remainingMillis, long fallbackBudgetMillis) {
        boolean plausible = remainingMillis > 0 && remainingMillis <= 900_000;
        return in(plausible ? remainingMillis : fallbackBudgetMillis);
    }

    public long remainingMillis() {
        return remainingMillis.getAsLong();
    }
}
