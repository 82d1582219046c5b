package io.streamingdata.msk.firehose.local;

/**
 * What an {@link Action} gets besides the request body.
 *
 * @param region      the region of the client's SigV4 credential scope; only ARNs use it
 * @param reservation the call's share of the memory budget, which accepted records are handed over from
 */
record CallContext(String region, MemoryBudget.Reservation reservation) {}
