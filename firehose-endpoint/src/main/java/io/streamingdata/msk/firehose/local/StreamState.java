package io.streamingdata.msk.firehose.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Runtime state of one stream: accepted records (optional), counters and the S3 delivery buffer. */
final class StreamState {
    final StreamConfig config;
    final S3Delivery delivery;
    private final boolean retainRecords;
    private final List<byte[]> records = new ArrayList<>();
    private boolean sealed; // guarded by this

    final AtomicLong calls = new AtomicLong();
    final AtomicLong acceptedRecords = new AtomicLong();
    final AtomicLong failedRecords = new AtomicLong();
    final AtomicLong rejectedCalls = new AtomicLong();
    final AtomicLong failedCalls = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong s3Objects = new AtomicLong();
    final AtomicLong s3ErrorObjects = new AtomicLong();
    final AtomicLong s3UnsentRecords = new AtomicLong();
    final AtomicLong s3LostRecords = new AtomicLong();

    StreamState(StreamConfig config, S3Delivery.Factory deliveryFactory, boolean retainRecords) {
        this.config = config;
        this.retainRecords = retainRecords;
        this.delivery = config.s3Target().isPresent() ? deliveryFactory.create(this) : null;
    }

    String name() {
        return config.name();
    }

    /**
     * Accepts records as one unit: they stay contiguous in acceptance order and in the S3 buffer, which takes their
     * bytes over from {@code reservation} until S3 has them. Once the stream is sealed for the stop nothing is
     * accepted any more, so no acknowledged record can arrive after the last buffer was handed to the writer.
     *
     * @throws ApiError 503 ServiceUnavailableException when the endpoint is stopping
     */
    void accept(List<byte[]> accepted, Instant arrival, MemoryBudget.Reservation reservation) {
        if (accepted.isEmpty()) {
            return;
        }
        long size = 0;
        for (byte[] r : accepted) {
            size += r.length;
        }
        synchronized (this) {
            if (sealed) {
                throw ApiError.serviceUnavailable("Shutting down.");
            }
            if (retainRecords) {
                records.addAll(accepted);
            }
            acceptedRecords.addAndGet(accepted.size());
            bytes.addAndGet(size);
            if (delivery != null) {
                reservation.handOver(size);
                delivery.append(accepted, size, arrival);
            }
        }
    }

    /** Refuses every later {@link #accept}; waits for an accept in progress to finish first. */
    synchronized void seal() {
        sealed = true;
    }

    synchronized List<byte[]> records() {
        if (!retainRecords) {
            throw new IllegalStateException("records are not retained (LocalFirehose.Builder.retainRecords(false))");
        }
        return List.copyOf(records);
    }

    synchronized void reset() {
        records.clear();
        for (AtomicLong counter : List.of(
                calls,
                acceptedRecords,
                failedRecords,
                rejectedCalls,
                failedCalls,
                bytes,
                s3Objects,
                s3ErrorObjects,
                s3UnsentRecords,
                s3LostRecords)) {
            counter.set(0);
        }
    }

    StreamStats stats() {
        return new StreamStats(
                calls.get(),
                acceptedRecords.get(),
                failedRecords.get(),
                rejectedCalls.get(),
                failedCalls.get(),
                bytes.get(),
                s3Objects.get(),
                s3ErrorObjects.get(),
                s3UnsentRecords.get(),
                s3LostRecords.get());
    }
}
