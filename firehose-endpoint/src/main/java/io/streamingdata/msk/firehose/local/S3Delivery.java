package io.streamingdata.msk.firehose.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.zip.GZIPOutputStream;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Buffers one stream's accepted records and writes them to S3 as Firehose does: one object when the buffer reaches
 * its size hint or its oldest record is {@code bufferInterval} old, named
 * {@code <prefix><stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>[.gz]}, records concatenated without delimiter.
 * Writes run on one writer thread shared by all streams; a failed write is retried with doubling backoff and then
 * goes under the error output prefix with error-output-type {@code s3-failed}.
 */
final class S3Delivery {
    static final String S3_FAILED = "s3-failed";
    static final int STREAM_VERSION = 1;
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    /** Wiring shared by all streams of one endpoint. */
    record Factory(ScheduledExecutorService timer, ExecutorService writer, FaultPlan faults, Random random,
                   Consumer<String> info, Consumer<String> warn, java.util.function.Function<S3Target, S3Client> clients) {
        S3Delivery create(StreamState state) {
            return new S3Delivery(state, this);
        }
    }

    private record Batch(List<byte[]> records, long bytes, Instant oldestArrival) {
    }

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

    synchronized void append(List<byte[]> records, long size, Instant arrival) {
        if (buffer.isEmpty()) {
            oldestArrival = arrival;
            long current = ++generation;
            timerTask = wiring.timer().schedule(() -> onTimer(current), config.bufferInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
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
        byte[] body = encode(batch);
        String objectName = config.name() + "-" + STREAM_VERSION + "-" + NAME_TIME.format(batch.oldestArrival()) + "-"
                + UUID.randomUUID() + config.compression().extension();
        String key = config.prefixTemplate().evaluate(batch.oldestArrival(), null, wiring.random()) + objectName;
        long backoff = Math.max(0, config.s3RetryBackoff().toMillis());
        Exception last = null;
        for (int attempt = 1; attempt <= config.s3Attempts(); attempt++) {
            try {
                put(key, body);
                state.s3Objects.incrementAndGet();
                wiring.info().accept("delivered " + batch.records().size() + " records (" + batch.bytes() + " bytes) to s3://"
                        + target.bucket() + "/" + key);
                return;
            } catch (RuntimeException e) {
                last = e;
                wiring.warn().accept("S3 write attempt " + attempt + "/" + config.s3Attempts() + " for s3://"
                        + target.bucket() + "/" + key + " failed: " + e.getMessage());
                if (attempt < config.s3Attempts() && !sleep(backoff << (attempt - 1))) {
                    break;
                }
            }
        }
        String errorKey = config.errorPrefixTemplate().evaluate(batch.oldestArrival(), S3_FAILED, wiring.random())
                + objectName;
        try {
            put(errorKey, body);
            state.s3ErrorObjects.incrementAndGet();
            wiring.warn().accept("wrote " + batch.records().size() + " records to the error output s3://"
                    + target.bucket() + "/" + errorKey + " after: " + (last == null ? "?" : last.getMessage()));
        } catch (RuntimeException e) {
            state.s3LostRecords.addAndGet(batch.records().size());
            wiring.warn().accept("LOST " + batch.records().size() + " records of stream " + config.name()
                    + ": the error output write to s3://" + target.bucket() + "/" + errorKey + " failed too: " + e.getMessage());
        }
    }

    private void put(String key, byte[] body) {
        if (wiring.faults().consumeS3Failure()) {
            throw new IllegalStateException("injected S3 write failure");
        }
        s3.putObject(PutObjectRequest.builder().bucket(target.bucket()).key(key)
                .contentType("application/octet-stream").build(), RequestBody.fromBytes(body));
    }

    private byte[] encode(Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, batch.bytes()));
        try {
            if (config.compression() == Compression.GZIP) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
                    for (byte[] r : batch.records()) {
                        gzip.write(r);
                    }
                }
            } else {
                for (byte[] r : batch.records()) {
                    out.write(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
