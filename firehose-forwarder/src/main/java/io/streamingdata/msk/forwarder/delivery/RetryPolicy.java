package io.streamingdata.msk.forwarder.delivery;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter. For a Lambda invocation, retries are bounded by attempts and by the time the
 * invocation has left minus a safety margin, so the function answers before Lambda times it out. In consumer mode
 * ({@link Deadline#retryBudget}) only the time budget bounds them, and each call gets its full timeout: an outage
 * shorter than the budget costs waiting, never a failed batch.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final long baseMillis;
    private final long maxMillis;
    private final long safetyMarginMillis;
    private volatile RandomGenerator random;

    public RetryPolicy(
            int maxAttempts, long baseMillis, long maxMillis, long safetyMarginMillis, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
        this.safetyMarginMillis = safetyMarginMillis;
        this.random = random;
    }

    /**
     * Starts the jitter from a new seed. After a SnapStart restore every execution environment holds the same
     * generator state, so without this they would all retry in step and defeat the jitter.
     */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The wait before attempt {@code attempt + 1}: uniform in [0, min(max, base * 2^(attempt-1))]. */
    public long backoffMillis(int attempt) {
        long ceiling = baseMillis << Math.min(attempt - 1, 30);
        return random.nextLong(Math.min(maxMillis, Math.max(ceiling, 0)) + 1);
    }

    /**
     * Whether another attempt fits: for an invocation, attempts left and the wait plus margin within the time left;
     * in consumer mode, the wait within the budget left.
     */
    public boolean mayRetry(int attemptsMade, long waitMillis, Deadline deadline) {
        if (!deadline.invocation()) {
            return deadline.remainingMillis() > waitMillis;
        }
        return attemptsMade < maxAttempts && deadline.remainingMillis() - safetyMarginMillis > waitMillis;
    }

    /**
     * Time one call may wait for its answer: for an invocation, until the safety margin; in consumer mode, the call
     * timeout, so that an attempt started near the budget's end (or a first call slower than a short budget) is not
     * cut short.
     */
    public long callBudgetMillis(Deadline deadline) {
        return deadline.invocation() ? deadline.remainingMillis() - safetyMarginMillis : deadline.callTimeoutMillis();
    }
}
