package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.records.BatchEntry;

/** A batch position that did not reach Firehose, and the last reason. */
public record Undeliverable(BatchEntry entry, String reason) {
}
