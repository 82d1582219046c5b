package io.streamingdata.msk.forwarder.consumer;

import io.quarkus.runtime.StartupEvent;
import io.streamingdata.msk.forwarder.ForwarderConfigCheck;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Outside Lambda nothing sets {@code AWS_REGION}. Without a region the messaging extension fails building the
 * consumer (the Firehose client with it) in a stack trace; this check says instead what to set. Lambda always sets the
 * region, so the function's own package has no such check.
 */
@ApplicationScoped
public class AwsRegionCheck {

    public static final String NO_REGION = ForwarderConfigCheck.INVALID_CONFIGURATION
            + "no AWS region: set AWS_REGION to the delivery stream's region (or give the AWS profile a region)";

    private static final Logger LOG = Logger.getLogger(AwsRegionCheck.class);

    // After the settings' own check (priority 2), before the messaging extension starts the consumer.
    void checkAtStartup(@Observes @Priority(3) StartupEvent event) {
        try {
            DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            LOG.error(NO_REGION);
            throw new IllegalStateException(NO_REGION, e);
        }
    }
}
