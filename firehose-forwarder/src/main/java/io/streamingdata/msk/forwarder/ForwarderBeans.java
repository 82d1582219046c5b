package io.streamingdata.msk.forwarder;

import io.smallrye.common.annotation.Identifier;
import io.streamingdata.msk.forwarder.crypto.CorrettoCrypto;
import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.deadletter.S3DeadLetterStore;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.forwarder.delivery.Sleeper;
import io.streamingdata.msk.forwarder.strategy.FailureStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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
 * Builds the forwarder once per container: one Firehose client, one thread pool for parallel calls, the dead-letter
 * store and the failure strategy, all from the one {@link ForwarderConfig} that {@link ForwarderConfigCheck} checked
 * at start-up.
 */
@ApplicationScoped
public class ForwarderBeans {

    @Produces
    @Singleton
    FirehoseClient firehoseClient(ForwarderConfig config) {
        return newFirehoseClient(config);
    }

    /** The client as the function uses it; also used by the benchmark, so both measure the same thing. */
    public static FirehoseClient newFirehoseClient(ForwarderConfig config) {
        // Before the client exists, so that the SDK's signer finds the fastest SHA-256 from its first request.
        CorrettoCrypto.install();
        // Our delivery loop owns retries (positional resends, a time budget, jitter); the SDK adds none of its own.
        FirehoseClientBuilder builder = FirehoseClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofMillis(config.callTimeoutMs())));
        config.firehoseEndpoint().ifPresent(builder::endpointOverride);
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
    ExecutorService firehoseCallers(ForwarderConfig config) {
        return newCallPool(config.maxConcurrency());
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
    DeadLetters deadLetters(ForwarderConfig config, Instance<S3Client> s3) {
        // The S3 client is only built when a dead-letter bucket is configured.
        return new DeadLetters(config.deadLetterBucket()
                .map(bucket -> new S3DeadLetterStore(
                        s3.get(), bucket, config.deadLetterPrefix(), config.deliveryStreamName(), Clock.systemUTC())));
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(ForwarderConfig config) {
        return newRetryPolicy(config);
    }

    public static RetryPolicy newRetryPolicy(ForwarderConfig config) {
        return new RetryPolicy(
                config.maxAttempts(),
                config.backoffBaseMs(),
                config.backoffMaxMs(),
                config.timeSafetyMarginMs(),
                new SplittableRandom());
    }

    @Produces
    @Singleton
    ForwardingService forwardingService(
            ForwarderConfig config,
            FirehoseClient client,
            @Identifier(CALLERS) ExecutorService callers,
            DeadLetters deadLetters,
            RetryPolicy retryPolicy) {
        return newForwardingService(
                config, client, callers, deadLetters, ForwarderMetrics.STDOUT, Sleeper.THREAD, retryPolicy);
    }

    /** The service as the function builds it, for the benchmark and for tests that replace its edges. */
    public static ForwardingService newForwardingService(
            ForwarderConfig config,
            FirehoseClient client,
            ExecutorService callers,
            DeadLetters deadLetters,
            MetricsSink metrics,
            Sleeper sleeper,
            RetryPolicy retryPolicy) {
        FirehoseDelivery delivery =
                new FirehoseDelivery(client, callers, config.maxConcurrency(), retryPolicy, sleeper);
        return new ForwardingService(
                config.deliveryStreamName(),
                new BatchPacker(
                        new RecordLineEncoder(config.outputFormat()),
                        new RecordPacker(config.aggregationEnabled(), config.aggregationMaxBytes())),
                delivery,
                deadLetters,
                FailureStrategies.of(config.failureStrategy(), deadLetters),
                metrics);
    }
}
