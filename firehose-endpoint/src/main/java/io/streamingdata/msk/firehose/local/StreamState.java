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

    final AtomicLong calls = new AtomicLong();
    final AtomicLong acceptedRecords = new AtomicLong();
    final AtomicLong failedRecords = new AtomicLong();
    final AtomicLong rejectedCalls = new AtomicLong();
    final AtomicLong failedCalls = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong s3Objects = new AtomicLong();
    final AtomicLong s3ErrorObjects = new AtomicLong();
    final AtomicLong s3LostRecords = new AtomicLong();

    StreamState(StreamConfig config, S3Delivery.Factory deliveryFactory, boolean retainRecords) {
        this.config = config;
        this.retainRecords = retainRecords;
        this.delivery = config.s3Target().isPresent() ? deliveryFactory.create(this) : null;
    }

    String name() {
        return config.name();
    }

    /** Accepts records as one unit: they stay contiguous in acceptance order and in the S3 buffer. */
    void accept(List<byte[]> accepted, Instant arrival) {
        if (accepted.isEmpty()) {
            return;
        }
        long size = 0;
        for (byte[] r : accepted) {
            size += r.length;
        }
        synchronized (this) {
            if (retainRecords) {
                records.addAll(accepted);
            }
            acceptedRecords.addAndGet(accepted.size());
            bytes.addAndGet(size);
            if (delivery != null) {
                delivery.append(accepted, size, arrival);
            }
        }
    }

    synchronized List<byte[]> records() {
        if (!retainRecords) {
            throw new IllegalStateException("records are not retained (LocalFirehose.Builder.retainRecords(false))");
        }
        return List.copyOf(records);
    }

    synchronized void reset() {
        records.clear();
        for (AtomicLong counter : List.of(calls, acceptedRecords, failedRecords, rejectedCalls, failedCalls, bytes,
                s3Objects, s3ErrorObjects, s3LostRecords)) {
            counter.set(0);
        }
    }

    StreamStats stats() {
        return new StreamStats(calls.get(), acceptedRecords.get(), failedRecords.get(), rejectedCalls.get(),
                failedCalls.get(), bytes.get(), s3Objects.get(), s3ErrorObjects.get(), s3LostRecords.get());
    }
}
