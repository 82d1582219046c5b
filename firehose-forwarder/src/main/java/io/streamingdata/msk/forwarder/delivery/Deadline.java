package io.streamingdata.msk.forwarder.delivery;

import java.util.function.LongSupplier;

/**
 * How much time the delivery of a batch has left, in milliseconds, and what else bounds its retries. A Lambda
 * invocation must answer before its timeout, so its retries are also limited in number and stop a safety margin
 * early. A consumer-mode batch has no one waiting for an answer: only its time budget bounds the retries.
 */
public final class Deadline {

    private final LongSupplier remainingMillis;
    private final boolean invocation;
    private final long callTimeoutMillis;

    private Deadline(LongSupplier remainingMillis, boolean invocation, long callTimeoutMillis) {
        this.remainingMillis = remainingMillis;
        this.invocation = invocation;
        this.callTimeoutMillis = callTimeoutMillis;
    }

    /** An invocation's deadline. */
    public static Deadline of(LongSupplier remainingMillis) {
        return new Deadline(remainingMillis, true, 0);
    }

    /** An invocation's deadline {@code budgetMillis} from now. */
    public static Deadline in(long budgetMillis) {
        return new Deadline(countdown(budgetMillis), true, 0);
    }

    /**
     * Consumer mode: attempts start for {@code budgetMillis} from now, whatever their number, and each one waits up
     * to {@code callTimeoutMillis} for its answer, even past the budget: no invocation has to answer in time, and a
     * call cut short may still land (a duplicate) while its batch fails.
     */
    public static Deadline retryBudget(long budgetMillis, long callTimeoutMillis) {
        return new Deadline(countdown(budgetMillis), false, callTimeoutMillis);
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

    /** Whether an invocation waits for the answer: then attempts are counted and a safety margin is kept. */
    public boolean invocation() {
        return invocation;
    }

    /** Consumer mode: how long one call may wait for its answer. */
    public long callTimeoutMillis() {
        return callTimeoutMillis;
    }

    private static LongSupplier countdown(long budgetMillis) {
        long end = System.nanoTime() + budgetMillis * 1_000_000;
        return () -> (end - System.nanoTime()) / 1_000_000;
    }
}
