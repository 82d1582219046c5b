package io.streamingdata.msk.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Checks what one producer run left behind: which of its records (headers {@code run} and {@code seq}) the
 * consumer-logger logged (its standard output), which the forwarder delivered through the Firehose endpoint into S3
 * (envelope lines in the delivery bucket, read over the S3 API), and which it parked in the dead-letter bucket. Polls
 * until every record is logged and delivered or the timeout passes, printing progress, and asks the endpoint to flush
 * its buffers when S3 stops growing. Ends with {@code produced=N logged=N delivered=N dead-lettered=N lost=N}.
 */
public final class PipelineVerifier implements AutoCloseable {

    /** Firehose's default layout: {@code YYYY/MM/DD/HH/<stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>[.gz]}. */
    static Pattern defaultLayout(String stream) {
        return Pattern.compile("\\d{4}/\\d{2}/\\d{2}/\\d{2}/" + Pattern.quote(stream)
                + "-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}(\\.gz)?");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerifierOptions options;
    private final S3Client s3;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int expected;
    private final BitSet logged;
    private final BitSet delivered;
    private final BitSet deadLettered;
    private final Map<String, Integer> objectCounts = new HashMap<>();
    private final List<String> badKeys = new ArrayList<>();
    private long loggerOffset;
    private long loggedLines;
    private long deliveredLines;
    private long foreignLines;

    PipelineVerifier(VerifierOptions options) {
        this.options = options;
        this.expected = options.expected();
        this.logged = new BitSet(expected);
        this.delivered = new BitSet(expected);
        this.deadLettered = new BitSet(expected);
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(options.s3Endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(options.s3AccessKey(), options.s3SecretKey())))
                .build();
    }

    public static void main(String[] args) {
        VerifierOptions options;
        try {
            options = VerifierOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("verify: " + e.getMessage());
            System.err.println("Run with --help for usage.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(VerifierOptions.USAGE);
            System.exit(0);
        }
        try (PipelineVerifier verifier = new PipelineVerifier(options)) {
            Summary summary = verifier.await();
            System.out.println(summary.line());
            System.out.println(summary.details());
            System.exit(summary.complete() && summary.layoutOk() ? 0 : 1);
        } catch (RuntimeException e) {
            System.err.println("verify: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Polls until complete or the timeout; prints progress lines. */
    Summary await() {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(options.timeoutSeconds()).toNanos();
        long lastProgress = 0;
        int lastDelivered = -1;
        while (true) {
            Summary summary = check();
            long now = System.nanoTime();
            if (summary.complete() && !summary.layoutOk() && now <= deadline) {
                sleep(1000); // a temporary name of an object being written: look again
                summary = check();
            }
            if (summary.complete() || now > deadline) {
                return summary;
            }
            if (summary.delivered() + summary.deadLettered() == lastDelivered && lastDelivered < expected) {
                flushEndpoint(); // S3 did not grow since the last look: write the endpoint's buffers now
            }
            lastDelivered = summary.delivered() + summary.deadLettered();
            if (!options.quiet()
                    && now - lastProgress
                            >= Duration.ofSeconds(options.progressSeconds()).toNanos()) {
                lastProgress = now;
                System.out.printf(
                        Locale.ROOT,
                        "verify: logged %d/%d, delivered to S3 %d/%d, dead-lettered %d (%.0f s)%n",
                        summary.logged(),
                        expected,
                        summary.delivered(),
                        expected,
                        summary.deadLettered(),
                        (now - started) / 1e9);
            }
            sleep(options.pollMillis());
        }
    }

    /** One look at the logger output and the buckets. */
    Summary check() {
        readLoggerOutput();
        readBucket(options.bucket(), false);
        if (options.deadLetterBucket() != null) {
            readBucket(options.deadLetterBucket(), true);
        }
        BitSet arrived = (BitSet) delivered.clone();
        arrived.or(deadLettered);
        BitSet complete = (BitSet) arrived.clone();
        complete.and(logged);
        int lost = expected - complete.cardinality();
        return new Summary(
                expected,
                logged.cardinality(),
                delivered.cardinality(),
                deadLettered.cardinality(),
                lost,
                loggedLines - logged.cardinality(),
                deliveredLines - delivered.cardinality(),
                objectCounts.getOrDefault(options.bucket(), 0),
                objectCounts.getOrDefault(options.deadLetterBucket(), 0),
                List.copyOf(badKeys),
                foreignLines,
                missing(logged),
                missing(arrived));
    }

    private String missing(BitSet present) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int seq = present.nextClearBit(0); seq < expected && shown < 10; seq = present.nextClearBit(seq + 1)) {
            out.append(shown++ == 0 ? "" : ",").append(seq);
        }
        return out.toString();
    }

    private void readLoggerOutput() {
        Path log = options.loggerLog();
        if (log == null || !Files.exists(log)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= loggerOffset) {
                return;
            }
            byte[] chunk = new byte[(int) (length - loggerOffset)];
            file.seek(loggerOffset);
            file.readFully(chunk);
            int end = lastNewline(chunk);
            if (end < 0) {
                return;
            }
            loggerOffset += end + 1;
            for (String line : new String(chunk, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("{") && line.contains("\"type\":\"record\"")) {
                    int seq = sequenceOf(JSON.readTree(line));
                    if (seq >= 0) {
                        loggedLines++;
                        logged.set(seq);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the logger output " + log + ": " + e.getMessage(), e);
        }
    }

    private static int lastNewline(byte[] chunk) {
        for (int i = chunk.length - 1; i >= 0; i--) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void readBucket(String bucket, boolean deadLetters) {
        List<S3Object> objects;
        try {
            objects = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .toList();
        } catch (NoSuchBucketException e) {
            return; // the dead-letter bucket exists once something was parked
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot list s3://" + bucket + " at " + options.s3Endpoint() + ": " + e.getMessage(), e);
        }
        if (!deadLetters) {
            badKeys.clear();
        }
        for (S3Object object : objects) {
            String id = bucket + "/" + object.key();
            if (objectCounts.containsKey(id)) {
                continue;
            }
            // Objects are read once, when they have their final name: s3proxy's filesystem store lists an object
            // that is still being written under a temporary name (the key plus "-<uuid>"). Such a name is reported
            // only if it is still there when everything else has arrived.
            boolean finalName = deadLetters
                    ? object.key().endsWith(".json")
                    : defaultLayout(options.stream()).matcher(object.key()).matches();
            if (!finalName) {
                if (!deadLetters) {
                    badKeys.add(object.key());
                }
                continue;
            }
            objectCounts.put(id, 1);
            objectCounts.merge(bucket, 1, Integer::sum);
            byte[] body = s3.getObject(b -> b.bucket(bucket).key(object.key()), ResponseTransformer.toBytes())
                    .asByteArray();
            if (deadLetters) {
                readDeadLetter(object.key(), body);
            } else {
                readDelivered(object.key(), body);
            }
        }
    }

    private void readDelivered(String key, byte[] body) {
        String text = new String(key.endsWith(".gz") ? gunzip(body) : body, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                int seq = sequenceOf(JSON.readTree(line));
                if (seq >= 0) {
                    deliveredLines++;
                    delivered.set(seq);
                } else {
                    foreignLines++;
                }
            } catch (IOException e) {
                foreignLines++; // not an envelope line (another producer, or OUTPUT_FORMAT=value)
            }
        }
    }

    private void readDeadLetter(String key, byte[] body) {
        try {
            int seq = sequenceOf(JSON.readTree(body));
            if (seq >= 0) {
                deadLettered.set(seq);
            }
        } catch (IOException e) {
            throw new IllegalStateException("dead letter " + key + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The {@code seq} header of a record line of this run, or -1 for records of other runs or producers. */
    int sequenceOf(JsonNode line) {
        String run = null;
        String seq = null;
        for (JsonNode header : line.path("headers")) {
            String name = header.path("name").asText();
            if ("run".equals(name)) {
                run = header.path("value").asText();
            } else if ("seq".equals(name)) {
                seq = header.path("value").asText();
            }
        }
        if (seq == null || !options.runId().equals(run)) {
            return -1;
        }
        try {
            int value = Integer.parseInt(seq);
            return value >= 0 && value < expected ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void flushEndpoint() {
        if (options.firehoseEndpoint() == null) {
            return;
        }
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(options.firehoseEndpoint() + "/_local/flush"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            System.err.println(
                    "verify: cannot flush the Firehose endpoint at " + options.firehoseEndpoint() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("not gzip: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** What one look found. {@code lost}: records not both logged and delivered (or dead-lettered). */
    record Summary(
            int produced,
            int logged,
            int delivered,
            int deadLettered,
            int lost,
            long loggedDuplicates,
            long deliveredDuplicates,
            int objects,
            int deadLetterObjects,
            List<String> badKeys,
            long foreignLines,
            String firstNotLogged,
            String firstNotDelivered) {

        boolean complete() {
            return lost == 0;
        }

        boolean layoutOk() {
            return badKeys.isEmpty();
        }

        String line() {
            return "produced=" + produced + " logged=" + logged + " delivered=" + delivered + " dead-lettered="
                    + deadLettered + " lost=" + lost;
        }

        String details() {
            StringBuilder out = new StringBuilder();
            out.append("verify: objects=")
                    .append(objects)
                    .append(" dead-letter-objects=")
                    .append(deadLetterObjects)
                    .append(" duplicates-logged=")
                    .append(loggedDuplicates)
                    .append(" duplicates-delivered=")
                    .append(deliveredDuplicates)
                    .append(" other-lines=")
                    .append(foreignLines)
                    .append(" layout=")
                    .append(badKeys.isEmpty() ? "ok" : "BAD");
            if (!badKeys.isEmpty()) {
                out.append("\nverify: keys not in Firehose's default layout: ")
                        .append(badKeys.subList(0, Math.min(5, badKeys.size())));
            }
            if (!firstNotLogged.isEmpty()) {
                out.append("\nverify: first seq not logged: ").append(firstNotLogged);
            }
            if (!firstNotDelivered.isEmpty()) {
                out.append("\nverify: first seq not delivered: ").append(firstNotDelivered);
            }
            return out.toString();
        }
    }
}
