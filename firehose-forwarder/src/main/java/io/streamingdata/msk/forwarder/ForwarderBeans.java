package io.streamingdata.msk.forwarder;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.streamingdata.msk.forwarder.deadletter.DeadLetterStore;
import io.streamingdata.msk.forwarder.deadletter.S3DeadLetterStore;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.forwarder.delivery.Sleeper;
import io.streamingdata.msk.forwarder.failure.FailureStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.FirehoseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the forwarder once per container: settings checked at start-up, one Firehose client, one thread pool for
 * parallel calls, the dead-letter store and the failure strategy.
 */
@ApplicationScoped
public class ForwarderBeans {

    private static final Logger LOG = Logger.getLogger(ForwarderBeans.class);

    /**
     * Fails start-up on a bad configuration, before the first event. The message goes out on its own line first:
     * the framework's report that follows is a stack trace in which it would be hard to find.
     */
    void checkAtStartup(@Observes StartupEvent event, ForwarderConfig config) {
        try {
            ForwarderSettings.from(config);
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    @Produces
    @Singleton
    ForwarderSettings settings(ForwarderConfig config) {
        return ForwarderSettings.from(config);
    }

    @Produces
    @Singleton
    FirehoseClient firehoseClient(ForwarderSettings settings) {
        return newFirehoseClient(settings);
    }

    /** The client as the function uses it; also used by the benchmark, so both measure the same thing. */
    public static FirehoseClient newFirehoseClient(ForwarderSettings settings) {
        // Our delivery loop owns retries (positional resends, a time budget, jitter); the SDK adds none of its own.
        FirehoseClientBuilder builder = FirehoseClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofMillis(settings.callTimeoutMs())));
        settings.firehoseEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void closeFirehoseClient(@Disposes FirehoseClient client) {
        client.close();
    }

    /** Qualifies the call pool, apart from the executors Quarkus itself provides. */
    static final String CALLERS = "firehose-callers";

    @Produces
    @Singleton
    @Identifier(CALLERS)
    ExecutorService firehoseCallers(ForwarderSettings settings) {
        return newCallPool(settings.maxConcurrency());
    }

    /** Daemon threads, so a pool left behind never keeps a process alive. */
    public static ExecutorService newCallPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "firehose-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(threads, daemons);
    }

    void stopFirehoseCallers(@Disposes @Identifier(CALLERS) ExecutorService executor) {
        executor.shutdownNow();
    }

    @Produces
    @Singleton
    DeadLetterStore deadLetterStore(ForwarderSettings settings, Instance<S3Client> s3) {
        // The S3 client is only built when a dead-letter bucket is configured.
        return new S3DeadLetterStore(settings.deadLetterBucket().isPresent() ? s3.get() : null,
                settings.deadLetterBucket(), settings.deadLetterPrefix(), settings.deliveryStreamName());
    }

    @Produces
    @Singleton
    ForwardingService forwardingService(ForwarderSettings settings, FirehoseClient client,
            @Identifier(CALLERS) ExecutorService callers, DeadLetterStore deadLetters) {
        return newForwardingService(settings, client, callers, deadLetters);
    }

    public static ForwardingService newForwardingService(ForwarderSettings settings, FirehoseClient client,
            ExecutorService callers, DeadLetterStore deadLetters) {
        RetryPolicy retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.backoffBaseMs(),
                settings.backoffMaxMs(), settings.timeSafetyMarginMs(), new SplittableRandom());
        FirehoseDelivery delivery = new FirehoseDelivery(client, callers, settings.maxConcurrency(), retryPolicy,
                Sleeper.THREAD);
        return new ForwardingService(settings, delivery, deadLetters,
                FailureStrategies.byName(settings.failureStrategy(), deadLetters));
    }
}
