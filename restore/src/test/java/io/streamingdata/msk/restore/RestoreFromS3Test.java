package io.streamingdata.msk.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.records.EnvelopeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The command against a real S3-compatible server (s3proxy, in-process) with the real SDK, in --dry-run (no Kafka):
 * GZIP and plain objects, duplicates across objects, gaps, the window, dead letters, and the user's mistakes.
 */
class RestoreFromS3Test {

    /** The forwarder's committed envelope sample, which its own test keeps equal to what it writes. */
    static final Path SAMPLE = Path.of("../firehose-forwarder/src/test/resources/samples/envelope.jsonl");

    static final List<String> SAMPLE_LINES = readSample();
    static S3Proxy proxy;
    static S3Client s3;
    static String endpoint;

    @BeforeAll
    static void startS3() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test", "test")
                .build();
        proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "STARTED".equals(proxy.getState()));
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        for (String bucket : List.of("backup", "values", "empty", "letters", "zipped")) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        // ticks 0/100-103 and 1/7,9 in one GZIP object, the same ticks again (a re-delivered batch) in a plain one.
        put("backup", "2025/11/25/20/s-1-2025-11-25-20-00-00-a", gzip(lines(0, 6)));
        put("backup", "2025/11/25/20/s-1-2025-11-25-20-05-00-b", lines(0, 6).getBytes(StandardCharsets.UTF_8));
        // payments (2025-11-29) and products (2025-11-30) in hours outside a 2025-11-25 window.
        put("backup", "2025/11/29/07/s-1-2025-11-29-07-00-00-c", gzip(lines(6, 10)));
        put("zipped", "2025/11/25/20/s-1-2025-11-25-20-00-00-z", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        put(
                "values",
                "2025/11/25/20/s-1-2025-11-25-20-00-00-v",
                "{\"ticker\":\"AMZN\"}\nbase64:AAE=\n".getBytes(StandardCharsets.UTF_8));
        put(
                "letters",
                "dead-letter/ticks/1/8.json",
                ("{\"reason\":\"too large\",\"cause\":\"RecordTooLarge\","
                                + SAMPLE_LINES.get(4).substring(1).replace("\"offset\":7", "\"offset\":8"))
                        .getBytes(StandardCharsets.UTF_8));
        put(
                "letters",
                "dead-letter/ticks/1/11.json",
                ("{\"reason\":\"value is not base64\",\"cause\":"
                                + "\"UndecodableRecord\",\"topic\":\"ticks\",\"partition\":1,\"offset\":11,\"raw\":{\"value\":\"!\"},"
                                + "\"rawFormat\":\"json\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        proxy.stop();
    }

    @Test
    void shouldCountEachOffsetOnceAndReportGapsAndDuplicates() {
        Run run = run(
                "--bucket", "backup", "--from", "2025-11-25T20:00:00Z", "--to", "2025-11-25T21:00:00Z", "--dry-run");

        assertEquals(0, run.status, run::all);
        assertTrue(
                run.out.contains("ticks-0 records=4 first=100 last=103 duplicates=4 gaps=0 missing-offsets=0"),
                run::all);
        assertTrue(
                run.out.contains("ticks-1 records=2 first=7 last=9 duplicates=2 gaps=1 missing-offsets=1 [8]"),
                run::all);
        assertTrue(
                run.out.contains("dry-run would-restore=6 duplicates-skipped=6 filtered=0 objects=2 "
                        + "dead-letters=0 unrestorable=0"),
                run::all);
    }

    @Test
    void shouldFilterByTopicPartitionOffsetsAndRecordTime() {
        Run run = run(
                "--bucket",
                "backup",
                "--from",
                "2025-11-25",
                "--to",
                "2025-12-01",
                "--topic",
                "ticks",
                "--partition",
                "0",
                "--from-offset",
                "101",
                "--to-offset",
                "102",
                "--dry-run");

        assertEquals(0, run.status, run::all);
        assertTrue(run.out.contains("ticks-0 records=2 first=101 last=102 duplicates=2"), run::all);
        assertTrue(run.out.contains("dry-run would-restore=2 duplicates-skipped=2 filtered=12 objects=3"), run::all);
    }

    @Test
    void shouldReplayDeadLettersAndNameTheOnesItCannotRestore() {
        Run run = run(
                "--bucket",
                "backup",
                "--dead-letters",
                "--dead-letter-bucket",
                "letters",
                "--from",
                "2025-11-25T20:00:00Z",
                "--to",
                "2025-11-25T21:00:00Z",
                "--topic",
                "ticks",
                "--dry-run");

        assertEquals(1, run.status, run::all);
        assertTrue(run.out.contains("ticks-1 records=3 first=7 last=9 duplicates=2 gaps=0"), run::all);
        assertTrue(
                run.err.contains("cannot restore s3://letters/dead-letter/ticks/1/11.json: "
                        + EnvelopeReader.UNDECODABLE.formatted("value is not base64")),
                run::all);
        assertTrue(run.out.contains("dead-letters=2 unrestorable=1"), run::all);
    }

    @Test
    void shouldStopAtAValueFormatBackupUnlessToldToRestoreValuesOnly() {
        Run refused = run(
                "--bucket", "values", "--from", "2025-11-25T20:00:00Z", "--to", "2025-11-25T21:00:00Z", "--dry-run");
        Run values = run(
                "--bucket",
                "values",
                "--from",
                "2025-11-25T20:00:00Z",
                "--to",
                "2025-11-25T21:00:00Z",
                "--values-only",
                "--target-topic",
                "t",
                "--key-slack",
                "0",
                "--dry-run");

        assertEquals(1, refused.status, refused::all);
        assertTrue(
                refused.err.contains(
                        BackupScanner.VALUE_FORMAT.formatted("s3://values/2025/11/25/20/s-1-2025-11-25-20-00-00-v", 1)),
                refused::all);
        assertEquals(0, values.status, values::all);
        assertTrue(values.out.contains("dry-run would-restore=2"), values::all);
    }

    @Test
    void shouldSayWhatToCheckWhenNothingIsThereOrTheBucketIsMissing() {
        Run none =
                run("--bucket", "empty", "--from", "2025-11-25T20:00:00Z", "--to", "2025-11-25T21:00:00Z", "--dry-run");
        Run missing = run("--bucket", "no-such-bucket", "--from", "2025-11-25T20:00:00Z", "--dry-run");
        Run badWindow = run(
                "--bucket", "backup", "--from", "2025-11-25T20:00:00Z", "--to", "2025-11-25T19:00:00Z", "--dry-run");

        assertEquals(1, none.status, none::all);
        assertTrue(none.err.contains("no backup objects in s3://empty under 2025/11/25/19/..."), none::all);
        assertEquals(1, missing.status, missing::all);
        assertTrue(missing.err.contains(BackupStore.NO_BUCKET.formatted("no-such-bucket", endpoint)), missing::all);
        assertEquals(2, badWindow.status, badWindow::all);
    }

    @Test
    void shouldRefuseObjectsCompressedOtherThanWithGzip() {
        Run run = run(
                "--bucket", "zipped", "--from", "2025-11-25T20:00:00Z", "--to", "2025-11-25T21:00:00Z", "--dry-run");

        assertEquals(1, run.status, run::all);
        assertTrue(
                run.err.contains(BackupStore.UNSUPPORTED_COMPRESSION.formatted(
                        "zipped", "2025/11/25/20/s-1-2025-11-25-20-00-00-z", "ZIP")),
                run::all);
    }

    @Test
    void shouldSayWhenTheBrokerCannotBeReached() {
        Run run = run(
                "--bucket",
                "backup",
                "--from",
                "2025-11-25T20:00:00Z",
                "--to",
                "2025-11-25T21:00:00Z",
                "--bootstrap-server",
                "127.0.0.1:1",
                "--kafka-timeout",
                "2");

        assertEquals(1, run.status, run::all);
        assertTrue(run.err.contains("cannot reach Kafka at 127.0.0.1:1 within 2 s"), run::all);
    }

    record Run(int status, String out, String err) {
        String all() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Run run(String... flags) {
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("--s3-endpoint", endpoint, "--path-style", "--region", "us-east-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RestoreMain(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.<String, String>of()::get)
                .run(args.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String lines(int from, int to) {
        return String.join("\n", SAMPLE_LINES.subList(from, to)) + "\n";
    }

    private static void put(String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static List<String> readSample() {
        try {
            return Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
