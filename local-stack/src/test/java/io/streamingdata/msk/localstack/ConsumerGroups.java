package io.streamingdata.msk.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the broker knows about the functions' consumer groups: their members and their committed offsets. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrap) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("request.timeout.ms", "10000");
        config.put("default.api.timeout.ms", "15000");
        admin = Admin.create(config);
    }

    /** Whether the group has a consumer in it now (a consumer that gave up has left it). */
    boolean hasMembers(String group) {
        ConsumerGroupDescription description =
                get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        return description != null && !description.members().isEmpty();
    }

    /** The group instance ids of its members; empty for a dynamic member. */
    List<String> instanceIds(String group) {
        ConsumerGroupDescription description =
                get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        return description == null
                ? List.of()
                : description.members().stream()
                        .map(member -> member.groupInstanceId().orElse(""))
                        .toList();
    }

    /** The group's committed offset per partition of {@code topic}: the next record it has not handled. */
    Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }

    /** The offset the next record of each partition will get. */
    Map<Integer, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all())
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
