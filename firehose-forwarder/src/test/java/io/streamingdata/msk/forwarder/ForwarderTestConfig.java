package io.streamingdata.msk.forwarder;

import java.util.Optional;

/** Defaults as in application.properties, with a stream name. */
public final class ForwarderTestConfig implements ForwarderConfig {
    public Optional<String> stream = Optional.of("demo-stream");
    public Optional<String> endpoint = Optional.empty();
    public String format = "value";
    public int aggregationMaxBytes = 1_024_000;
    public int maxConcurrency = 4;
    public String strategy = "fail";
    public Optional<String> bucket = Optional.empty();
    public boolean aggregation = true;

    @Override
    public Optional<String> deliveryStreamName() {
        return stream;
    }

    @Override
    public Optional<String> firehoseEndpoint() {
        return endpoint;
    }

    @Override
    public String outputFormat() {
        return format;
    }

    @Override
    public boolean aggregationEnabled() {
        return aggregation;
    }

    @Override
    public int aggregationMaxBytes() {
        return aggregationMaxBytes;
    }

    @Override
    public int maxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public int maxAttempts() {
        return 10;
    }

    @Override
    public long backoffBaseMs() {
        return 50;
    }

    @Override
    public long backoffMaxMs() {
        return 500;
    }

    @Override
    public long callTimeoutMs() {
        return 10_000;
    }

    @Override
    public long timeSafetyMarginMs() {
        return 5000;
    }

    @Override
    public long retryBudgetMs() {
        return 120_000;
    }

    @Override
    public String failureStrategy() {
        return strategy;
    }

    @Override
    public Optional<String> deadLetterBucket() {
        return bucket;
    }

    @Override
    public String deadLetterPrefix() {
        return "dead-letter/";
    }
}
