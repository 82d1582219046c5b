package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;

/**
 * What to do with records still undelivered when retries have run out. Never "succeed and forget": each strategy
 * either fails the invocation, says where each partition resumes, or parks the records with their reason.
 */
public interface FailureStrategy {

    /** The strategy as {@code FAILURE_STRATEGY} names it. */
    StrategyName name();

    /**
     * @param undelivered in batch order, never empty
     * @param batchSize positions in the batch, for messages
     * @param deliveryStream for messages
     * @return where to resume each partition that must be read again; empty when the batch is done
     * @throws io.streamingdata.msk.forwarder.failure.DeliveryFailedException to fail the invocation
     */
    List<Resume> resolve(List<Failure> undelivered, int batchSize, String deliveryStream);
}
