package io.streamingdata.msk.forwarder;

import io.quarkus.runtime.Startup;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.lambda.PrimingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import java.security.SecureRandom;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart hooks. Before the snapshot: decodes, encodes and packs a small built-in event (a JSON value, text,
 * binary, a tombstone, headers; {@link PrimingEvent}) so the first real invocation after a restore does not pay for loading and warming that
 * code. It opens no connection and reads no credentials: both would be shared by every restored environment and may
 * be stale by then. After a restore: the retry jitter gets a seed of its own. Outside SnapStart (and in tests) the
 * hooks are never called; registering them costs nothing.
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    private final Provider<ForwardingService> service;
    private final RetryPolicy retryPolicy;

    /** The service is resolved only when a snapshot is taken, so that start-up checks the configuration first. */
    public SnapStartPriming(Provider<ForwardingService> service, RetryPolicy retryPolicy) {
        this.service = service;
        this.retryPolicy = retryPolicy;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        KafkaBatch batch = PrimingEvent.decode();
        int packed = service.get().warmUp(batch);
        LOG.debugf("Primed for the snapshot: %d records into %d Firehose record(s)", batch.size(), packed);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        retryPolicy.reseed(new SecureRandom().nextLong());
    }
}
