package io.streamingdata.msk.records.consumer;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/**
 * Hands the security settings to the Kafka connector of the {@code records} channel (its
 * {@code kafka-configuration} attribute names this bean). Only called when the consumer starts.
 */
@ApplicationScoped
public class KafkaConsumerSettingsProducer {

    /** The identifier the channel configuration refers to. */
    public static final String IDENTIFIER = "kafka-consumer-security";

    @Produces
    @ApplicationScoped
    @Identifier(IDENTIFIER)
    Map<String, Object> securitySettings(KafkaConsumerConfig config) {
        return KafkaClientSecurity.properties(config);
    }
}
