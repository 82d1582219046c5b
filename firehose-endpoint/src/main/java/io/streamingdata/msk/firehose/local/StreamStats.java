package io.streamingdata.msk.firehose.local;

/**
 * Counters of one delivery stream, a consistent-enough snapshot (each counter is read atomically).
 *
 * @param calls           PutRecord/PutRecordBatch calls naming this stream, whatever their outcome
 * @param acceptedRecords records accepted (each appears in {@link LocalFirehose#deliveredRecords(String)})
 * @param failedRecords   records refused with a per-record error code (fault injection)
 * @param rejectedCalls   calls refused by validation (400 ValidationException / InvalidArgumentException)
 * @param failedCalls     calls failed whole by fault injection (failNextCalls, throttleNextCalls, outage, ...)
 * @param bytes           decoded data bytes of the accepted records
 * @param s3Objects       objects written under the stream's prefix
 * @param s3ErrorObjects  objects written under the error output prefix after the attempts under the prefix failed
 * @param s3UnsentRecords records S3 had still not taken when a stop ran out of time: written to the unsent directory
 * @param s3LostRecords   records in neither S3 nor the unsent directory (writing the unsent file failed too)
 */
public record StreamStats(
        long calls,
        long acceptedRecords,
        long failedRecords,
        long rejectedCalls,
        long failedCalls,
        long bytes,
        long s3Objects,
        long s3ErrorObjects,
        long s3UnsentRecords,
        long s3LostRecords) {}
