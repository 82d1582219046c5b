package io.streamingdata.msk.firehose.local;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The admission bound: bytes of request bodies being read and decoded, plus accepted records that S3 does not have
 * yet. A call is admitted only when its {@link Reservation} fits under the limit; the records it accepts are handed
 * over to their stream's buffer, which gives the bytes back once the object holding them is written. Without this
 * bound, a burst of large calls on a small heap ends in OutOfMemoryError, and with it every acknowledged record that
 * was still buffered.
 */
final class MemoryBudget {
    /** The largest request body read at all (larger ones are answered 413 unread). */
    static final long MAX_REQUEST_BODY_BYTES = 8L * 1024 * 1024;
    /**
     * The smallest limit: one request of the largest size must fit ({@link #costOfBody} of 8 MiB is about 9.04 MiB),
     * or large calls could never be admitted.
     */
    static final long MIN_LIMIT_BYTES = 10L * 1024 * 1024;
    /** Decoding allocation a call needs besides its body and records: parser buffers, the JSON tree, the answer. */
    private static final long CALL_OVERHEAD_BYTES = 64 * 1024;

    private final long limit;
    private long used; // guarded by this
    private final AtomicLong refusedCalls = new AtomicLong();

    MemoryBudget(long limit) {
        Checks.argument(
                limit >= MIN_LIMIT_BYTES,
                "the memory limit must be at least " + MIN_LIMIT_BYTES
                        + " bytes (one request of the largest size), got " + limit);
        this.limit = limit;
    }

    /**
     * Half the heap: the other half holds the endpoint itself (HTTP server, S3 client: about 11 MB live after start)
     * and leaves the garbage collector room, so the JVM neither runs out of memory nor spends its time collecting.
     */
    static long defaultLimit(long maxHeapBytes) {
        return Math.max(MIN_LIMIT_BYTES, maxHeapBytes / 2);
    }

    /**
     * What reading and decoding a body of {@code bodyBytes} can hold at once: the decoded records (three quarters of
     * the base64 body), the decoder's working copy of the largest record, and the call's fixed overhead.
     */
    static long costOfBody(long bodyBytes) {
        return bodyBytes + Math.min(bodyBytes, LocalFirehose.MAX_RECORD_BYTES) + CALL_OVERHEAD_BYTES;
    }

    /** A reservation of {@code bytes}, or null (and the refusal counted) when it does not fit now. */
    Reservation tryReserve(long bytes) {
        synchronized (this) {
            if (used + bytes <= limit) {
                used += bytes;
                return new Reservation(bytes);
            }
        }
        refusedCalls.incrementAndGet();
        return null;
    }

    /** Counts bytes that must be held whatever the limit (the writer's compressed copy of an object). */
    synchronized void forceReserve(long bytes) {
        used += bytes;
    }

    synchronized void release(long bytes) {
        used -= bytes;
    }

    long limit() {
        return limit;
    }

    synchronized long used() {
        return used;
    }

    long refusedCalls() {
        return refusedCalls.get();
    }

    AdmissionStats stats() {
        return new AdmissionStats(limit, used(), refusedCalls());
    }

    /** One call's share of the budget; used by the call's own thread only. */
    final class Reservation implements AutoCloseable {
        private long held;

        private Reservation(long held) {
            this.held = held;
        }

        /**
         * Hands {@code bytes} of this reservation over to the caller (a stream buffer), who releases them later
         * through {@link MemoryBudget#release(long)}. Accepted records are decoded within the reservation, so this
         * moves bytes without counting them twice; anything beyond the reservation is counted on top.
         */
        void handOver(long bytes) {
            long fromHere = Math.min(bytes, held);
            held -= fromHere;
            if (bytes > fromHere) {
                forceReserve(bytes - fromHere);
            }
        }

        /** Gives back what was not handed over. */
        @Override
        public void close() {
            if (held > 0) {
                release(held);
                held = 0;
            }
        }
    }
}
