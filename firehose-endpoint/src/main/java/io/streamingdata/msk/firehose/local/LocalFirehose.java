package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/**
 * A Firehose-compatible endpoint on 127.0.0.1: Amazon Data Firehose's AWS JSON 1.1 protocol for
 * {@code PutRecordBatch}, {@code PutRecord}, {@code DescribeDeliveryStream} and {@code ListDeliveryStreams}, with the
 * service's validation limits, fault injection ({@link #faults()}) and optional buffered delivery to an S3-compatible
 * server. Usable in-process from tests and as a process ({@link LocalFirehoseMain}).
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

    private final String bindAddress;
    private final int requestedPort;
    private final FaultPlan faults;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final EndpointThreads threads;
    private final S3Clients s3Clients = new S3Clients();
    private final StreamRegistry streams;
    private final FirehoseHttpHandler handler;
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
        this.info = b.verbose ? sink : line -> { };
        this.threads = new EndpointThreads(b.threads);
        // A random sequence of its own, so S3 key randomness does not shift the fault sequence of a seeded run.
        S3Delivery.Factory deliveries = new S3Delivery.Factory(threads.timer(), threads.writer(), faults,
                new Random(b.seed * 31 + 7), info, warn, s3Clients::client);
        this.streams = new StreamRegistry(b.streams.values(), deliveries, b.retainRecords);
        PutActions puts = new PutActions(streams, faults);
        Map<String, Action> actions = Map.of(
                "PutRecordBatch", puts::putRecordBatch,
                "PutRecord", puts::putRecord,
                "DescribeDeliveryStream", new DescribeDeliveryStreamAction(streams, createdAt),
                "ListDeliveryStreams", new ListDeliveryStreamsAction(streams));
        this.handler = new FirehoseHttpHandler(actions, new AdminEndpoints(streams, this::flush), faults, warn);
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
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), requestedPort), 256);
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
            threads.shutdown();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            threads.shutdown();
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

    /** Forgets the stream's accepted records and zeroes its counters (faults and S3 buffers are left alone). */
    public void reset(String stream) {
        streams.require(stream).reset();
    }

    /** Writes every non-empty S3 buffer now and waits until all pending S3 writes have finished. */
    public void flush() {
        streams.cutBuffers();
        threads.awaitWrites(Duration.ofMinutes(2), warn);
    }

    /** Stops the server, then writes and waits for all S3 buffers. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        HttpServer http = server;
        if (http != null) {
            http.stop(0);
        }
        if (started.get()) {
            flush();
        }
        threads.shutdown();
        s3Clients.closeAll();
        info.accept("stopped");
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
        private final Map<String, StreamConfig> streams = new LinkedHashMap<>();

        private Builder() {
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            Checks.argument(port >= 0 && port <= 65535, "port out of range: " + port);
            this.port = port;
            return this;
        }

        /** Loopback address to bind (default 127.0.0.1); anything else is refused. */
        public Builder bindAddress(String address) {
            Objects.requireNonNull(address, "address");
            Checks.argument(Checks.isLoopback(address),
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
    }
}
