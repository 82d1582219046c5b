package io.streamingdata.msk.records.consumer;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Checks consumer mode before anything else starts: inside Lambda the event source mapping is the consumer, so a
 * consumer-mode application deployed there would compete with it for the partitions; outside Lambda the security
 * settings must be complete and the group instance id valid. Either mistake stops start-up with a message that says
 * what to change.
 */
@ApplicationScoped
public class ConsumerModeGuard {

    public static final String CONSUMER_IN_LAMBDA = "consumer mode does not run inside AWS Lambda (function %s): "
            + "the event source mapping is the Kafka consumer there. Deploy the function's function.zip (the "
            + "consumer-logger or firehose-forwarder module) instead of this consumer-mode application.";

    private static final Logger LOG = Logger.getLogger(ConsumerModeGuard.class);

    void check(@Observes @Priority(1) StartupEvent event, KafkaConsumerConfig config) {
        try {
            verify(config);
        } catch (IllegalStateException e) {
            // On its own line: the framework's report that follows is a stack trace in which it would be hard to find.
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.infof("Consumer mode: reading Kafka with security protocol %s", config.securityProtocol());
    }

    /** Throws {@link IllegalStateException} when the configuration must not start. */
    public static void verify(KafkaConsumerConfig config) {
        config.lambdaFunctionName().filter(name -> !name.isBlank()).ifPresent(name -> {
            throw new IllegalStateException(CONSUMER_IN_LAMBDA.formatted(name));
        });
        try {
            KafkaClientSecurity.properties(config);
            StaticMembership.properties(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
