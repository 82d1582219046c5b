package io.streamingdata.msk.forwarder.delivery;

import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;

/**
 * What a delivery achieved.
 *
 * @param undelivered every Kafka record still not accepted when retries ran out, with the last error its Firehose
 *     record got, in batch order
 * @param attempts rounds of calls made (1 when everything went through at once)
 * @param calls PutRecordBatch calls made, retries included
 * @param retriedRecords Firehose records sent more than once
 * @param bytesSent bytes of record data sent, retries included
 */
public record DeliveryReport(List<Failure> undelivered, int attempts, int calls, int retriedRecords, long bytesSent) {}
