package io.streamingdata.msk.forwarder;

/**
 * What one batch came to; written as a CloudWatch Embedded Metric Format line by {@link ForwarderMetrics}.
 *
 * @param recordsIn batch positions
 * @param delivered Kafka records accepted by Firehose
 * @param skipped tombstones, which have nothing to deliver
 * @param deadLettered records parked in the dead-letter bucket
 * @param failed records left undelivered and handed to the failure strategy
 * @param retried Firehose records sent more than once
 * @param firehoseRecords Firehose records the Kafka records were packed into
 * @param calls PutRecordBatch calls, retries included
 * @param bytes bytes sent to Firehose, retries included
 */
public record ForwardSummary(
        int recordsIn,
        int delivered,
        int skipped,
        int deadLettered,
        int failed,
        int retried,
        int firehoseRecords,
        int calls,
        long bytes,
        long durationMs) {}
