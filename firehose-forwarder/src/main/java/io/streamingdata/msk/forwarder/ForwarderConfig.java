package io.streamingdata.msk.forwarder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Settings of firehose-forwarder; each is filled from the environment variable its description names (see
 * {@code application.properties} and the README's configuration table). {@link ForwarderSettings} checks them at
 * start-up.
 */
@ConfigMapping(prefix = "forwarder")
public interface ForwarderConfig {

    /** {@code DELIVERY_STREAM_NAME}: the Firehose delivery stream (Direct PUT) to write to. Required. */
    Optional<String> deliveryStreamName();

    /** {@code AWS_ENDPOINT_URL_FIREHOSE}: another Firehose endpoint, such as the local one; unset in AWS. */
    Optional<String> firehoseEndpoint();

    /**
     * {@code OUTPUT_FORMAT}: {@code value} writes each record's value and a newline; {@code envelope} writes one JSON
     * object per record with its topic, partition, offset, timestamp, key, headers and value.
     */
    @WithDefault("value")
    String outputFormat();

    /** {@code AGGREGATION_ENABLED}: pack many records, newline-delimited, into each Firehose record. */
    @WithDefault("true")
    boolean aggregationEnabled();

    /** {@code AGGREGATION_MAX_BYTES}: the largest packed Firehose record; Firehose takes up to 1,024,000 bytes. */
    @WithDefault("1024000")
    int aggregationMaxBytes();

    /** {@code FIREHOSE_MAX_CONCURRENCY}: PutRecordBatch calls in flight at once. */
    @WithDefault("4")
    int maxConcurrency();

    /** {@code FIREHOSE_MAX_ATTEMPTS}: attempts per record, counting the first. */
    @WithDefault("10")
    int maxAttempts();

    /** {@code FIREHOSE_BACKOFF_BASE_MS}: first retry waits up to this long (full jitter, doubling per attempt). */
    @WithDefault("50")
    long backoffBaseMs();

    /** {@code FIREHOSE_BACKOFF_MAX_MS}: no retry waits longer than this; sub-second, as a waiting Lambda is billed. */
    @WithDefault("500")
    long backoffMaxMs();

    /** {@code FIREHOSE_CALL_TIMEOUT_MS}: one PutRecordBatch attempt may take this long. */
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
    @WithDefault("fail")
    String failureStrategy();

    /** {@code DEAD_LETTER_BUCKET}: S3 bucket for records Firehose cannot take (too large, undecodable). */
    Optional<String> deadLetterBucket();

    /** {@code DEAD_LETTER_PREFIX}: key prefix of dead-letter objects. */
    @WithDefault("dead-letter/")
    String deadLetterPrefix();
}
