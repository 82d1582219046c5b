package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.ConsumerRecordBatches;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaEventEncoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.LocalLambdaRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole local stack as {@code scripts/stack} starts it: a real Kafka 4.4.0 broker in KRaft mode, s3proxy, the
 * project's Firehose endpoint, and both packaged functions in Kafka consumer mode. Stock ticks with keys and headers go
 * in; every one must be logged by consumer-logger and land in S3 through firehose-forwarder, in Firehose's layout,
 * across a broker restart in the middle. The same stack serves the Lambda path on real Kafka data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Scripts stack;
    static Path data;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new Scripts("e2e");
        data = stack.stateDir.resolve("data");
        deleteTree(data);
        Scripts.Result start = stack.run("stack", "start", "--data-dir", data.toString());
        assertEquals(0, start.exitCode(), start::all);
        assertTrue(start.out().contains("Kafka bootstrap servers   " + stack.bootstrap()), start::all);
    }

    @AfterAll
    static void stopStack() {
        if (stack == null) {
            return;
        }
        Scripts.Result stop = stack.run("stack", "stop");
        assertEquals(0, stop.exitCode(), stop::all);
        assertEquals(List.of(), stack.runningParts(), "processes left running after scripts/stack stop");
        Scripts.Result status = stack.run("stack", "status");
        assertEquals(3, status.exitCode(), status::all);
    }

    @Test
    @Order(1)
    void everyRecordIsLoggedAndDeliveredAcrossABrokerRestart() throws IOException {
        String run = "e2e-" + System.nanoTime();
        int half = 1500;
        produce(run, 0, half);

        // Restart the broker while the functions are still working through the first half.
        Scripts.Result stop = stack.run("stack", "stop", "--only", "kafka");
        assertEquals(0, stop.exitCode(), stop::all);
        Scripts.Result start = stack.run("stack", "start", "--only", "kafka", "--data-dir", data.toString());
        assertEquals(0, start.exitCode(), start::all);
        produce(run, half, half);

        VerifierOptions options = VerifierOptions.parse(new String[] {"--run-id", run, "--expected",
            Integer.toString(2 * half), "--logger-log", stack.loggerLog().toString(), "--s3-endpoint",
            stack.s3Endpoint(), "--firehose-endpoint", stack.firehoseEndpoint(), "--timeout", "90", "--quiet"});
        PipelineVerifier.Summary summary;
        try (PipelineVerifier verifier = new PipelineVerifier(options)) {
            summary = verifier.await();
        }
        assertEquals("produced=3000 logged=3000 delivered=3000 dead-lettered=0 lost=0", summary.line(),
                summary::details);
        assertTrue(summary.layoutOk(), summary::details);
        assertTrue(summary.objects() > 0, summary::details);

        // s3proxy's filesystem store: one folder per bucket, one file per object, under Firehose's YYYY/MM/DD/HH/.
        Pattern layout = Pattern.compile("local-stack-delivery/\\d{4}/\\d{2}/\\d{2}/\\d{2}/local-stack-stream-1-"
                + "\\d{4}(-\\d{2}){5}-[0-9a-f-]{36}");
        List<Path> objects = files(data.resolve("s3/local-stack-delivery"));
        assertFalse(objects.isEmpty());
        for (Path object : objects) {
            String relative = data.resolve("s3").relativize(object).toString();
            assertTrue(layout.matcher(relative).matches(), relative);
        }
        // Keys and headers survive: every delivered line of this run is keyed by its ticker and carries the headers.
        int lines = 0;
        for (Path object : objects) {
            for (String line : Files.readAllLines(object)) {
                JsonNode record = JSON.readTree(line);
                if (!run.equals(header(record, "run"))) {
                    continue;
                }
                lines++;
                assertEquals(record.path("value").path("ticker").asText(), record.path("key").asText(), line);
                assertEquals("stock-tick-producer", header(record, "source"), line);
                assertTrue(StockTickProducer.TICKERS.contains(record.path("key").asText()), line);
            }
        }
        assertTrue(lines >= 2 * half, "delivered lines of this run: " + lines);
    }

    /** The original README's load, Kafka's VerifiableProducer, runs against the local broker unchanged. */
    @Test
    @Order(3)
    void theVerifiableProducerLoadOfTheOriginalReadmeRuns() {
        Scripts.Result load = stack.run("produce", "--verifiable", "--max-messages", "40", "--throughput", "200",
                "--topic", "VerifiableTopic");

        assertEquals(0, load.exitCode(), load::all);
        assertTrue(load.out().contains("\"name\":\"tool_data\",\"sent\":40,\"acked\":40"), load::all);
    }

    /**
     * The Lambda path on real Kafka data: a batch read from the broker becomes the MSK event the event source mapping
     * would send ({@link KafkaEventEncoder}: base64 key and value, signed-byte headers, records keyed by
     * topic-partition), and each packaged function handles it under the Lambda runtime interface client.
     */
    @Test
    @Order(2)
    void theLambdaPathHandlesAnEventBuiltFromRealKafkaRecords() throws Exception {
        String topic = "LambdaPathTopic";
        int count = 30;
        byte[] binaryHeader = {-1, -128, 0, 127, 10};
        byte[] binaryValue = {0, -1, -128, 127, 10, 13};
        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", stack.bootstrap());
        producerConfig.put("key.serializer", ByteArraySerializer.class.getName());
        producerConfig.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < count; i++) {
                byte[] key = i % 5 == 0 ? null : ("k" + i).getBytes(StandardCharsets.UTF_8);
                byte[] value = i == 7 ? null : i == 8 ? binaryValue
                        : ("{\"seq\":" + i + ",\"ticker\":\"AMZN\",\"price\":42.5}").getBytes(StandardCharsets.UTF_8);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % 3, key, value);
                record.headers().add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("bin", binaryHeader);
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
        List<KafkaRecord> records = readAll(topic, 3, count);
        byte[] event = new KafkaEventEncoder().encode(EventSource.MSK,
                "arn:aws:kafka:us-east-1:123456789012:cluster/local/0b1c2d3e-1111-2222-3333-444455556666-1",
                stack.bootstrap(), records);
        JsonNode eventJson = JSON.readTree(event);
        assertEquals("aws:kafka", eventJson.path("eventSource").asText());
        for (int partition = 0; partition < 3; partition++) {
            assertEquals(count / 3, eventJson.path("records").path(topic + "-" + partition).size(), eventJson::toString);
        }

        // consumer-logger: one line per record, keys, headers and tombstones as they were on the broker.
        LocalLambdaRuntime.Invocation logged = LocalLambdaRuntime.invoke("consumer-logger",
                runnerClasspath("consumer-logger"), event, Map.of());
        assertFalse(logged.error(), logged::body);
        JsonNode summary = JSON.readTree(logged.body().substring(logged.body().indexOf(' ') + 1));
        assertEquals(count, summary.path("records").asInt(), logged::body);
        assertEquals(count, summary.path("logged").asInt(), logged::body);
        assertEquals(1, summary.path("tombstones").asInt(), logged::body);
        assertEquals(1, summary.path("binary").asInt(), logged::body);
        assertEquals(3, summary.path("partitions").asInt(), logged::body);
        int lines = 0;
        for (String line : logged.output().split("\n")) {
            if (!line.startsWith("{") || !line.contains("\"type\":\"record\"")) {
                continue;
            }
            JsonNode json = JSON.readTree(line);
            int i = Integer.parseInt(header(json, "seq"));
            KafkaRecord source = records.stream().filter(r -> r.offset() == json.path("offset").asLong()
                    && r.topicPartition().partition() == json.path("partition").asInt()).findFirst().orElseThrow();
            assertEquals(i % 3, source.topicPartition().partition(), line);
            assertEquals(i % 5 == 0 ? null : "k" + i, json.path("key").isNull() ? null : json.path("key").asText(),
                    line);
            assertEquals(Base64.getEncoder().encodeToString(binaryHeader), header(json, "bin"), line);
            assertEquals(i == 7, json.path("tombstone").asBoolean(false), line);
            lines++;
        }
        assertEquals(count, lines, logged::output);

        // firehose-forwarder: every record with a value reaches S3 through the endpoint, nothing fails the batch.
        LocalLambdaRuntime.Invocation forwarded = LocalLambdaRuntime.invoke("firehose-forwarder",
                runnerClasspath("firehose-forwarder"), event, Map.of("DELIVERY_STREAM_NAME", "local-stack-stream", "OUTPUT_FORMAT", "envelope",
                        "AWS_ENDPOINT_URL_FIREHOSE", stack.firehoseEndpoint(), "DEAD_LETTER_BUCKET",
                        "local-stack-dead-letter", "AWS_ENDPOINT_URL_S3", stack.s3Endpoint(), "S3_PATH_STYLE_ACCESS",
                        "true", "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY",
                        "test"));
        assertFalse(forwarded.error(), () -> forwarded.body() + "\n" + forwarded.output());
        assertFalse(forwarded.body().contains("itemIdentifier"), forwarded::body);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.firehoseEndpoint() + "/_local/flush"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        Set<String> expected = new TreeSet<>();
        for (KafkaRecord record : records) {
            if (!record.isTombstone()) {
                expected.add(record.topicPartition() + "@" + record.offset());
            }
        }
        Set<String> delivered = new TreeSet<>();
        for (Path object : files(data.resolve("s3/local-stack-delivery"))) {
            for (String line : Files.readAllLines(object)) {
                JsonNode json = JSON.readTree(line);
                if (topic.equals(json.path("topic").asText())) {
                    delivered.add(topic + "-" + json.path("partition").asInt() + "@" + json.path("offset").asLong());
                    if ("8".equals(header(json, "seq"))) {
                        assertEquals("base64", json.path("valueFormat").asText(), line);
                        assertEquals(Base64.getEncoder().encodeToString(binaryValue), json.path("value").asText());
                    }
                }
            }
        }
        assertEquals(expected, delivered);
    }

    private static List<KafkaRecord> readAll(String topic, int partitions, int count) {
        Properties config = new Properties();
        config.put("bootstrap.servers", stack.bootstrap());
        config.put("key.deserializer", ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<KafkaRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<org.apache.kafka.common.TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new org.apache.kafka.common.TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(ConsumerRecordBatches.toKafkaRecord(record));
                }
            }
        }
        assertEquals(count, records.size(), "records read back from " + topic);
        return records;
    }

    static String header(JsonNode record, String name) {
        for (JsonNode header : record.path("headers")) {
            if (name.equals(header.path("name").asText())) {
                return header.path("value").asText();
            }
        }
        return null;
    }

    /** A packaged function's runner jar and its libraries, as the Lambda runtime loads them from function.zip. */
    private static String runnerClasspath(String module) {
        Path target = Scripts.REPO_ROOT.resolve(module).resolve("target");
        return target.resolve(module + "-0.1.0-SNAPSHOT-runner.jar") + ":" + target.resolve("lib") + "/*";
    }

    private static void produce(String run, int first, int count) {
        StockTickProducer.Result result = new StockTickProducer(ProducerOptions.parse(new String[] {
            "--bootstrap-server", stack.bootstrap(), "--run-id", run, "--first-seq", Integer.toString(first),
            "--count", Integer.toString(count), "--quiet"})).run();
        assertEquals(count, result.acked(), result.toString());
        assertEquals(0, result.failed(), result.toString());
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
