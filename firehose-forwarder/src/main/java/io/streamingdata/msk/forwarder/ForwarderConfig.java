package io.streamingdata.msk.forwarder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.streamingdata.msk.forwarder.strategy.StrategyName;
import java.net.URI;
import java.util.Optional;

/**
 * Settings of firehose-forwarder, each read from the environment variable its description names. The empty prefix
 * makes each property name the variable's own name in SmallRye's spelling ({@code DELIVERY_STREAM_NAME} is
 * {@code delivery-stream-name}), so no line in {@code application.properties} repeats them and the defaults below
 * are the only ones. {@link ForwarderConfigCheck} checks them at start-up; the typed accessors are safe to call once
 * it has passed.
 */
@ConfigMapping(prefix = "")
public interface ForwarderConfig {

    /** {@code DELIVERY_STREAM_NAME}: the Firehose delivery stream (Direct PUT) to write to. Required. */
    @WithName("delivery-stream-name")
    Optional<String> deliveryStreamNameText();

    /** {@code AWS_ENDPOINT_URL_FIREHOSE}: another Firehose endpoint, such as the local one; unset in AWS. */
    @WithName("aws-endpoint-url-firehose")
    Optional<String> firehoseEndpointText();

    /**
     * {@code OUTPUT_FORMAT}: {@code envelope} writes one JSON object per record with its topic, partition, offset,
     * timestamp, key, headers and value, which a restore can replay; {@code value} writes each record's value on a
     * line, which loses keys, headers and tombstones.
     */
    @WithName("output-format")
    @WithDefault("envelope")
    String outputFormatText();

    /** {@code AGGREGATION_ENABLED}: pack many records, newline-delimited, into each Firehose record. */
    @WithDefault("true")
    boolean aggregationEnabled();

    /** {@code AGGREGATION_MAX_BYTES}: the largest packed Firehose record; Firehose takes up to 1,024,000 bytes. */
    @WithDefault("1024000")
    int aggregationMaxBytes();

    /** {@code FIREHOSE_MAX_CONCURRENCY}: PutRecordBatch calls in flight at once. */
    @WithName("firehose-max-concurrency")
    @WithDefault("4")
    int maxConcurrency();

    /** {@code FIREHOSE_MAX_ATTEMPTS}: attempts per record in a Lambda invocation, counting the first. */
    @WithName("firehose-max-attempts")
    @WithDefault("10")
    int maxAttempts();

    /** {@code FIREHOSE_BACKOFF_BASE_MS}: first retry waits up to this long (full jitter, doubling per attempt). */
    @WithName("firehose-backoff-base-ms")
    @WithDefault("50")
    long backoffBaseMs();

    /** {@code FIREHOSE_BACKOFF_MAX_MS}: no retry waits longer than this; sub-second, as a waiting Lambda is billed. */
    @WithName("firehose-backoff-max-ms")
    @WithDefault("500")
    long backoffMaxMs();

    /** {@code FIREHOSE_CALL_TIMEOUT_MS}: one PutRecordBatch attempt may take this long. */
    @WithName("firehose-call-timeout-ms")
    @WithDefault("10000")
    long callTimeoutMs();

    /**
     * {@code TIME_SAFETY_MARGIN_MS}: retries stop when the invocation has less time left than this, so the function
     * still answers before Lambda's timeout.
     */
    @WithDefault("5000")
    long timeSafetyMarginMs();

    /**
     * {@code RETRY_BUDGET_MS}: the time for retries where no invocation deadline is known: consumer mode, and a
     * Lambda runtime that sends no deadline.
     */
    @WithDefault("120000")
    long retryBudgetMs();

    /**
     * {@code FAILURE_STRATEGY}: what happens to records still undelivered when retries run out: {@code fail} (the
     * invocation fails and the event source re-delivers the batch), {@code report-batch-item-failures} (a partial
     * batch response naming the earliest undelivered offset per partition; the mapping must enable
     * ReportBatchItemFailures) or {@code dead-letter} (parked in the dead-letter bucket).
     */
    @WithName("failure-strategy")
    @WithDefault("fail")
    String failureStrategyText();

    /** {@code DEAD_LETTER_BUCKET}: S3 bucket for records Firehose cannot take (too large, undecodable). */
    @WithName("dead-letter-bucket")
    Optional<String> deadLetterBucketText();

    /** {@code DEAD_LETTER_PREFIX}: key prefix of dead-letter objects. */
    @WithDefault("dead-letter/")
    String deadLetterPrefix();

    /** The stream name, trimmed. */
    default String deliveryStreamName() {
        return deliveryStreamNameText().map(String::trim).orElse("");
    }

    default Optional<URI> firehoseEndpoint() {
        return firehoseEndpointText()
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .map(URI::create);
    }

    default OutputFormat outputFormat() {
        return OutputFormat.parse(outputFormatText())
                .orElseThrow(
                        () -> new IllegalStateException(ForwarderConfigCheck.BAD_FORMAT.formatted(outputFormatText())));
    }

    default StrategyName failureStrategy() {
        return StrategyName.parse(failureStrategyText())
                .orElseThrow(() ->
                        new IllegalStateException(ForwarderConfigCheck.BAD_STRATEGY.formatted(failureStrategyText())));
    }

    /** The bucket, if one is set and not blank. */
    default Optional<String> deadLetterBucket() {
        return deadLetterBucketText().map(String::trim).filter(text -> !text.isEmpty());
    }
}
