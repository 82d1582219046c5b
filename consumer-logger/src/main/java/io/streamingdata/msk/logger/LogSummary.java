package io.streamingdata.msk.logger;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one invocation logged; the Lambda function's return value.
 *
 * @param records positions in the batch, decoded or not
 * @param logged records written as record lines
 * @param tombstones records without a value
 * @param binary records whose value was logged as base64
 * @param undecodable positions the event carried but that could not be decoded (logged with the reason)
 * @param bytes key, value and header bytes of the decoded records
 * @param partitions topic-partitions in the batch
 * @param durationMs time spent logging
 */
@RegisterForReflection
public record LogSummary(
        int records,
        int logged,
        int tombstones,
        int binary,
        int undecodable,
        long bytes,
        int partitions,
        long durationMs) {}
