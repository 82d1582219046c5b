package io.streamingdata.msk.firehose.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Firehose-compatible endpoint on 127.0.0.1: Amazon Data Firehose's AWS JSON 1.1 protocol for
 * {@code PutRecordBatch}, {@code PutRecord}, {@code DescribeDeliveryStream} and {@code ListDeliveryStreams}, with the
 * service's validation limits, fault injection ({@link #faults()}) and optional buffered delivery to an S3-compatible
 * server. Usable in-process from tests and as a process ({@link LocalFirehoseMain}).
 *
 * <p>Memory is bounded ({@link Builder#memoryLimitBytes(long)}): a call whose body does not fit next to the bodies
 * being decoded and the records not yet in S3 is refused with 503 ServiceUnavailableException before its body is
 * read. A record is acknowledged only once it is in a stream buffer; {@link #close()} refuses new calls, writes every
 * buffer and waits for S3 (what S3 has still not taken after {@link Builder#stopTimeout(Duration)} goes to the
 * {@link Builder#unsentDirectory(Path) unsent directory}).
 *
 * <pre>{@code
 * try (LocalFirehose firehose = LocalFirehose.builder().port(0).stream("demo-stream").seed(42).build().start()) {
 *     URI endpoint = firehose.endpoint();
 *     firehose.faults().failRecords(0.30, "ServiceUnavailableException");
 *     ...
 *     List<byte[]> delivered = firehose.deliveredRecords("demo-stream");
 * }
 * }</pre>
 */
public final class LocalFirehose implements AutoCloseable {
    /** Content type of every request and response (AWS JSON 1.1). */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Prefix of the {@code X-Amz-Target} header; the operation name follows it. */
    public static final String TARGET_PREFIX = "Firehose_20150804.";
    /** Most records in one PutRecordBatch call. */
    public static final int MAX_RECORDS_PER_BATCH = 500;
    /** Largest record, in bytes of decoded data (1,000 KiB). */
    public static final int MAX_RECORD_BYTES = 1_024_000;
    /** Largest total of decoded data in one PutRecordBatch call (4 MiB). */
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    static final String ACCOUNT_ID = "000000000000";
    /** Default of {@link Builder#stopTimeout(Duration)}: below the 30 s the local stack gives a part to stop. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);
    /** How long {@link #flush()} waits for S3 before it gives up waiting (the writes go on). */
    private static final Duration FLUSH_WAIT = Duration.ofMinutes(2);
    /** Time the writer gets beyond the stop timeout: one S3 request in progress, then the unsent files. */
    private static final Duration STOP_MARGIN = S3Clients.REQUEST_TIMEOUT.plusSeconds(10);

    private static final long REFUSAL_LOG_INTERVAL_NANOS =
            Duration.ofSeconds(10).toNanos();

    private final String bindAddress;
    private final int requestedPort;
    private final FaultPlan faults;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final EndpointThreads threads;
    private final S3Clients s3Clients = new S3Clients();
    private final StreamRegistry streams;
    private final MemoryBudget budget;
    private final StopDeadline deadline = new StopDeadline();
    private final Duration stopTimeout;
    private final UnsentDirectory unsent;
    private final FirehoseHttpHandler handler;
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpServer server;
    private volatile URI endpoint;

    private LocalFirehose(Builder b) {
        Instant createdAt = Instant.now();
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.faults = new FaultPlan(b.seed);
        if (b.faultSetup != null) {
            b.faultSetup.accept(faults);
        }
        Consumer<String> sink = b.log != null ? b.log : line -> System.err.println("[local-firehose] " + line);
        this.warn = sink;
        this.info = b.verbose ? sink : line -> {};
        this.threads = new EndpointThreads(b.threads);
        this.budget = new MemoryBudget(
                b.memoryLimitBytes > 0
                        ? b.memoryLimitBytes
                        : MemoryBudget.defaultLimit(Runtime.getRuntime().maxMemory()));
        this.stopTimeout = b.stopTimeout;
        this.unsent = new UnsentDirectory(b.unsentDirectory);
        // A random sequence of its own, so S3 key randomness does not shift the fault sequence of a seeded run.
        S3Delivery.Factory deliveries = new S3Delivery.Factory(
                threads.timer(),
                threads.writer(),
                faults,
                new Random(b.seed * 31 + 7),
                info,
                warn,
                s3Clients::client,
                budget,
                deadline,
                unsent);
        this.streams = new StreamRegistry(b.streams.values(), deliveries, b.retainRecords);
        PutActions puts = new PutActions(streams, faults);
        Map<String, Action> actions = Map.of(
                "PutRecordBatch",
                puts::putRecordBatch,
                "PutRecord",
                puts::putRecord,
                "DescribeDeliveryStream",
                new DescribeDeliveryStreamAction(streams, createdAt),
                "ListDeliveryStreams",
                new ListDeliveryStreamsAction(streams));
        this.handler = new FirehoseHttpHandler(
                actions,
                new AdminEndpoints(streams, this::flush, budget::stats),
                faults,
                budget,
                this::onRefusal,
                warn);
    }

    /** A builder with the defaults: a free port on 127.0.0.1, seed 42, records retained, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the server and, for streams with S3 delivery, creates missing buckets (when {@link S3Target#createBucket()}).
     *
     * @return this endpoint, started
     * @throws BindException (wrapped in {@link UncheckedIOException}) when the port is in use
     * @throws IllegalStateException when an S3 server cannot be reached, or when already started or closed
     */
    public LocalFirehose start() {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        try {
            for (StreamState state : streams.all()) {
                if (state.delivery != null && state.delivery.target().createBucket()) {
                    s3Clients.ensureBucket(state.delivery.target(), info);
                }
            }
            HttpServer http =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), requestedPort), 256);
            http.setExecutor(threads.http());
            http.createContext("/", handler);
            http.start();
            this.server = http;
            int port = http.getAddress().getPort();
            String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
            this.endpoint = URI.create("http://" + host + ":" + port);
            info.accept("listening on " + endpoint + " with streams " + streams.names());
            return this;
        } catch (IOException e) {
            threads.shutdown(warn);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            threads.shutdown(warn);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}; valid after {@link #start()}. */
    public URI endpoint() {
        URI uri = endpoint;
        if (uri == null) {
            throw new IllegalStateException("not started");
        }
        return uri;
    }

    /** The bound port; valid after {@link #start()}. */
    public int port() {
        return endpoint().getPort();
    }

    /** The fault plan; thread-safe and changeable while running. */
    public FaultPlan faults() {
        return faults;
    }

    /** Names of the configured streams, in configuration order. */
    public List<String> streamNames() {
        return streams.names();
    }

    /** Data of every accepted record of the stream, in acceptance order, duplicates included (a copy). */
    public List<byte[]> deliveredRecords(String stream) {
        return streams.require(stream).records();
    }

    /** The stream's counters now (see {@link StreamStats}). */
    public StreamStats stats(String stream) {
        return streams.require(stream).stats();
    }

    /** The memory bound and how much of it is held now (see {@link Builder#memoryLimitBytes(long)}). */
    public AdmissionStats admission() {
        return budget.stats();
    }

    /** Forgets the stream's accepted records and zeroes its counters (faults and S3 buffers are left alone). */
    public void reset(String stream) {
        streams.require(stream).reset();
    }

    /**
     * Writes every non-empty S3 buffer now and waits until all pending S3 writes have finished (or two minutes have
     * passed; a write S3 keeps refusing is retried on after that).
     */
    public void flush() {
        streams.cutBuffers();
        threads.awaitWrites(FLUSH_WAIT, warn);
    }

    /**
     * Stops: refuses every call from now on, closes the server, then writes every buffer and waits for S3 up to the
     * stop timeout; objects S3 has still not taken then are written to the unsent directory. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        streams.seal();
        HttpServer http = server;
        if (http != null) {
            http.stop(0);
        }
        if (started.get()) {
            deadline.stopWithin(stopTimeout);
            streams.cutBuffers();
            threads.awaitWrites(stopTimeout.plus(STOP_MARGIN), warn);
        }
        threads.shutdown(warn);
        s3Clients.closeAll();
        info.accept("stopped");
    }

    /**
     * A call of {@code cost} did not fit. When it would fit without the records waiting in buffers, the buffers are
     * handed to the writer at once: waiting for their size or interval hint would refuse every such call until then,
     * for up to the whole buffer interval. Says so now and then.
     */
    private void onRefusal(long cost) {
        long buffered = streams.bufferedBytes();
        boolean cut = buffered > 0 && budget.used() - buffered + cost <= budget.limit();
        if (cut) {
            streams.cutBuffers();
        }
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
            AdmissionStats stats = budget.stats();
            warn.accept("refusing calls with 503 ServiceUnavailableException: " + stats.usedBytes() + " of "
                    + stats.limitBytes() + " bytes held by request bodies and records not yet in S3 ("
                    + stats.refusedCalls() + " refused so far" + (cut ? "; writing buffers early" : "") + ")");
        }
    }

    /** Builder; {@link #build()} does not bind anything, {@link LocalFirehose#start()} does. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private int threads = 32;
        private long seed = 42;
        private boolean retainRecords = true;
        private boolean verbose;
        private Consumer<String> log;
        private Consumer<FaultPlan> faultSetup;
        private long memoryLimitBytes;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private Path unsentDirectory = defaultUnsentDirectory();
        private final Map<String, StreamConfig> streams = new LinkedHashMap<>();

        private Builder() {}

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            Checks.argument(port >= 0 && port <= 65535, "port out of range: " + port);
            this.port = port;
            return this;
        }

        /** Loopback address to bind (default 127.0.0.1); anything else is refused. */
        public Builder bindAddress(String address) {
            Objects.requireNonNull(address, "address");
            Checks.argument(
                    Checks.isLoopback(address),
                    "Refusing to bind " + address + ": only loopback addresses are allowed");
            this.bindAddress = address;
            return this;
        }

        /** Accepts the stream name (no S3 delivery). */
        public Builder stream(String name) {
            return stream(StreamConfig.of(name));
        }

        /** Adds a stream; each name may be configured once. */
        public Builder stream(StreamConfig config) {
            Objects.requireNonNull(config, "config");
            Checks.argument(!streams.containsKey(config.name()), "Stream configured twice: " + config.name());
            streams.put(config.name(), config);
            return this;
        }

        /** Seed of the fault randomness (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Keep every accepted record in memory for {@link LocalFirehose#deliveredRecords(String)} (default true). */
        public Builder retainRecords(boolean retain) {
            this.retainRecords = retain;
            return this;
        }

        /** Handler threads (default 32): the most calls served at once. */
        public Builder threads(int threads) {
            Checks.argument(threads >= 1, "threads must be >= 1");
            this.threads = threads;
            return this;
        }

        /**
         * The memory bound: bytes of request bodies being read and decoded plus accepted records not yet in S3 (a
         * call's body counts with its decoded records and the decoder's copy of its largest record). A call that does
         * not fit is refused with 503 ServiceUnavailableException before its body is read. Default: half the maximum
         * heap; at least 10 MiB, so that a call of the largest body read (8 MiB) fits.
         */
        public Builder memoryLimitBytes(long bytes) {
            Checks.argument(
                    bytes >= MemoryBudget.MIN_LIMIT_BYTES,
                    "memoryLimitBytes must be at least " + MemoryBudget.MIN_LIMIT_BYTES
                            + " (one call of the largest size): " + bytes);
            this.memoryLimitBytes = bytes;
            return this;
        }

        /** How long {@link LocalFirehose#close()} waits for S3 to take the buffered records (default 20 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Checks.notNegative("stopTimeout", Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /**
         * Where {@link LocalFirehose#close()} writes the objects S3 has not taken within the stop timeout, as
         * {@code <directory>/<bucket>/<key>} (default {@code <java.io.tmpdir>/local-firehose-unsent}).
         */
        public Builder unsentDirectory(Path directory) {
            this.unsentDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Also log informational lines (start, each S3 object written); warnings are always logged. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Faults active from the first call (the plan stays changeable through {@link LocalFirehose#faults()}). */
        public Builder faults(Consumer<FaultPlan> setup) {
            this.faultSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /** Where log lines go (default: standard error with a {@code [local-firehose]} prefix). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * The endpoint, not yet started.
         *
         * @throws IllegalStateException when no stream is configured
         */
        public LocalFirehose build() {
            if (streams.isEmpty()) {
                throw new IllegalStateException("Configure at least one stream");
            }
            return new LocalFirehose(this);
        }

        private static Path defaultUnsentDirectory() {
            return Path.of(System.getProperty("java.io.tmpdir"), "local-firehose-unsent");
        }
    }
}
