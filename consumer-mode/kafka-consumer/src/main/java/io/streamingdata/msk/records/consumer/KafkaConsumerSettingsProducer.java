package io.streamingdata.msk.records.consumer;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the {@code records} channel that are computed rather than configured (its {@code kafka-configuration}
 * attribute names this bean): the security settings, the static membership, and the connector's stall limit derived from the function's
 * {@link ConsumerBatchLimit}. Only called when the consumer starts.
 */
@ApplicationScoped
public class KafkaConsumerSettingsProducer {

    /** The identifier the channel configuration refers to. */
    public static final String IDENTIFIER = "kafka-consumer-settings";

    /** The connector attribute of its throttled commit strategy's stall check. */
    public static final String STALL_LIMIT = "throttled.unprocessed-record-max-age.ms";

    /**
     * Batches a record may wait behind before its own batch is handled: the channel sets
     * {@code max-queue-size-factor} to 1, so the connector pauses the partitions once one batch waits.
     */
    static final int BATCHES_AHEAD = 1;

    @Produces
    @ApplicationScoped
    @Identifier(IDENTIFIER)
    Map<String, Object> channelSettings(KafkaConsumerConfig config, Instance<ConsumerBatchLimit> limit) {
        Map<String, Object> settings = new LinkedHashMap<>(KafkaClientSecurity.properties(config));
        settings.putAll(StaticMembership.properties(config));
        if (limit.isResolvable()) {
            settings.put(STALL_LIMIT, Long.toString(stallLimitMillis(limit.get().batchMillis())));
        }
        return settings;
    }

    /** How long a record may wait unacknowledged: its own batch and the ones ahead of it, each at their limit. */
    static long stallLimitMillis(long batchMillis) {
        return Math.min(Integer.MAX_VALUE, (BATCHES_AHEAD + 1) * batchMillis);
    }
}
