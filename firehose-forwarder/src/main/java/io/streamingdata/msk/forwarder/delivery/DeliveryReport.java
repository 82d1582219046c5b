package io.streamingdata.msk.forwarder.delivery;

import java.util.List;

/**
 * What a delivery achieved.
 *
 * @param undelivered records still not accepted when retries ran out, each with the last error it got
 * @param attempts rounds of calls made (1 when everything went through at once)
 * @param calls PutRecordBatch calls made, retries included
 * @param retriedRecords Firehose records sent more than once
 */
public record DeliveryReport(List<Undelivered> undelivered, int attempts, int calls, int retriedRecords,
        long bytesSent) {

    public boolean complete() {
        return undelivered.isEmpty();
    }

    /** A record Firehose did not accept, with the last reason it gave. */
    public record Undelivered(PackedRecord record, String lastError) {
    }
}
