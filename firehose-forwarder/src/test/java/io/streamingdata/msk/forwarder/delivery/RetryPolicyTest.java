package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, 50, 1000, 2000, new SplittableRandom(7));

    @Test
    void shouldDrawBackoffWithFullJitterUnderADoublingCeilingCappedAtTheMaximum() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(1000, 50L << (attempt - 1));
            long smallest = Long.MAX_VALUE;
            long largest = 0;
            for (int i = 0; i < 2000; i++) {
                long wait = policy.backoffMillis(attempt);
                assertTrue(wait >= 0 && wait <= ceiling, "attempt " + attempt + " waited " + wait);
                smallest = Math.min(smallest, wait);
                largest = Math.max(largest, wait);
            }
            assertTrue(smallest < ceiling / 4 + 1 && largest > ceiling * 3 / 4, "spread over [0, ceiling]");
        }
    }

    @Test
    void shouldStopAfterTheLastAttempt() {
        Deadline plenty = Deadline.of(() -> 600_000);

        assertTrue(policy.mayRetry(4, 100, plenty));
        assertFalse(policy.mayRetry(5, 100, plenty));
    }

    @Test
    void shouldStopWhenTheWaitWouldEatIntoTheSafetyMargin() {
        assertTrue(policy.mayRetry(1, 900, Deadline.of(() -> 3000)));
        assertFalse(policy.mayRetry(1, 1000, Deadline.of(() -> 3000)), "3000 left - 2000 margin is not > 1000");
        assertFalse(policy.mayRetry(1, 0, Deadline.of(() -> 1500)));
    }

    @Test
    void shouldRetryPastTheAttemptsInConsumerModeWhileTheBudgetLasts() {
        Deadline budget = Deadline.retryBudget(60_000, 10_000);

        assertTrue(policy.mayRetry(5, 100, budget), "attempts do not bound consumer mode");
        assertTrue(policy.mayRetry(500, 100, budget));
    }

    @Test
    void shouldKeepNoSafetyMarginInConsumerMode() {
        assertTrue(
                policy.mayRetry(1, 0, Deadline.retryBudget(1_500, 10_000)),
                "an invocation would stop here: 1500 left is within its 2000 margin");
    }

    @Test
    void shouldGiveEveryCallItsFullTimeoutInConsumerMode() {
        assertEquals(
                10_000,
                policy.callBudgetMillis(Deadline.retryBudget(1_000, 10_000)),
                "a first call slower than a short budget must not be cut short");
        assertEquals(1_000, policy.callBudgetMillis(Deadline.of(() -> 3_000)), "an invocation keeps its margin");
    }

    @Test
    void shouldStopInConsumerModeWhenTheWaitOutlastsTheBudget() {
        assertFalse(policy.mayRetry(1, 1_000, Deadline.retryBudget(500, 10_000)));
        assertFalse(policy.mayRetry(1, 0, Deadline.retryBudget(0, 10_000)));
    }
}
