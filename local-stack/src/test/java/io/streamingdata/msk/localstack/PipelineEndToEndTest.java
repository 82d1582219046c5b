package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaEventEncoder;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.LocalLambdaRuntime;
import io.streamingdata.msk.records.consumer.ConsumerRecordBatches;
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
import java.util.HashMap;
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
    /** The topic scripts/stack creates and both functions read. */
    static final String STACK_TOPIC = "ExampleTopic";

    static final int STACK_PARTITIONS = 3;
    static Scripts stack;
    static Path data;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new Scripts("e2e");
        data = stack.dataDir();
        Scripts.Result start = stack.startOnFreshData();
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

        PipelineVerifier.Summary summary = stack.verify(run, 2 * half, 90);
        assertEquals(
                "produced=3000 logged=3000 delivered=3000 dead-lettered=0 lost=0", summary.line(), summary::details);
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
                assertEquals(
                        record.path("value").path("ticker").asText(),
                        record.path("key").asText(),
                        line);
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
        Scripts.Result load = stack.run(
                "produce", "--verifiable", "--max-messages", "40", "--throughput", "200", "--topic", "VerifiableTopic");

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
                byte[] value = i == 7
                        ? null
                        : i == 8
                                ? binaryValue
                                : ("{\"seq\":" + i + ",\"ticker\":\"AMZN\",\"price\":42.5}")
                                        .getBytes(StandardCharsets.UTF_8);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % 3, key, value);
                record.headers().add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("bin", binaryHeader);
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
        List<KafkaRecord> records = readAll(topic, 3, count);
        byte[] event = new KafkaEventEncoder()
                .encode(
                        EventSource.MSK,
                        "arn:aws:kafka:us-east-1:123456789012:cluster/local/0b1c2d3e-1111-2222-3333-444455556666-1",
                        stack.bootstrap(),
                        records);
        JsonNode eventJson = JSON.readTree(event);
        assertEquals("aws:kafka", eventJson.path("eventSource").asText());
        for (int partition = 0; partition < 3; partition++) {
            assertEquals(
                    count / 3,
                    eventJson.path("records").path(topic + "-" + partition).size(),
                    eventJson::toString);
        }

        // consumer-logger: one line per record, keys, headers and tombstones as they were on the broker.
        LocalLambdaRuntime.Invocation logged =
                LocalLambdaRuntime.invoke("consumer-logger", functionZipClasspath("consumer-logger"), event, Map.of());
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
            KafkaRecord source = records.stream()
                    .filter(r -> r.offset() == json.path("offset").asLong()
                            && r.topicPartition().partition()
                                    == json.path("partition").asInt())
                    .findFirst()
                    .orElseThrow();
            assertEquals(i % 3, source.topicPartition().partition(), line);
            assertEquals(
                    i % 5 == 0 ? null : "k" + i,
                    json.path("key").isNull() ? null : json.path("key").asText(),
                    line);
            assertEquals(Base64.getEncoder().encodeToString(binaryHeader), header(json, "bin"), line);
            assertEquals(i == 7, json.path("tombstone").asBoolean(false), line);
            lines++;
        }
        assertEquals(count, lines, logged::output);

        // firehose-forwarder: every record, tombstones included (envelope), reaches S3 through the endpoint.
        LocalLambdaRuntime.Invocation forwarded = LocalLambdaRuntime.invoke(
                "firehose-forwarder",
                functionZipClasspath("firehose-forwarder"),
                event,
                Map.of(
                        "DELIVERY_STREAM_NAME",
                        "local-stack-stream",
                        "OUTPUT_FORMAT",
                        "envelope",
                        "AWS_ENDPOINT_URL_FIREHOSE",
                        stack.firehoseEndpoint(),
                        "DEAD_LETTER_BUCKET",
                        "local-stack-dead-letter",
                        "AWS_ENDPOINT_URL_S3",
                        stack.s3Endpoint(),
                        "S3_PATH_STYLE_ACCESS",
                        "true",
                        "AWS_REGION",
                        "us-east-1",
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test"));
        assertFalse(forwarded.error(), () -> forwarded.body() + "\n" + forwarded.output());
        assertFalse(forwarded.body().contains("itemIdentifier"), forwarded::body);
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.firehoseEndpoint() + "/_local/flush"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        Set<String> expected = new TreeSet<>();
        for (KafkaRecord record : records) {
            expected.add(record.topicPartition() + "@" + record.offset());
        }
        Set<String> delivered = new TreeSet<>();
        for (Path object : files(data.resolve("s3/local-stack-delivery"))) {
            for (String line : Files.readAllLines(object)) {
                JsonNode json = JSON.readTree(line);
                if (topic.equals(json.path("topic").asText())) {
                    delivered.add(topic + "-" + json.path("partition").asInt() + "@"
                            + json.path("offset").asLong());
                    if ("8".equals(header(json, "seq"))) {
                        assertEquals("base64", json.path("valueFormat").asText(), line);
                        assertEquals(
                                Base64.getEncoder().encodeToString(binaryValue),
                                json.path("value").asText());
                    }
                }
            }
        }
        assertEquals(expected, delivered);
    }

    /**
     * What a new user would try with a real client: kcat (librdkafka, not the Java client) producing binary values
     * full of line breaks, a tombstone, unicode keys and headers, repeated, empty and null headers, a multi-line JSON
     * value, and 900 KB values. Every record is logged, and delivered or parked whole: produced = logged = delivered +
     * dead-lettered, and what reached S3 is what the broker holds.
     */
    @Test
    @Order(4)
    void everyKindOfRecordAKafkaClientSendsIsLoggedAndDeliveredOrParked() throws Exception {
        String run = "kcat-" + System.nanoTime();
        String topic = STACK_TOPIC;
        Path inputs = Files.createDirectories(stack.stateDir.resolve("kcat-" + run));
        byte[] protobufLike = new byte[300];
        for (int i = 0; i < protobufLike.length; i++) {
            protobufLike[i] = (byte) (i % 7 == 0 ? 0x0A : i * 13);
        }
        byte[] bigBinary = new byte[900 * 1024];
        for (int i = 0; i < bigBinary.length; i++) {
            bigBinary[i] = (byte) (i * 31 + 11);
        }
        kcat(run, 0, "bin-0", Files.write(inputs.resolve("0"), protobufLike));
        kcatTombstone(run, 1, "deleted-key");
        kcat(run, 2, "ключ-\uD83D\uDD11", Files.writeString(inputs.resolve("2"), "значение ✓"), "заголовок=значение ✓");
        kcat(
                run,
                3,
                "headers",
                Files.writeString(inputs.resolve("3"), "repeated, empty and null headers"),
                "dup=one",
                "dup=two",
                "empty=",
                "nothing");
        kcat(run, 4, "pretty", Files.writeString(inputs.resolve("4"), "{\n  \"price\": 1.10,\n  \"n\": [1, 2]\n}\n"));
        kcat(run, 5, "big-text", Files.writeString(inputs.resolve("5"), "t".repeat(900 * 1024)));
        kcat(run, 6, "big-binary", Files.write(inputs.resolve("6"), bigBinary));
        int produced = 7;

        PipelineVerifier.Summary summary = stack.verify(run, produced, 90);
        assertEquals("produced=7 logged=7 delivered=6 dead-lettered=1 lost=0", summary.line(), summary::details);

        // What reached S3 is what the broker holds: key, headers (order, repeats, empty, null), value, timestamp.
        Map<String, KafkaRecord> onBroker = new HashMap<>();
        for (KafkaRecord record : readAll(topic, STACK_PARTITIONS, -1)) {
            String seq = headerText(record, "seq");
            if (run.equals(headerText(record, "run"))) {
                onBroker.put(seq, record);
            }
        }
        assertEquals(produced, onBroker.size());
        int compared = 0;
        for (Path object : files(data.resolve("s3/local-stack-delivery"))) {
            for (String line : Files.readAllLines(object)) {
                JsonNode json = JSON.readTree(line);
                if (!run.equals(header(json, "run"))) {
                    continue;
                }
                KafkaRecord source = onBroker.get(header(json, "seq"));
                assertEnvelopeHolds(source, json);
                compared++;
            }
        }
        assertTrue(compared >= 6, "delivered lines of this run: " + compared);
        KafkaRecord parked = onBroker.get("6");
        String key =
                "dead-letter/" + topic + "/" + parked.topicPartition().partition() + "/" + parked.offset() + ".json";
        JsonNode letter = JSON.readTree(
                data.resolve("s3/local-stack-dead-letter").resolve(key).toFile());
        assertEquals("RecordTooLarge", letter.path("cause").asText());
        assertArrayEquals(
                bigBinary, Base64.getDecoder().decode(letter.path("value").asText()));
        assertTrue(onBroker.get("1").isTombstone(), "kcat -Z sent a tombstone");
        assertEquals(null, onBroker.get("3").headers().get(5).value(), "kcat -H name sent a null header");
    }

    private static void assertEnvelopeHolds(KafkaRecord source, JsonNode envelope) throws IOException {
        String line = envelope.toString();
        assertEquals(source.offset(), envelope.path("offset").asLong(), line);
        assertEquals(source.timestamp(), envelope.path("timestamp").asLong(), line);
        assertEquals(
                new String(source.key(), StandardCharsets.UTF_8),
                envelope.path("key").asText(),
                line);
        List<String> headers = new ArrayList<>();
        for (JsonNode header : envelope.path("headers")) {
            headers.add(header.path("name").asText() + "="
                    + (header.path("value").isNull()
                            ? "<null>"
                            : header.path("value").asText()));
        }
        List<String> expectedHeaders = new ArrayList<>();
        for (KafkaHeader header : source.headers()) {
            expectedHeaders.add(header.name() + "="
                    + (header.value() == null ? "<null>" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        assertEquals(expectedHeaders, headers, line);
        if (source.isTombstone()) {
            assertTrue(envelope.path("value").isNull(), line);
            return;
        }
        byte[] value = switch (envelope.path("valueFormat").asText()) {
            case "base64" -> Base64.getDecoder().decode(envelope.path("value").asText());
            case "text" -> envelope.path("value").asText().getBytes(StandardCharsets.UTF_8);
            case "json" -> {
                assertEquals(JSON.readTree(source.value()), envelope.path("value"), line);
                yield source.value();
            }
            default -> throw new AssertionError("valueFormat of " + line);
        };
        assertArrayEquals(source.value(), value, line);
    }

    private static String headerText(KafkaRecord record, String name) {
        for (KafkaHeader header : record.headers()) {
            if (header.name().equals(name) && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Produces one message with kcat: the file's bytes as the value, the key and the headers as given. */
    private static void kcat(String run, int seq, String key, Path value, String... headers) {
        List<String> command = kcatProducer(run, seq, "-k", key);
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(value.toString());
        runKcat(command, null);
    }

    private static void kcatTombstone(String run, int seq, String key) {
        runKcat(kcatProducer(run, seq, "-K", ":", "-Z"), key + ":\n");
    }

    /** kcat producing to the stack's topic with {@code options}, tagged with the run and sequence headers. */
    private static List<String> kcatProducer(String run, int seq, String... options) {
        List<String> command = new ArrayList<>(List.of("kcat", "-P", "-b", stack.bootstrap(), "-t", STACK_TOPIC));
        command.addAll(List.of(options));
        command.addAll(List.of("-H", "run=" + run, "-H", "seq=" + seq));
        return command;
    }

    private static void runKcat(List<String> command, String stdin) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kcat did not finish");
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
        } catch (IOException e) {
            throw new AssertionError(
                    "kcat is needed for this test (apt-get install kcat; scripts/test installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the topic from the beginning: {@code count} records, or with {@code count < 0} up to its end. */
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
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(assigned);
            while (System.currentTimeMillis() < deadline
                    && (count >= 0
                            ? records.size() < count
                            : assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(ConsumerRecordBatches.toKafkaRecord(record));
                }
            }
        }
        if (count >= 0) {
            assertEquals(count, records.size(), "records read back from " + topic);
        }
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

    /**
     * A packaged function as the java21 runtime loads it: function.zip unpacked into a task root, on the class path
     * as the root and its {@code lib/*}, so the test runs the package that is deployed, flattened as the build leaves
     * it.
     */
    private static String functionZipClasspath(String module) {
        Path taskRoot = Scripts.unpackFunctionZip(module, data.resolve(module + "-task"));
        return taskRoot + ":" + taskRoot.resolve("lib") + "/*";
    }

    private static void produce(String run, int first, int count) {
        StockTickProducer.Result result = new StockTickProducer(ProducerOptions.parse(new String[] {
                    "--bootstrap-server",
                    stack.bootstrap(),
                    "--run-id",
                    run,
                    "--first-seq",
                    Integer.toString(first),
                    "--count",
                    Integer.toString(count),
                    "--quiet"
                }))
                .run();
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
}
