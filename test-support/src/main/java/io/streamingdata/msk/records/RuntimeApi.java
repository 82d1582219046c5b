package io.streamingdata.msk.records;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda Runtime API on loopback that hands out the same event a fixed number of times and records, per
 * invocation, when it was handed out and when its answer came back. Polls beyond the last invocation stay open, as
 * the real Runtime API keeps a poll open until there is work. Serves the benchmarks (many invocations) and
 * {@link LocalLambdaRuntime} (one).
 * <p>
 * A paced API hands out an invocation only when {@link #release()} allows one more, so that a benchmark can take
 * turns between functions, one invocation each, and none of them runs while another is being measured.
 */
public final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final byte[] event;
    private final int invocations;
    private final String functionArn;
    private final long[] handedOut;
    private final long[] answered;
    private final String[] answers;
    private final CountDownLatch done;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Invocations that may be handed out; {@code null} when the API is not paced. */
    private final Semaphore turns;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long firstPoll;
    private volatile String initError;
    private int next;

    public RuntimeApi(byte[] event, int invocations, String functionName) throws IOException {
        this(event, invocations, functionName, false);
    }

    /** @param paced whether each invocation waits for a {@link #release()} before it is handed out */
    public RuntimeApi(byte[] event, int invocations, String functionName, boolean paced) throws IOException {
        this.turns = paced ? new Semaphore(0) : null;
        this.event = event;
        this.invocations = invocations;
        this.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        this.handedOut = new long[invocations];
        this.answered = new long[invocations];
        this.answers = new String[invocations];
        this.done = new CountDownLatch(invocations);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until every invocation is answered, or the time is up, or the function reported an init error. */
    public boolean awaitAnswers(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (done.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (initError != null) {
                return false;
            }
        }
        return false;
    }

    /** Lets a paced API hand out one more invocation, now or at the function's next poll. */
    public void release() {
        if (turns == null) {
            throw new IllegalStateException("this Runtime API is not paced: it hands out every invocation at once");
        }
        turns.release();
    }

    /**
     * Waits until invocation {@code i} is answered, or the time is up, or the function reported an init error.
     *
     * @return whether it was answered
     */
    public synchronized boolean awaitAnswer(int i, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (answers[i] == null && initError == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return answers[i] != null;
    }

    /** {@link System#nanoTime()} of the first poll, or 0 before it. */
    public long firstPoll() {
        return firstPoll;
    }

    public String initError() {
        return initError;
    }

    /** Nanoseconds from handing out invocation {@code i} to its answer. */
    public synchronized long duration(int i) {
        return answered[i] - handedOut[i];
    }

    /** The path and body of the answer to invocation {@code i}; {@code null} before it. */
    public synchronized String answer(int i) {
        return answers[i];
    }

    public int answeredCount() {
        return invocations - (int) done.getCount();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(PREFIX + "invocation/next")) {
            handOut(exchange);
            return;
        }
        long now = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        reply(exchange, 202, new byte[0]);
        if (path.equals(PREFIX + "init/error")) {
            synchronized (this) {
                initError = body;
                notifyAll();
            }
            return;
        }
        // invocation/<id>/response or invocation/<id>/error, where the id is the invocation's index
        String[] parts = path.substring(PREFIX.length()).split("/");
        if (parts.length == 3 && parts[0].equals("invocation")) {
            int i = Integer.parseInt(parts[1]);
            synchronized (this) {
                if (answers[i] == null) {
                    answered[i] = now;
                    answers[i] = parts[2] + " " + body;
                    done.countDown();
                    notifyAll();
                }
            }
        }
    }

    private void handOut(HttpExchange exchange) throws IOException {
        synchronized (this) {
            if (firstPoll == 0) {
                firstPoll = System.nanoTime();
            }
        }
        if (turns != null) {
            try {
                turns.acquire();
            } catch (InterruptedException e) {
                // Closing: the poll ends unanswered, as it would when the execution environment stops.
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        int i;
        synchronized (this) {
            i = next < invocations ? next++ : -1;
        }
        if (i < 0) {
            try {
                stopping.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", Integer.toString(i));
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        // The runtime clients' native parts expect every header the real Runtime API sends.
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        synchronized (this) {
            handedOut[i] = System.nanoTime();
        }
        reply(exchange, 200, event);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
