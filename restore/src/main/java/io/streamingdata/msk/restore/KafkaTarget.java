package io.streamingdata.msk.restore;

import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.consumer.KafkaClientSecurity;
import io.streamingdata.msk.records.consumer.KafkaSecuritySettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka side: checks the target topics before anything is produced (they exist or are created on request, have
 * enough partitions for --keep-partition, and a timestamp type and retention that keep what is restored), then
 * produces with idempotence and {@code acks=all}, so that retries neither duplicate nor reorder within a partition.
 */
final class KafkaTarget implements AutoCloseable {

    static final String UNREACHABLE = "cannot reach Kafka at %s within %d s (%s): check --bootstrap-server (or "
            + "KAFKA_BOOTSTRAP_SERVERS), that the brokers run and are reachable from here, and the security settings "
            + "(KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM; MSK uses port 9098 for IAM, 9096 for SCRAM, 9094 for TLS); "
            + "--kafka-timeout gives slow brokers longer";
    static final String MISSING_TOPIC = "the target topic %s does not exist: create it (kafka-topics.sh --create "
            + "--topic %s --partitions %d) or run again with --create-topic";
    static final String TOO_FEW_PARTITIONS = "the target topic %s has %d partitions but the backup has records of "
            + "partition %d, so --keep-partition cannot put them back: add partitions (kafka-topics.sh --alter "
            + "--topic %s --partitions %d) or restore without --keep-partition";
    static final String LOG_APPEND_TIME = "warning: the target topic %s has message.timestamp.type=LogAppendTime, so "
            + "the broker replaces every restored timestamp with the time of the restore";
    static final String SHORT_RETENTION = "warning: the target topic %s deletes records older than retention.ms=%s; "
            + "the oldest restored record is %d ms old and may be deleted soon after the restore";
    private final String bootstrap;
    private final int timeoutSeconds;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final PrintStream messages;

    KafkaTarget(String bootstrap, KafkaSecuritySettings security, int timeoutSeconds, PrintStream messages) {
        this.bootstrap = bootstrap;
        this.timeoutSeconds = timeoutSeconds;
        this.messages = messages;
        Map<String, Object> common = new HashMap<>(KafkaClientSecurity.properties(security));
        common.put("bootstrap.servers", bootstrap);
        common.put("client.id", "msk-backup-restore");
        Map<String, Object> adminConfig = new HashMap<>(common);
        // The admin client refuses a call timeout shorter than one request's.
        adminConfig.put("request.timeout.ms", Math.min(15_000, timeoutSeconds * 1000));
        adminConfig.put("default.api.timeout.ms", timeoutSeconds * 1000);
        this.admin = Admin.create(adminConfig);
        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Idempotence keeps a partition's order with up to five requests in flight, retries included.
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Records came from Kafka, so they fit the source topic's limit; the target broker checks its own.
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(producerConfig);
    }

    /**
     * Makes sure every target topic can take its records: {@code needed} maps each target topic to the partitions
     * --keep-partition needs (0 when partitions are chosen by the producer).
     */
    void prepare(Map<String, Integer> needed, boolean keepPartition, boolean create, long oldestTimestamp) {
        Map<String, TopicDescription> existing = describe(needed.keySet());
        List<NewTopic> toCreate = new ArrayList<>();
        for (Map.Entry<String, Integer> topic : needed.entrySet()) {
            int partitions = Math.max(1, topic.getValue());
            TopicDescription description = existing.get(topic.getKey());
            if (description == null) {
                if (!create) {
                    throw new UserMistake(MISSING_TOPIC.formatted(topic.getKey(), topic.getKey(), partitions));
                }
                toCreate.add(new NewTopic(topic.getKey(), Optional.of(partitions), Optional.empty()));
            } else if (keepPartition && description.partitions().size() < topic.getValue()) {
                throw new UserMistake(TOO_FEW_PARTITIONS.formatted(
                        topic.getKey(),
                        description.partitions().size(),
                        topic.getValue() - 1,
                        topic.getKey(),
                        topic.getValue()));
            }
        }
        if (!toCreate.isEmpty()) {
            await(admin.createTopics(toCreate).all());
            for (NewTopic topic : toCreate) {
                messages.printf("restore: created topic %s with %d partitions%n", topic.name(), topic.numPartitions());
            }
        }
        warnAboutConfigs(needed.keySet(), oldestTimestamp);
    }

    private Map<String, TopicDescription> describe(Iterable<String> topics) {
        Map<String, TopicDescription> found = new HashMap<>();
        for (String topic : topics) {
            try {
                found.put(
                        topic,
                        await(admin.describeTopics(List.of(topic)).allTopicNames())
                                .get(topic));
            } catch (UnknownTopicOrPartitionException e) {
                // missing: prepare() creates it or says how
            }
        }
        return found;
    }

    private void warnAboutConfigs(Iterable<String> topics, long oldestTimestamp) {
        List<ConfigResource> resources = new ArrayList<>();
        topics.forEach(topic -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic)));
        Map<ConfigResource, Config> configs =
                await(admin.describeConfigs(resources).all());
        configs.forEach((resource, config) -> {
            if (config.get("message.timestamp.type") != null
                    && "LogAppendTime"
                            .equals(config.get("message.timestamp.type").value())) {
                messages.println(LOG_APPEND_TIME.formatted(resource.name()));
            }
            if (config.get("retention.ms") != null && oldestTimestamp > 0) {
                long retention = Long.parseLong(config.get("retention.ms").value());
                long age = System.currentTimeMillis() - oldestTimestamp;
                if (retention >= 0 && age > retention / 2) {
                    messages.println(SHORT_RETENTION.formatted(resource.name(), retention, age));
                }
            }
        });
    }

    /** What producing gave: acknowledged records, failed ones and the first errors. */
    record Outcome(long acked, long failed, List<String> errors) {}

    /**
     * Produces every record, each partition's records in the order given (offset order), and waits for them all.
     * {@code target} is the topic to write to ({@code null}: the record's own); with {@code keepPartition} the
     * record's partition is kept, else the producer chooses by key.
     */
    Outcome produce(
            Map<?, List<KafkaRecord>> records,
            List<byte[]> values,
            String target,
            boolean keepPartition,
            long total,
            int progressEvery) {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        long sent = 0;
        for (List<KafkaRecord> partition : records.values()) {
            for (KafkaRecord record : partition) {
                String topic = target != null ? target : record.topicPartition().topic();
                Integer partitionNumber =
                        keepPartition ? record.topicPartition().partition() : null;
                Long timestamp = record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE || record.timestamp() < 0
                        ? null
                        : record.timestamp();
                ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(
                        topic, partitionNumber, timestamp, record.key(), record.value(), headers(record));
                String source = record.topicPartition() + "@" + record.offset();
                producer.send(out, (metadata, error) -> count(error, source, acked, failed, errors));
                sent = progress(++sent, total, progressEvery, acked);
            }
        }
        for (byte[] value : values) {
            producer.send(
                    new ProducerRecord<>(target, value),
                    (metadata, error) -> count(error, "value", acked, failed, errors));
            sent = progress(++sent, total, progressEvery, acked);
        }
        producer.flush();
        return new Outcome(acked.get(), failed.get(), List.copyOf(errors));
    }

    private long progress(long sent, long total, int every, AtomicLong acked) {
        if (sent % every == 0) {
            messages.printf("restore: sent %d/%d records, %d acknowledged%n", sent, total, acked.get());
        }
        return sent;
    }

    private static void count(
            Exception error, String source, AtomicLong acked, AtomicLong failed, List<String> errors) {
        if (error == null) {
            acked.incrementAndGet();
            return;
        }
        failed.incrementAndGet();
        if (errors.size() < RestoreSet.LISTED_PROBLEMS) {
            errors.add(source + ": " + error.getClass().getSimpleName() + ": " + error.getMessage());
        }
    }

    private static List<Header> headers(KafkaRecord record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (KafkaHeader header : record.headers()) {
            headers.add(new RecordHeader(header.name(), header.value()));
        }
        return headers;
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeoutSeconds + 5L, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException missing) {
                throw missing;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException timeout) {
                throw new UserMistake(UNREACHABLE.formatted(bootstrap, timeoutSeconds, timeout.getMessage()), e);
            }
            throw new IllegalStateException(
                    "Kafka refused the request: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UserMistake(UNREACHABLE.formatted(bootstrap, timeoutSeconds, "no answer"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
