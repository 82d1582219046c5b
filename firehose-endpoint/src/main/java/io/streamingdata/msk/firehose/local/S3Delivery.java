package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Buffers one stream's accepted records and writes them to S3 as Firehose does: one object when the buffer reaches
 * its size hint or its oldest record is {@code bufferInterval} old, named
 * {@code <prefix><stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>[.gz]}, records concatenated without delimiter.
 *
 * <p>Writes run on one writer thread shared by all streams. A batch handed to the writer is never dropped: a failed
 * write is retried under the prefix with doubling backoff, then goes under the error output prefix (error-output-type
 * {@code s3-failed}), retried there every few seconds for as long as the endpoint runs. Only when a stop runs out of
 * time does a batch S3 has still not taken go to the {@link UnsentDirectory} instead. Its bytes count against the
 * {@link MemoryBudget} until then, so while S3 refuses, the endpoint refuses new calls rather than fill its heap.
 */
final class S3Delivery {
    static final String S3_FAILED = "s3-failed";
    static final int STREAM_VERSION = 1;
    /** Longest wait between two attempts once the prefix's attempts are used up. */
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    /** Wiring shared by all streams of one endpoint. */
    record Factory(
            ScheduledExecutorService timer,
            ExecutorService writer,
            FaultPlan faults,
            Random random,
            Consumer<String> info,
            Consumer<String> warn,
            Function<S3Target, S3Client> clients,
            MemoryBudget budget,
            StopDeadline deadline,
            UnsentDirectory unsent) {
        S3Delivery create(StreamState state) {
            return new S3Delivery(state, this);
        }
    }

    private record Batch(List<byte[]> records, long bytes, Instant oldestArrival) {}

    private final StreamState state;
    private final StreamConfig config;
    private final S3Target target;
    private final Factory wiring;
    private final S3Client s3;

    private final List<byte[]> buffer = new ArrayList<>();
    private long bufferedBytes;
    private Instant oldestArrival;
    private long generation;
    private ScheduledFuture<?> timerTask;

    private S3Delivery(StreamState state, Factory wiring) {
        this.state = state;
        this.config = state.config;
        this.target = config.s3Target().orElseThrow();
        this.wiring = wiring;
        this.s3 = wiring.clients().apply(target);
    }

    S3Target target() {
        return target;
    }

    /** Buffers records whose {@code size} bytes the caller has already counted against the budget for this buffer. */
    synchronized void append(List<byte[]> records, long size, Instant arrival) {
        if (buffer.isEmpty()) {
            oldestArrival = arrival;
            long current = ++generation;
            timerTask = wiring.timer()
                    .schedule(() -> onTimer(current), config.bufferInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        buffer.addAll(records);
        bufferedBytes += size;
        if (bufferedBytes >= config.bufferSizeBytes()) {
            cutAndSubmit();
        }
    }

    /** Hands whatever is buffered to the writer; the caller waits on the writer for completion. */
    synchronized void cut() {
        if (!buffer.isEmpty()) {
            cutAndSubmit();
        }
    }

    /** Bytes buffered and not yet handed to the writer. */
    synchronized long bufferedBytes() {
        return bufferedBytes;
    }

    private synchronized void onTimer(long scheduledGeneration) {
        if (scheduledGeneration == generation && !buffer.isEmpty()) {
            cutAndSubmit();
        }
    }

    private void cutAndSubmit() {
        Batch batch = new Batch(List.copyOf(buffer), bufferedBytes, oldestArrival);
        buffer.clear();
        bufferedBytes = 0;
        oldestArrival = null;
        generation++;
        if (timerTask != null) {
            timerTask.cancel(false);
            timerTask = null;
        }
        wiring.writer().execute(() -> write(batch));
    }

    private void write(Batch batch) {
        long compressedCopy = 0;
        try {
            ObjectBody body;
            if (config.compression() == Compression.GZIP) {
                body = ObjectBody.gzipped(batch.records());
                compressedCopy = body.length();
                wiring.budget().forceReserve(compressedCopy);
            } else {
                body = ObjectBody.concatenated(batch.records(), batch.bytes());
            }
            deliver(batch, body);
        } finally {
            wiring.budget().release(batch.bytes() + compressedCopy);
        }
    }

    private void deliver(Batch batch, ObjectBody body) {
        String objectName = config.name() + "-" + STREAM_VERSION + "-" + NAME_TIME.format(batch.oldestArrival()) + "-"
                + UUID.randomUUID() + config.compression().extension();
        String key = config.prefixTemplate().evaluate(batch.oldestArrival(), null, wiring.random()) + objectName;
        long backoff = Math.max(0, config.s3RetryBackoff().toMillis());
        for (int attempt = 1; attempt <= config.s3Attempts(); attempt++) {
            if (wiring.deadline().passed()) {
                leaveUnsent(batch, key, body);
                return;
            }
            if (tryPut(key, body, attempt)) {
                state.s3Objects.incrementAndGet();
                wiring.info()
                        .accept("delivered " + batch.records().size() + " records (" + batch.bytes()
                                + " bytes) to s3://" + target.bucket() + "/" + key);
                return;
            }
            if (attempt < config.s3Attempts() && !wiring.deadline().pause(backoff << (attempt - 1))) {
                break;
            }
        }
        String errorKey =
                config.errorPrefixTemplate().evaluate(batch.oldestArrival(), S3_FAILED, wiring.random()) + objectName;
        for (int attempt = config.s3Attempts() + 1; ; attempt++) {
            if (wiring.deadline().passed() || Thread.currentThread().isInterrupted()) {
                leaveUnsent(batch, errorKey, body);
                return;
            }
            if (tryPut(errorKey, body, attempt)) {
                state.s3ErrorObjects.incrementAndGet();
                wiring.warn()
                        .accept("wrote " + batch.records().size() + " records to the error output s3://"
                                + target.bucket() + "/" + errorKey + " after " + config.s3Attempts()
                                + " failed attempts under the prefix");
                return;
            }
            int doublings = Math.min(attempt - 1, 20);
            wiring.deadline().pause(Math.min(MAX_BACKOFF_MILLIS, Math.max(1, backoff) << doublings));
        }
    }

    private boolean tryPut(String key, ObjectBody body, int attempt) {
        try {
            if (wiring.faults().consumeS3Failure()) {
                throw new IllegalStateException("injected S3 write failure");
            }
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(target.bucket())
                            .key(key)
                            .contentType("application/octet-stream")
                            .build(),
                    body.requestBody());
            return true;
        } catch (RuntimeException e) {
            wiring.warn()
                    .accept("S3 write attempt " + attempt
                            + (attempt <= config.s3Attempts() ? "/" + config.s3Attempts() : "") + " for s3://"
                            + target.bucket() + "/" + key + " failed: " + e.getMessage());
            return false;
        }
    }

    /** The stop's time is up and S3 still does not have the batch: keep it on disk, and say where. */
    private void leaveUnsent(Batch batch, String key, ObjectBody body) {
        try {
            Path file = wiring.unsent().write(target.bucket(), key, body);
            state.s3UnsentRecords.addAndGet(batch.records().size());
            wiring.warn()
                    .accept("S3 did not take " + batch.records().size() + " records of stream " + config.name()
                            + " before the stop timeout: wrote them to " + file + " (the object s3://" + target.bucket()
                            + "/" + key + ")");
        } catch (IOException | RuntimeException e) {
            state.s3LostRecords.addAndGet(batch.records().size());
            wiring.warn()
                    .accept("LOST " + batch.records().size() + " records of stream " + config.name()
                            + ": S3 did not take them before the stop timeout and writing them under "
                            + wiring.unsent().directory()
                            + " failed: " + e);
        }
    }
}
