package io.streamingdata.msk.forwarder;

import io.quarkus.runtime.Startup;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart hooks. Before the snapshot: decodes, encodes and packs a small built-in event (a JSON value, text,
 * binary, a tombstone, headers) so the first real invocation after a restore does not pay for loading and warming that
 * code. It opens no connection and reads no credentials: both would be shared by every restored environment and may
 * be stale by then. After a restore: the retry jitter gets a seed of its own. Outside SnapStart (and in tests) the
 * hooks are never called; registering them costs nothing.
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    /** A bundled event in the shape the MSK event source mapping sends. */
    static final String PRIMING_EVENT = "/priming/msk-event.json";

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    private final Provider<ForwardingService> service;
    private final RetryPolicy retryPolicy;
    private final KafkaEventDecoder decoder;

    /** The service is resolved only when a snapshot is taken, so that start-up checks the configuration first. */
    public SnapStartPriming(Provider<ForwardingService> service, RetryPolicy retryPolicy) {
        this.service = service;
        this.retryPolicy = retryPolicy;
        this.decoder = new KafkaEventDecoder();
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        KafkaBatch batch = decoder.decode(primingEvent());
        int packed = service.get().warmUp(batch);
        LOG.debugf("Primed for the snapshot: %d records into %d Firehose record(s)", batch.size(), packed);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        retryPolicy.reseed(new SecureRandom().nextLong());
    }

    static byte[] primingEvent() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(PRIMING_EVENT)) {
            if (in == null) {
                throw new IllegalStateException(PRIMING_EVENT + " is missing from the function's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
