package io.streamingdata.msk.logger;

import io.quarkus.runtime.Startup;
import io.streamingdata.msk.records.lambda.PrimingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart hook: before the snapshot, decodes the bundled {@link PrimingEvent} and formats its lines into a sink
 * that discards them, so the first invocation after a restore finds that code loaded and warm. Nothing reaches the
 * function's log, and nothing outside the package is read. Outside SnapStart (and in tests) the hook is never called.
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private final LoggerConfig config;

    public SnapStartPriming(LoggerConfig config) {
        this.config = config;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // The logger holds no state that must differ between restored environments.
    }

    /** Logs the priming event into a discarding sink; returns its summary. */
    LogSummary prime() {
        return new RecordLoggingService(new DiscardingSink(), config).log(PrimingEvent.decode());
    }

    /** Keeps nothing it is given. */
    static final class DiscardingSink implements LogSink {
        @Override
        public void write(byte[] buffer, int offset, int length) {}

        @Override
        public void flush() {}
    }
}
