package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Back up a topic, lose it, get it back: records with keys (and none), repeated, empty and null headers, tombstones,
 * binary and JSON values and one too large for Firehose go through the local stack's forwarder (consumer mode,
 * envelope) into S3 and its dead-letter bucket; duplicates are injected into the backup (an object copied under
 * another key, another copied GZIP-compressed); {@code scripts/restore} puts everything into a new topic; both topics
 * then hold the same records, partition by partition in the same order: key, headers, value, timestamp.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreEndToEndTest {

    static final String SOURCE = PipelineEndToEndTest.STACK_TOPIC;
    static final int PARTITIONS = PipelineEndToEndTest.STACK_PARTITIONS;
    static final int COUNT = 600;
    static Scripts stack;
    static Path data;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new Scripts("restore-e2e");
        data = stack.dataDir();
        Scripts.Result start = stack.startOnFreshData();
        assertEquals(0, start.exitCode(), start::all);
        stack.env.put("AWS_ACCESS_KEY_ID", "test");
        stack.env.put("AWS_SECRET_ACCESS_KEY", "test");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            Scripts.Result stop = stack.run("stack", "stop");
            assertEquals(0, stop.exitCode(), stop::all);
        }
    }

    @Test
    @Order(1)
    void aTopicBackedUpByTheForwarderComesBackWholeFromTheBackupWithoutDuplicates() throws Exception {
        String run = "restore-" + System.nanoTime();
        Instant started = Instant.now().minusSeconds(60);
        produce(run);
        awaitBackup(run);
        int lines = injectDuplicates();
        int duplicates = lines - (COUNT - 1); // the one record too large for Firehose is a dead letter
        String target = "Restored-" + run;

        Scripts.Result dryRun = stack.run("restore", restoreFlags(started, "--dry-run"));
        Scripts.Result restore = stack.run(
                300, "restore", restoreFlags(started, "--target-topic", target, "--keep-partition", "--create-topic"));

        assertTrue(duplicates > 0, "duplicates injected: " + duplicates);
        assertEquals(0, dryRun.exitCode(), dryRun::all);
        assertTrue(
                dryRun.out().contains("dry-run would-restore=" + COUNT + " duplicates-skipped=" + duplicates),
                dryRun::all);
        assertTrue(dryRun.out().contains("dead-letters=1 unrestorable=0"), dryRun::all);
        assertEquals(0, restore.exitCode(), restore::all);
        assertTrue(
                restore.out().contains("restored=" + COUNT + " duplicates-skipped=" + duplicates + " filtered=0"),
                restore::all);
        assertTrue(
                restore.err().contains("created topic " + target + " with " + PARTITIONS + " partitions"),
                restore::all);
        Map<Integer, List<String>> original = readAll(SOURCE);
        Map<Integer, List<String>> restored = readAll(target);
        assertEquals(COUNT, original.values().stream().mapToInt(List::size).sum());
        assertEquals(PARTITIONS, restored.size());
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertEquals(original.get(partition), restored.get(partition), "partition " + partition);
        }
    }

    @Test
    @Order(2)
    void aTargetWithTooFewPartitionsIsRefusedBeforeAnythingIsProduced() throws Exception {
        String target = "Narrow-" + System.nanoTime();
        Scripts.Result created = stack.run(
                "restore",
                "--bucket",
                "no-such-bucket",
                "--from",
                "2026-01-01",
                "--dry-run",
                "--s3-endpoint",
                stack.s3Endpoint(),
                "--path-style",
                "--region",
                "us-east-1");
        assertEquals(1, created.exitCode(), created::all);
        assertTrue(created.err().contains("the bucket no-such-bucket does not exist"), created::all);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(target, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(target, new byte[] {1})).get(30, TimeUnit.SECONDS);
        }

        Scripts.Result restore = stack.run(
                "restore",
                restoreFlags(Instant.now().minusSeconds(3600), "--target-topic", target, "--keep-partition"));

        assertEquals(1, restore.exitCode(), restore::all);
        assertTrue(
                restore.err()
                        .contains("the target topic " + target + " has 1 partitions but the backup has "
                                + "records of partition 2"),
                restore::all);
        assertEquals(1, readAll(target).values().stream().mapToInt(List::size).sum(), "nothing was produced");
    }

    private static String[] restoreFlags(Instant from, String... more) {
        List<String> flags = new ArrayList<>(List.of(
                "--bucket",
                "local-stack-delivery",
                "--s3-endpoint",
                stack.s3Endpoint(),
                "--path-style",
                "--region",
                "us-east-1",
                "--from",
                from.toString(),
                "--bootstrap-server",
                stack.bootstrap(),
                "--topic",
                SOURCE,
                "--dead-letters",
                "--dead-letter-bucket",
                "local-stack-dead-letter"));
        flags.addAll(List.of(more));
        return flags.toArray(String[]::new);
    }

    /** Every kind of record, each with the run and seq headers the pipeline verifier counts by. */
    private static void produce(String run) throws Exception {
        byte[] big = new byte[900 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        long base = System.currentTimeMillis() - 30_000;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < COUNT; i++) {
                byte[] key = i % 11 == 0 ? null : ("key-" + (i % 40)).getBytes(StandardCharsets.UTF_8);
                byte[] value = i % 10 == 3
                        ? null
                        : i % 7 == 0
                                ? new byte[] {0, (byte) i, -1, -128, 10, 13, 127}
                                : i == 5
                                        ? big
                                        : i % 3 == 0
                                                ? ("line one\nline \"two\" ✓ " + i).getBytes(StandardCharsets.UTF_8)
                                                : ("{\"seq\":" + i + ",\"price\":1.10}")
                                                        .getBytes(StandardCharsets.UTF_8);
                ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(SOURCE, i % PARTITIONS, base + i, key, value);
                record.headers().add("run", run.getBytes(StandardCharsets.UTF_8));
                record.headers().add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("dup", "one".getBytes(StandardCharsets.UTF_8));
                record.headers().add("dup", new byte[] {(byte) 0xff, 0});
                record.headers().add("empty", new byte[0]);
                record.headers().add("nothing", null);
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void awaitBackup(String run) {
        PipelineVerifier.Summary summary = stack.verify(run, COUNT, 120);
        assertEquals(
                "produced=" + COUNT + " logged=" + COUNT + " delivered=" + (COUNT - 1) + " dead-lettered=1 lost=0",
                summary.line(),
                summary::details);
    }

    /**
     * At-least-once in action: one object copied as it is, another GZIP-compressed. Returns the lines the backup
     * then holds, duplicates included.
     */
    private static int injectDuplicates() throws IOException {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(stack.s3Endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            List<S3Object> objects =
                    s3.listObjectsV2Paginator(b -> b.bucket("local-stack-delivery")).contents().stream()
                            .toList();
            assertTrue(objects.size() >= 1, "backup objects: " + objects);
            int lines = 0;
            for (S3Object object : objects) {
                lines += lines(s3.getObjectAsBytes(
                                b -> b.bucket("local-stack-delivery").key(object.key()))
                        .asByteArray());
            }
            for (int i = 0; i < Math.min(2, objects.size()); i++) {
                String key = objects.get(i).key();
                byte[] body = s3.getObjectAsBytes(
                                b -> b.bucket("local-stack-delivery").key(key))
                        .asByteArray();
                lines += lines(body);
                byte[] copy = i == 0 ? body : gzip(body);
                String copyKey = key + "-redelivered" + (i == 0 ? "" : ".gz");
                s3.putObject(b -> b.bucket("local-stack-delivery").key(copyKey), RequestBody.fromBytes(copy));
            }
            return lines;
        }
    }

    private static int lines(byte[] object) {
        return (int) new String(object, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isEmpty())
                .count();
    }

    /** A topic's records, per partition in offset order, as comparable text: partition, time, key, headers, value. */
    private static Map<Integer, List<String>> readAll(String topic) {
        return RestoreCheck.read(stack.bootstrap(), topic);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put("bootstrap.servers", stack.bootstrap());
        config.put("key.serializer", ByteArraySerializer.class.getName());
        config.put("value.serializer", ByteArraySerializer.class.getName());
        config.put("max.request.size", 2 * 1024 * 1024);
        config.put("acks", "all");
        return new KafkaProducer<>(config);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
