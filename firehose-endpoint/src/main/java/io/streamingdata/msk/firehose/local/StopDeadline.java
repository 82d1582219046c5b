package io.streamingdata.msk.firehose.local;

import java.time.Duration;

/**
 * How long the S3 writer may keep retrying: forever while the endpoint runs, until a set time once a stop began. The
 * writer's waits between attempts end early when that time comes, so a stop never waits out a long backoff.
 */
final class StopDeadline {
    private long deadlineNanos = Long.MAX_VALUE; // guarded by this
    private boolean stopping; // guarded by this

    /** The stop began: retries end {@code timeout} from now. */
    synchronized void stopWithin(Duration timeout) {
        stopping = true;
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        notifyAll();
    }

    synchronized boolean passed() {
        return stopping && System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Waits {@code millis}, or less when the deadline comes first.
     *
     * @return false when interrupted
     */
    synchronized boolean pause(long millis) {
        long end = System.nanoTime() + Math.max(0, millis) * 1_000_000;
        try {
            for (long left = end - System.nanoTime(); left > 0 && !passed(); left = end - System.nanoTime()) {
                long untilDeadline = stopping ? deadlineNanos - System.nanoTime() : Long.MAX_VALUE;
                long wait = Math.max(1, Math.min(left, untilDeadline) / 1_000_000);
                wait(wait);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
