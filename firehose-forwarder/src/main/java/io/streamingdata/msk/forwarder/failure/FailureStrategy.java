package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.forwarder.ForwarderResponse;
import java.util.List;

/**
 * What to do with records still undelivered when retries have run out. Never "succeed and forget": each strategy
 * either fails the invocation, tells Lambda where to resume, or parks the records with their reason.
 */
public interface FailureStrategy {

    /** The configuration name, as in {@code FAILURE_STRATEGY}. */
    String name();

    /**
     * @param undelivered in batch order, never empty
     * @param deliveryStream for messages
     * @return the response to give Lambda, if the strategy does not throw
     */
    ForwarderResponse handle(List<Undeliverable> undelivered, int batchSize, String deliveryStream);
}
