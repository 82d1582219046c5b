package io.streamingdata.msk.firehose.local;

/**
 * The admission bound now.
 *
 * @param limitBytes   the bound on request bodies being decoded plus accepted records not yet in S3
 * @param usedBytes    how much of it is held
 * @param refusedCalls calls answered 503 ServiceUnavailableException because they did not fit
 */
public record AdmissionStats(long limitBytes, long usedBytes, long refusedCalls) {}
