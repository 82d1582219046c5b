package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

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
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final String TARGET_PREFIX = "Firehose_20150804.";
    /** Most records in one PutRecordBatch call. */
    public static final int MAX_RECORDS_PER_BATCH = 500;
    /** Largest record, in bytes of decoded data (1,000 KiB). */
    public static final int MAX_RECORD_BYTES = 1_024_000;
    /** Largest total of decoded data in one PutRecordBatch call (4 MiB). */
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    static final String ACCOUNT_ID = "000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGION_IN_AUTH = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");

    private final String bindAddress;
    private final int requestedPort;
    private final int threads;
    private final boolean verbose;
    private final Map<String, StreamState> streams;
    private final FaultPlan faults;
    private final Instant createdAt = Instant.now();
    private final Consumer<String> info;
    private final Consumer<String> warn;

    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService timer;
    private final ExecutorService writer;
    private final Map<S3Target, S3Client> s3Clients = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpServer server;
    private volatile URI endpoint;

    private LocalFirehose(Builder b) {
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.threads = b.threads;
        this.verbose = b.verbose;
        this.faults = new FaultPlan(b.seed);
        if (b.faultSetup != null) {
            b.faultSetup.accept(faults);
        }
        Consumer<String> sink = b.log != null ? b.log : line -> System.err.println("[local-firehose] " + line);
        this.warn = sink;
        this.info = verbose ? sink : line -> { };
        this.httpExecutor = Executors.newFixedThreadPool(threads, daemonThreads("local-firehose-http"));
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1, daemonThreads("local-firehose-timer"));
        scheduled.setRemoveOnCancelPolicy(true);
        this.timer = scheduled;
        this.writer = Executors.newSingleThreadExecutor(daemonThreads("local-firehose-s3"));
        S3Delivery.Factory factory = new S3Delivery.Factory(timer, writer, faults, new Random(b.seed * 31 + 7), info, warn,
                target -> s3Clients.computeIfAbsent(target, LocalFirehose::newS3Client));
        Map<String, StreamState> byName = new LinkedHashMap<>();
        for (StreamConfig config : b.streams.values()) {
            byName.put(config.name(), new StreamState(config, factory, b.retainRecords));
        }
        this.streams = Collections.unmodifiableMap(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the server and, for streams with S3 delivery, creates missing buckets (when {@link S3Target#createBucket()}).
     *
     * @throws BindException (wrapped in {@link java.io.UncheckedIOException}) when the port is in use
     * @throws IllegalStateException when an S3 server cannot be reached
     */
    public LocalFirehose start() {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        try {
            for (StreamState state : streams.values()) {
                if (state.delivery != null && state.delivery.target().createBucket()) {
                    ensureBucket(state.delivery.target());
                }
            }
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), requestedPort), 256);
            http.setExecutor(httpExecutor);
            http.createContext("/", this::handle);
            http.start();
            this.server = http;
            int port = http.getAddress().getPort();
            String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
            this.endpoint = URI.create("http://" + host + ":" + port);
            info.accept("listening on " + endpoint + " with streams " + streams.keySet());
            return this;
        } catch (IOException e) {
            shutdownExecutors();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            shutdownExecutors();
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
        return List.copyOf(streams.keySet());
    }

    /** Data of every accepted record of the stream, in acceptance order, duplicates included (a copy). */
    public List<byte[]> deliveredRecords(String stream) {
        return state(stream).records();
    }

    public StreamStats stats(String stream) {
        return state(stream).stats();
    }

    /** Forgets the stream's accepted records and zeroes its counters (faults and S3 buffers are left alone). */
    public void reset(String stream) {
        state(stream).reset();
    }

    /** Writes every non-empty S3 buffer now and waits until all pending S3 writes have finished. */
    public void flush() {
        for (StreamState state : streams.values()) {
            if (state.delivery != null) {
                state.delivery.cut();
            }
        }
        awaitWriter(Duration.ofMinutes(2));
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
        shutdownExecutors();
        s3Clients.values().forEach(S3Client::close);
        info.accept("stopped");
    }

    private void shutdownExecutors() {
        httpExecutor.shutdownNow();
        timer.shutdownNow();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }

    private void awaitWriter(Duration timeout) {
        Future<?> barrier;
        try {
            barrier = writer.submit(() -> { });
        } catch (java.util.concurrent.RejectedExecutionException e) {
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

    private StreamState state(String stream) {
        StreamState state = streams.get(stream);
        if (state == null) {
            throw new IllegalArgumentException("Unknown stream '" + stream + "'; configured: " + streams.keySet());
        }
        return state;
    }

    private static S3Client newS3Client(S3Target target) {
        return S3Client.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // Plain PUTs with Content-MD5 only when required: works with s3proxy 3.x and 4.x alike.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Delivery retries are ours (with the error-prefix fallback); no hidden SDK retries on top.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private void ensureBucket(S3Target target) {
        S3Client s3 = s3Clients.computeIfAbsent(target, LocalFirehose::newS3Client);
        try {
            s3.createBucket(b -> b.bucket(target.bucket()));
            info.accept("created bucket " + target.bucket() + " at " + target.endpoint());
        } catch (S3Exception e) {
            if (e.statusCode() != 409) { // 409: BucketAlreadyOwnedByYou / BucketAlreadyExists
                throw new IllegalStateException("Cannot create bucket " + target + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot reach the S3 server for " + target + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // HTTP

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_local/")) {
                admin(exchange, path, requestId);
                return;
            }
            try {
                Duration latency = faults.latency();
                if (!latency.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(latency.toNanos());
                }
                if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(path)) {
                    throw new ApiError(404, "UnknownOperationException",
                            "Only POST / is served (got " + exchange.getRequestMethod() + " " + path + ")");
                }
                FaultPlan.CallFault outage = faults.outageFault();
                if (outage != null) {
                    throw new ApiError(outage.status(), outage.errorType(), outage.message());
                }
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String operation = target != null && target.startsWith(TARGET_PREFIX)
                        ? target.substring(TARGET_PREFIX.length()) : "";
                byte[] response = switch (operation) {
                    case "PutRecordBatch" -> putRecordBatch(parse(body));
                    case "PutRecord" -> putRecord(parse(body));
                    case "DescribeDeliveryStream" -> describe(parse(body), region(exchange));
                    case "ListDeliveryStreams" -> list(parse(body));
                    default -> throw new ApiError(400, "UnknownOperationException",
                            "Unknown or unsupported operation: " + target);
                };
                send(exchange, 200, requestId, response);
            } catch (ApiError e) {
                send(exchange, e.status, requestId, errorBody(e.type, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 503, requestId, errorBody("ServiceUnavailableException", "Shutting down."));
            } catch (RuntimeException e) {
                warn.accept("internal error on request " + requestId + ": " + e);
                send(exchange, 500, requestId, errorBody("InternalFailure", "Internal error: " + e));
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static final class ApiError extends RuntimeException {
        final int status;
        final String type;

        ApiError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "SerializationException", "Request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "SerializationException", "Malformed JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private byte[] putRecordBatch(JsonNode request) throws IOException {
        String name = textOrNull(request.get("DeliveryStreamName"));
        StreamState state = name == null ? null : streams.get(name);
        if (state != null) {
            state.calls.incrementAndGet();
        }
        FaultPlan.CallFault fault = faults.nextCallFault();
        if (fault != null && !fault.acceptFirst()) {
            count(state, state == null ? null : state.failedCalls);
            throw new ApiError(fault.status(), fault.errorType(), fault.message());
        }
        List<String> errors = new ArrayList<>();
        validateName(request.get("DeliveryStreamName"), errors);
        JsonNode records = request.get("Records");
        List<byte[]> data = new ArrayList<>();
        if (records == null || records.isNull()) {
            errors.add("Value null at 'records' failed to satisfy constraint: Member must not be null");
        } else if (!records.isArray()) {
            throw new ApiError(400, "SerializationException", "Records must be a JSON array");
        } else {
            if (records.size() < 1) {
                errors.add("Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1");
            } else if (records.size() > MAX_RECORDS_PER_BATCH) {
                errors.add("Value '[" + records.size() + " records]' at 'records' failed to satisfy constraint: "
                        + "Member must have length less than or equal to " + MAX_RECORDS_PER_BATCH);
            }
            int index = 1;
            for (JsonNode record : records) {
                data.add(decodeRecord(record, "records." + index + ".member", errors));
                index++;
            }
        }
        rejectIfInvalid(state, errors);
        StreamState stream = existing(name, state);
        long total = 0;
        for (byte[] d : data) {
            total += d.length;
        }
        if (total > MAX_BATCH_BYTES) {
            stream.rejectedCalls.incrementAndGet();
            throw new ApiError(400, "InvalidArgumentException", "Records size exceeds 4 MB limit");
        }

        String[] failures = faults.drawRecordFailures(data.size());
        List<byte[]> accepted = new ArrayList<>(data.size());
        int failed = 0;
        for (int i = 0; i < data.size(); i++) {
            if (failures[i] == null) {
                accepted.add(data.get(i));
            } else {
                failed++;
            }
        }
        stream.failedRecords.addAndGet(failed);
        stream.accept(accepted, Instant.now());
        if (fault != null) { // acceptThenFail
            stream.failedCalls.incrementAndGet();
            throw new ApiError(fault.status(), fault.errorType(), fault.message());
        }

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + data.size() * 80);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("FailedPutCount", failed);
            g.writeBooleanField("Encrypted", false);
            g.writeArrayFieldStart("RequestResponses");
            for (String code : failures) {
                g.writeStartObject();
                if (code == null) {
                    g.writeStringField("RecordId", recordId());
                } else {
                    g.writeStringField("ErrorCode", code);
                    g.writeStringField("ErrorMessage", recordErrorMessage(code));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private byte[] putRecord(JsonNode request) throws IOException {
        String name = textOrNull(request.get("DeliveryStreamName"));
        StreamState state = name == null ? null : streams.get(name);
        if (state != null) {
            state.calls.incrementAndGet();
        }
        FaultPlan.CallFault fault = faults.nextCallFault();
        if (fault != null && !fault.acceptFirst()) {
            count(state, state == null ? null : state.failedCalls);
            throw new ApiError(fault.status(), fault.errorType(), fault.message());
        }
        List<String> errors = new ArrayList<>();
        validateName(request.get("DeliveryStreamName"), errors);
        JsonNode record = request.get("Record");
        byte[] data = null;
        if (record == null || record.isNull()) {
            errors.add("Value null at 'record' failed to satisfy constraint: Member must not be null");
        } else {
            data = decodeRecord(record, "record", errors);
        }
        rejectIfInvalid(state, errors);
        StreamState stream = existing(name, state);
        String code = faults.drawRecordFailures(1)[0];
        if (code != null) {
            stream.failedRecords.incrementAndGet();
            throw new ApiError(FaultPlan.THROTTLE_STATUS, code, recordErrorMessage(code));
        }
        stream.accept(List.of(data), Instant.now());
        if (fault != null) {
            stream.failedCalls.incrementAndGet();
            throw new ApiError(fault.status(), fault.errorType(), fault.message());
        }
        return json(Map.of("RecordId", recordId(), "Encrypted", false));
    }

    private byte[] describe(JsonNode request, String region) throws IOException {
        List<String> errors = new ArrayList<>();
        validateName(request.get("DeliveryStreamName"), errors);
        rejectIfInvalid(null, errors);
        String name = request.get("DeliveryStreamName").asText();
        StreamState state = existing(name, streams.get(name));
        StreamConfig config = state.config;

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("DeliveryStreamName", name);
        description.put("DeliveryStreamARN", "arn:aws:firehose:" + region + ":" + ACCOUNT_ID + ":deliverystream/" + name);
        description.put("DeliveryStreamStatus", "ACTIVE");
        description.put("DeliveryStreamEncryptionConfiguration", Map.of("Status", "DISABLED"));
        description.put("DeliveryStreamType", "DirectPut");
        description.put("VersionId", String.valueOf(S3Delivery.STREAM_VERSION));
        description.put("CreateTimestamp", createdAt.toEpochMilli() / 1000.0);
        List<Object> destinations = new ArrayList<>();
        config.s3Target().ifPresent(target -> {
            Map<String, Object> s3 = new LinkedHashMap<>();
            s3.put("RoleARN", "arn:aws:iam::" + ACCOUNT_ID + ":role/local-firehose");
            s3.put("BucketARN", "arn:aws:s3:::" + target.bucket());
            if (config.prefix() != null) {
                s3.put("Prefix", config.prefix());
            }
            if (config.errorOutputPrefix() != null) {
                s3.put("ErrorOutputPrefix", config.errorOutputPrefix());
            }
            s3.put("BufferingHints", Map.of(
                    "SizeInMBs", Math.max(1, (config.bufferSizeBytes() + (1 << 20) - 1) >> 20),
                    "IntervalInSeconds", config.bufferInterval().toSeconds()));
            s3.put("CompressionFormat", config.compression().name());
            s3.put("EncryptionConfiguration", Map.of("NoEncryptionConfig", "NoEncryption"));
            destinations.add(Map.of("DestinationId", "destinationId-000000000001", "ExtendedS3DestinationDescription", s3));
        });
        description.put("Destinations", destinations);
        description.put("HasMoreDestinations", false);
        return json(Map.of("DeliveryStreamDescription", description));
    }

    private byte[] list(JsonNode request) throws IOException {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt(10) : 10;
        if (limit < 1 || limit > 10000) {
            throw new ApiError(400, "ValidationException", "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000");
        }
        String type = textOrNull(request.get("DeliveryStreamType"));
        String after = textOrNull(request.get("ExclusiveStartDeliveryStreamName"));
        List<String> names = new ArrayList<>();
        if (type == null || type.equals("DirectPut")) {
            for (String name : new TreeMap<>(streams).keySet()) {
                if (after == null || name.compareTo(after) > 0) {
                    names.add(name);
                }
            }
        }
        boolean more = names.size() > limit;
        return json(Map.of("DeliveryStreamNames", more ? names.subList(0, limit) : names, "HasMoreDeliveryStreams", more));
    }

    private static void validateName(JsonNode nameNode, List<String> errors) {
        if (nameNode == null || nameNode.isNull()) {
            errors.add("Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null");
            return;
        }
        String name = nameNode.asText();
        if (name.isEmpty()) {
            errors.add("Value '' at 'deliveryStreamName' failed to satisfy constraint: Member must have length greater than or equal to 1");
        } else if (name.length() > 64) {
            errors.add("Value '" + name + "' at 'deliveryStreamName' failed to satisfy constraint: Member must have length less than or equal to 64");
        } else if (!StreamConfig.NAME_PATTERN.matcher(name).matches()) {
            errors.add("Value '" + name + "' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    private static byte[] decodeRecord(JsonNode record, String path, List<String> errors) {
        JsonNode dataNode = record == null ? null : record.get("Data");
        if (dataNode == null || dataNode.isNull()) {
            errors.add("Value null at '" + path + ".data' failed to satisfy constraint: Member must not be null");
            return new byte[0];
        }
        if (!dataNode.isTextual()) {
            throw new ApiError(400, "SerializationException", "'" + path + ".data' must be a base64 string");
        }
        byte[] data;
        try {
            data = java.util.Base64.getDecoder().decode(dataNode.textValue());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "SerializationException", "'" + path + ".data' is not valid base64: " + e.getMessage());
        }
        if (data.length > MAX_RECORD_BYTES) {
            errors.add("Value 'java.nio.HeapByteBuffer[pos=0 lim=" + data.length + " cap=" + data.length + "]' at '" + path
                    + ".data' failed to satisfy constraint: Member must have length less than or equal to " + MAX_RECORD_BYTES);
        }
        return data;
    }

    private static void rejectIfInvalid(StreamState state, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        if (state != null) {
            state.rejectedCalls.incrementAndGet();
        }
        String prefix = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        throw new ApiError(400, "ValidationException", prefix + String.join("; ", errors));
    }

    private static StreamState existing(String name, StreamState state) {
        if (state == null) {
            throw new ApiError(400, "ResourceNotFoundException",
                    "Firehose stream " + name + " under account " + ACCOUNT_ID + " not found.");
        }
        return state;
    }

    private static void count(StreamState state, java.util.concurrent.atomic.AtomicLong counter) {
        if (state != null && counter != null) {
            counter.incrementAndGet();
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String recordErrorMessage(String code) {
        return switch (code) {
            case FaultPlan.SERVICE_UNAVAILABLE -> FaultPlan.THROTTLE_MESSAGE;
            case FaultPlan.INTERNAL_FAILURE -> "Internal service failure.";
            default -> "Injected record failure (" + code + ").";
        };
    }

    private static final AtomicInteger RECORD_SEQUENCE = new AtomicInteger();

    private static String recordId() {
        // Opaque like the service's; unique within the process.
        return Long.toString(System.nanoTime(), 36) + "-" + Integer.toString(RECORD_SEQUENCE.incrementAndGet(), 36) + "-"
                + UUID.randomUUID();
    }

    private static String region(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = REGION_IN_AUTH.matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "us-east-1";
    }

    private static byte[] errorBody(String type, String message) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("__type", type);
            body.put("message", message);
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] json(Object value) throws IOException {
        return JSON.writeValueAsBytes(value);
    }

    private static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ---- admin endpoints for scripts: GET /_local/health, GET /_local/stats, POST /_local/flush ----

    private void admin(HttpExchange exchange, String path, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/_local/health") && method.equals("GET")) {
            send(exchange, 200, requestId, json(Map.of("status", "ok")));
        } else if (path.equals("/_local/stats") && method.equals("GET")) {
            Map<String, Object> all = new LinkedHashMap<>();
            streams.forEach((name, state) -> all.put(name, state.stats()));
            send(exchange, 200, requestId, json(Map.of("streams", all)));
        } else if (path.equals("/_local/flush") && method.equals("POST")) {
            flush();
            send(exchange, 200, requestId, json(Map.of("flushed", true)));
        } else {
            send(exchange, 404, requestId, errorBody("NotFound", "Admin endpoints: GET /_local/health, GET /_local/stats, POST /_local/flush"));
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** True for 127.0.0.0/8, ::1 and names that resolve only to loopback addresses. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
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
        private final Map<String, StreamConfig> streams = new LinkedHashMap<>();

        private Builder() {
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Loopback address to bind (default 127.0.0.1); anything else is refused. */
        public Builder bindAddress(String address) {
            Objects.requireNonNull(address, "address");
            if (!isLoopback(address)) {
                throw new IllegalArgumentException("Refusing to bind " + address + ": only loopback addresses are allowed");
            }
            this.bindAddress = address;
            return this;
        }

        /** Accepts the stream name (no S3 delivery). */
        public Builder stream(String name) {
            return stream(StreamConfig.of(name));
        }

        public Builder stream(StreamConfig config) {
            Objects.requireNonNull(config, "config");
            if (streams.putIfAbsent(config.name(), config) != null) {
                throw new IllegalArgumentException("Stream configured twice: " + config.name());
            }
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
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
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

        public LocalFirehose build() {
            if (streams.isEmpty()) {
                throw new IllegalStateException("Configure at least one stream");
            }
            return new LocalFirehose(this);
        }
    }
}
