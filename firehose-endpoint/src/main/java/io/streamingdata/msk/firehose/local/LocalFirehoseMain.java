package io.streamingdata.msk.firehose.local;

import io.streamingdata.msk.cli.CommandLineFlags;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalFirehose} as a process for the local stack. Prints {@code local-firehose listening on
 * http://127.0.0.1:PORT} on standard output once ready; SIGTERM (or Ctrl-C) stops it after writing every S3 buffer.
 * Exit codes: 0 after {@code --help} or a clean stop, 1 when it cannot start (port in use, S3 unreachable), 2 for bad
 * arguments.
 */
public final class LocalFirehoseMain {
    static final int DEFAULT_PORT = 4573;
    static final int EXIT_OK = 0;
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final double MIB = 1024.0 * 1024.0;

    static final String USAGE = """
            Usage: java -cp <classpath> io.streamingdata.msk.firehose.local.LocalFirehoseMain [options]

            A local Amazon Data Firehose endpoint (PutRecordBatch, PutRecord, DescribeDeliveryStream,
            ListDeliveryStreams over AWS JSON 1.1) that can deliver to an S3-compatible server.

            Options:
              --port N                 TCP port (default 4573; 0 = any free port)
              --bind ADDRESS           loopback address to bind (default 127.0.0.1; others are refused)
              --stream SPEC            a delivery stream; repeatable, at least one. SPEC is
                                         NAME                      accept and count records only, or
                                         NAME=BUCKET[,KEY=VALUE...] also deliver to S3, with keys
                                           prefix=P               S3 prefix (default yyyy/MM/dd/HH/; supports
                                                                  !{timestamp:PATTERN}, !{firehose:random-string})
                                           error-prefix=P         error output prefix (must contain
                                                                  !{firehose:error-output-type})
                                           buffer-mb=N            buffer size in MiB, decimals allowed (default 5)
                                           buffer-bytes=N         buffer size in bytes
                                           buffer-seconds=N       buffer interval in seconds (default 300)
                                           compression=C          UNCOMPRESSED (default) or GZIP
                                         Values cannot contain commas.
              --s3-endpoint URL        S3-compatible server, e.g. http://127.0.0.1:18081 (needed with buckets)
              --s3-access-key KEY      S3 access key (default test)
              --s3-secret-key KEY      S3 secret key (default test)
              --s3-region REGION       S3 signing region (default us-east-1)
              --no-create-bucket       do not create missing buckets at start
              --seed N                 seed of the fault randomness (default 42)
              --fail-records P[:CODE]  each record fails with probability P (CODE: ServiceUnavailableException,
                                       the default, or InternalFailure)
              --latency-ms N           latency added to every call
              --memory-limit-mb N      memory bound in MiB, decimals allowed: request bodies being decoded plus
                                       records not yet in S3; a call that does not fit is refused with 503
                                       ServiceUnavailableException (retried by the SDK). Default: half the
                                       maximum heap (-Xmx); at least 10
              --stop-timeout-seconds N how long a stop waits for S3 to take the buffered records (default 20)
              --unsent-dir DIR         where a stop writes what S3 has not taken by then, as DIR/BUCKET/KEY
                                       (default <java.io.tmpdir>/local-firehose-unsent)
              --retain-records         keep accepted records in memory (off: a process has no one to read them)
              --verbose                log each S3 object written to standard error
              --help                   print this help and exit

            Requests must carry SigV4 authorization (any credentials; signatures are not verified).
            Admin: GET /_local/health, GET /_local/stats (per-stream counters and the memory bound as JSON),
            POST /_local/flush. Stops on SIGTERM or Ctrl-C after writing all buffered records to S3.
            """;

    private LocalFirehoseMain() {}

    /** Runs until SIGTERM or Ctrl-C; exits 0 on a clean stop or after --help, 1 when it cannot start, 2 for bad arguments. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, true);
        System.exit(code);
    }

    /** Parses, starts and, when {@code block}, serves until the JVM is asked to stop. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("local-firehose: " + e.getMessage());
            err.println("Run with --help for usage.");
            return EXIT_USAGE;
        }
        if (options.help) {
            out.print(USAGE);
            out.flush();
            return EXIT_OK;
        }
        LocalFirehose firehose;
        try {
            firehose = options.builder.build().start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                err.println("local-firehose: cannot listen on " + options.bind + ":" + options.port
                        + ": the port is already in use (" + e.getCause().getMessage() + ")");
            } else {
                err.println("local-firehose: cannot start: " + e.getCause());
            }
            return EXIT_START_FAILED;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("local-firehose: cannot start: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        out.println("local-firehose listening on " + firehose.endpoint());
        out.flush();
        err.printf(
                Locale.ROOT,
                "local-firehose: memory bound %.1f MiB (of a %.1f MiB heap)%n",
                firehose.admission().limitBytes() / MIB,
                Runtime.getRuntime().maxMemory() / MIB);
        err.flush();
        if (!block) {
            firehose.close();
            return EXIT_OK;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            firehose.close();
                            out.println("local-firehose stopped");
                            out.flush();
                            stopped.countDown();
                        },
                        "local-firehose-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    static final class Options {
        boolean help;
        int port = DEFAULT_PORT;
        String bind = "127.0.0.1";
        LocalFirehose.Builder builder;
    }

    /** Every flag that takes a value; each is in the usage text. */
    static final Set<String> VALUE_FLAGS = Set.of(
            "--port",
            "--bind",
            "--stream",
            "--s3-endpoint",
            "--s3-access-key",
            "--s3-secret-key",
            "--s3-region",
            "--seed",
            "--fail-records",
            "--latency-ms",
            "--memory-limit-mb",
            "--stop-timeout-seconds",
            "--unsent-dir");

    static Options parse(String[] args) {
        Options o = new Options();
        List<String> streamSpecs = new ArrayList<>();
        String s3Endpoint = null;
        String accessKey = "test";
        String secretKey = "test";
        String region = "us-east-1";
        boolean createBucket = true;
        long seed = 42;
        Double failProbability = null;
        String failCode = FaultPlan.SERVICE_UNAVAILABLE;
        long latencyMs = 0;
        Double memoryLimitMb = null;
        Long stopTimeoutSeconds = null;
        String unsentDir = null;
        boolean retain = false;
        boolean verbose = false;

        for (CommandLineFlags.Flag f : CommandLineFlags.parse(args, VALUE_FLAGS)) {
            String flag = f.name();
            String value = f.value();
            switch (flag) {
                case "--help", "-h" -> o.help = true;
                case "--retain-records" -> retain = true;
                case "--verbose" -> verbose = true;
                case "--no-create-bucket" -> createBucket = false;
                case "--port" -> o.port = parseInt(flag, value, 0, 65535);
                case "--bind" -> o.bind = value;
                case "--stream" -> streamSpecs.add(value);
                case "--s3-endpoint" -> s3Endpoint = value;
                case "--s3-access-key" -> accessKey = value;
                case "--s3-secret-key" -> secretKey = value;
                case "--s3-region" -> region = value;
                case "--seed" -> seed = parseLong(flag, value);
                case "--fail-records" -> {
                    int colon = value.indexOf(':');
                    String p = colon < 0 ? value : value.substring(0, colon);
                    if (colon >= 0) {
                        failCode = value.substring(colon + 1);
                    }
                    failProbability = parseDouble(flag, p);
                    if (failProbability < 0 || failProbability > 1) {
                        throw new IllegalArgumentException("--fail-records: probability must be within [0, 1]: " + p);
                    }
                }
                case "--latency-ms" -> latencyMs = parseInt(flag, value, 0, 600_000);
                case "--memory-limit-mb" -> memoryLimitMb = parseDouble(flag, value);
                case "--stop-timeout-seconds" -> stopTimeoutSeconds = (long) parseInt(flag, value, 0, 3600);
                case "--unsent-dir" -> unsentDir = value;
                default -> throw new IllegalArgumentException("unknown option: " + flag);
            }
        }
        if (o.help) {
            return o;
        }
        if (!Checks.isLoopback(o.bind)) {
            throw new IllegalArgumentException(
                    "--bind " + o.bind + ": only loopback addresses (127.0.0.1, ::1) are allowed");
        }
        if (streamSpecs.isEmpty()) {
            throw new IllegalArgumentException("at least one --stream is required");
        }
        URI s3 = null;
        if (s3Endpoint != null) {
            try {
                s3 = URI.create(s3Endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--s3-endpoint: not a URL: " + s3Endpoint);
            }
            if (s3.getScheme() == null
                    || !(s3.getScheme().equals("http") || s3.getScheme().equals("https"))
                    || s3.getHost() == null) {
                throw new IllegalArgumentException("--s3-endpoint: expected http(s)://host:port, got " + s3Endpoint);
            }
        }
        LocalFirehose.Builder builder = LocalFirehose.builder()
                .port(o.port)
                .bindAddress(o.bind)
                .seed(seed)
                .retainRecords(retain)
                .verbose(verbose);
        if (memoryLimitMb != null) {
            long bytes = Math.round(memoryLimitMb * MIB);
            if (!(bytes >= MemoryBudget.MIN_LIMIT_BYTES)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "--memory-limit-mb must be at least %.1f (one call of the largest size), got %s",
                        MemoryBudget.MIN_LIMIT_BYTES / MIB,
                        memoryLimitMb));
            }
            builder.memoryLimitBytes(bytes);
        }
        if (stopTimeoutSeconds != null) {
            builder.stopTimeout(Duration.ofSeconds(stopTimeoutSeconds));
        }
        if (unsentDir != null) {
            try {
                builder.unsentDirectory(Path.of(unsentDir));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("--unsent-dir: not a path: " + unsentDir);
            }
        }
        for (String spec : streamSpecs) {
            builder.stream(parseStream(spec, s3, accessKey, secretKey, region, createBucket));
        }
        Double probability = failProbability;
        String code = failCode;
        long latency = latencyMs;
        o.builder = builder.faults(faults -> {
            if (probability != null) {
                faults.failRecords(probability, code);
            }
            if (latency > 0) {
                faults.latency(Duration.ofMillis(latency));
            }
        });
        return o;
    }

    static StreamConfig parseStream(
            String spec, URI s3, String accessKey, String secretKey, String region, boolean createBucket) {
        String[] parts = spec.split(",", -1);
        String head = parts[0];
        int eq = head.indexOf('=');
        try {
            if (eq < 0) {
                if (parts.length > 1) {
                    throw new IllegalArgumentException("options need a bucket: NAME=BUCKET,KEY=VALUE");
                }
                return StreamConfig.of(head);
            }
            String name = head.substring(0, eq);
            String bucket = head.substring(eq + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("empty bucket");
            }
            if (s3 == null) {
                throw new IllegalArgumentException("a bucket needs --s3-endpoint");
            }
            StreamConfig.Builder b = StreamConfig.builder(name)
                    .s3Delivery(S3Target.builder(s3, bucket)
                            .credentials(accessKey, secretKey)
                            .region(region)
                            .createBucket(createBucket)
                            .build());
            for (int i = 1; i < parts.length; i++) {
                String kv = parts[i];
                int k = kv.indexOf('=');
                if (k <= 0) {
                    throw new IllegalArgumentException("expected KEY=VALUE, got '" + kv + "'");
                }
                String key = kv.substring(0, k);
                String value = kv.substring(k + 1);
                switch (key) {
                    case "prefix" -> b.prefix(value);
                    case "error-prefix" -> b.errorOutputPrefix(value);
                    case "buffer-mb" -> {
                        double mb = parseDouble(key, value);
                        if (!(mb > 0)) {
                            throw new IllegalArgumentException("buffer-mb must be positive: " + value);
                        }
                        b.bufferSizeBytes(Math.max(1, Math.round(mb * 1024 * 1024)));
                    }
                    case "buffer-bytes" -> b.bufferSizeBytes(parseLong(key, value));
                    case "buffer-seconds" -> {
                        double seconds = parseDouble(key, value);
                        if (seconds < 0) {
                            throw new IllegalArgumentException("buffer-seconds must not be negative: " + value);
                        }
                        b.bufferInterval(Duration.ofMillis(Math.round(seconds * 1000)));
                    }
                    case "compression" -> {
                        try {
                            b.compression(Compression.valueOf(value.toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(
                                    "compression must be UNCOMPRESSED or GZIP, got " + value);
                        }
                    }
                    default ->
                        throw new IllegalArgumentException("unknown key '" + key
                                + "' (prefix, error-prefix, buffer-mb, buffer-bytes, buffer-seconds, compression)");
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--stream " + spec + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String flag, String value, int min, int max) {
        long v = parseLong(flag, value);
        if (v < min || v > max) {
            throw new IllegalArgumentException(flag + ": " + value + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a whole number: " + value);
        }
    }

    private static double parseDouble(String flag, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: " + value);
        }
    }
}
