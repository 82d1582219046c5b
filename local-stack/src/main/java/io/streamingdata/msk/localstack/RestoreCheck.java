package io.streamingdata.msk.localstack;

import io.streamingdata.msk.cli.CommandLineFlags;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The demo's restore check. {@code --inject-duplicates}: copies the first backup object under a second key, as a
 * re-delivery by Firehose would. {@code --compare}: reads the source and the restored topic from the beginning and
 * prints {@code restored=N missing=N duplicated=N}: records of the target, source records the target lacks, and
 * target records beyond their count in the source (compared by partition, timestamp, key, headers and value), plus
 * whether each partition holds them in the same order. Exit status 0 when the topics hold the same records.
 */
public final class RestoreCheck {

    private static final long READ_TIMEOUT_MILLIS = 60_000;

    static final String USAGE = """
            Usage: java ... io.streamingdata.msk.localstack.RestoreCheck --inject-duplicates --s3-endpoint URL --bucket B
                   java ... io.streamingdata.msk.localstack.RestoreCheck --compare --bootstrap-server HOST:PORT
                            --source TOPIC --target TOPIC
            """;

    private RestoreCheck() {}

    public static void main(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (CommandLineFlags.Flag flag : CommandLineFlags.parse(
                args, Set.of("--s3-endpoint", "--bucket", "--bootstrap-server", "--source", "--target"))) {
            flags.put(flag.name(), flag.value() == null ? "" : flag.value());
        }
        if (flags.containsKey("--inject-duplicates")) {
            System.out.println("restore-check: copied "
                    + inject(require(flags, "--s3-endpoint"), require(flags, "--bucket")) + " as a duplicate");
            return;
        }
        if (!flags.containsKey("--compare")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String bootstrap = require(flags, "--bootstrap-server");
        Map<Integer, List<String>> source = read(bootstrap, require(flags, "--source"));
        Map<Integer, List<String>> target = read(bootstrap, require(flags, "--target"));
        Map<String, Integer> remaining = new HashMap<>();
        source.values().forEach(records -> records.forEach(r -> remaining.merge(r, 1, Integer::sum)));
        long restored = 0;
        long duplicated = 0;
        for (List<String> records : target.values()) {
            for (String record : records) {
                restored++;
                if (remaining.merge(record, -1, Integer::sum) < 0) {
                    duplicated++;
                }
            }
        }
        long missing = remaining.values().stream()
                .filter(n -> n > 0)
                .mapToLong(Integer::longValue)
                .sum();
        boolean sameOrder = source.equals(target);
        System.out.println("restore-check: per partition in the same order: " + (sameOrder ? "yes" : "no"));
        System.out.println("restored=" + restored + " missing=" + missing + " duplicated=" + duplicated);
        System.exit(missing == 0 && duplicated == 0 && sameOrder ? 0 : 1);
    }

    private static String require(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isEmpty()) {
            System.err.println("restore-check: " + name + " is required");
            System.err.print(USAGE);
            System.exit(2);
        }
        return value;
    }

    private static String inject(String endpoint, String bucket) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            S3Object first = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no objects in " + bucket));
            byte[] body =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(first.key())).asByteArray();
            String copy = first.key() + "-redelivered";
            s3.putObject(b -> b.bucket(bucket).key(copy), RequestBody.fromBytes(body));
            return "s3://" + bucket + "/" + first.key() + " (" + body.length + " bytes)";
        }
    }

    /**
     * Every record of {@code topic}, per partition in offset order, each as a line that shows its partition,
     * timestamp and type, key, headers and value (short byte strings in hex, long ones by length and hash).
     */
    static Map<Integer, List<String>> read(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        config.put("max.partition.fetch.bytes", 4 * 1024 * 1024);
        Map<Integer, List<String>> records = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + READ_TIMEOUT_MILLIS;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took over " + READ_TIMEOUT_MILLIS + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.computeIfAbsent(record.partition(), p -> new ArrayList<>())
                            .add(describe(record));
                }
            }
        }
        return records;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder("p" + record.partition() + " t" + record.timestamp() + " "
                + record.timestampType() + " key=" + hex(record.key()) + " headers=");
        for (Header header : record.headers()) {
            text.append(header.key()).append(':').append(hex(header.value())).append(',');
        }
        return text.append(" value=").append(hex(record.value())).toString();
    }

    private static String hex(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        return bytes.length > 64
                ? bytes.length + "B#" + Arrays.hashCode(bytes)
                : HexFormat.of().formatHex(bytes);
    }
}
