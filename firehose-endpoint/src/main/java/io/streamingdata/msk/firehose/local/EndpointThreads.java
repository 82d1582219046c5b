package io.streamingdata.msk.firehose.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads of one endpoint: HTTP handlers, the buffer-interval timer and the single S3 writer. All are daemons so
 * that a test that forgets {@code close()} cannot keep the JVM alive.
 */
final class EndpointThreads {
    private final ExecutorService http;
    private final ScheduledExecutorService timer;
    private final ExecutorService writer;

    EndpointThreads(int httpThreads) {
        this.http = Executors.newFixedThreadPool(httpThreads, daemonThreads("local-firehose-http"));
        ScheduledThreadPoolExecutor scheduled =
                new ScheduledThreadPoolExecutor(1, daemonThreads("local-firehose-timer"));
        scheduled.setRemoveOnCancelPolicy(true); // every cut cancels a timer; do not keep them queued for minutes
        this.timer = scheduled;
        // One writer: objects of a stream are written in buffer order, and a barrier task can wait for all of them.
        this.writer = Executors.newSingleThreadExecutor(daemonThreads("local-firehose-s3"));
    }

    ExecutorService http() {
        return http;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService writer() {
        return writer;
    }

    /** Waits until every S3 write submitted so far has finished (a barrier task behind them on the single writer). */
    void awaitWrites(Duration timeout, Consumer<String> warn) {
        Future<?> barrier;
        try {
            barrier = writer.submit(() -> {});
        } catch (RejectedExecutionException e) {
            return; // already shut down: nothing pending
        }
        try {
            barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            warn.accept("S3 writes did not finish within " + timeout + ": " + e);
        }
    }

    /**
     * Stops handlers and timers at once; lets queued S3 writes finish (up to 30 s) so no accepted data is dropped, and
     * names what could still not be written then.
     */
    void shutdown(Consumer<String> warn) {
        http.shutdownNow();
        timer.shutdownNow();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                abandon(writer.shutdownNow(), warn);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(writer.shutdownNow(), warn);
        }
    }

    private static void abandon(List<Runnable> writes, Consumer<String> warn) {
        warn.accept("LOST the records of " + writes.size() + " S3 objects still queued when the writer was stopped,"
                + " and possibly of the one it was writing: S3 did not answer in time");
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
