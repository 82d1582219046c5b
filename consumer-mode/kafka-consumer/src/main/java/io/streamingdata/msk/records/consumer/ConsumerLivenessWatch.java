package io.streamingdata.msk.records.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Consumer mode never stays up without consuming. A batch the function could not handle ends the process at once
 * ({@link ExitOnFailure}); but the Kafka connector can also give up on its channel by itself (a record left
 * unacknowledged past the stall limit, a poll loop that broke): it closes its consumer, leaves the group and reports
 * the channel not alive, while the process would go on running. This watch reads that liveness report every second
 * and ends the process through {@link ConsumerExit}, naming the connector's reason.
 */
@ApplicationScoped
public class ConsumerLivenessWatch {

    public static final String NOT_ALIVE = "Consumer mode stopped consuming: %s";

    static final long CHECK_INTERVAL_MILLIS = 1_000;
    static final int MAX_REASON_CHARS = 2_000;

    private static final Logger LOG = Logger.getLogger(ConsumerLivenessWatch.class);

    private final Supplier<HealthReport> liveness;
    private final ConsumerExit exit;
    private ScheduledExecutorService timer;

    @Inject
    public ConsumerLivenessWatch(HealthCenter health, ConsumerExit exit) {
        this(health::getLiveness, exit);
    }

    ConsumerLivenessWatch(Supplier<HealthReport> liveness, ConsumerExit exit) {
        this.liveness = liveness;
        this.exit = exit;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "consumer-liveness-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One look at the connector's liveness; ends the process when a channel is not alive. */
    void check() {
        HealthReport report;
        try {
            report = liveness.get();
        } catch (RuntimeException e) {
            // A report that cannot be built (during shutdown, for example) says nothing about the consumer.
            LOG.debugf(e, "Could not read the consumer's liveness");
            return;
        }
        if (!report.isOk()) {
            exit.exit(NOT_ALIVE.formatted(describe(report)));
        }
    }

    /**
     * The reasons of the channels that are not alive, each once: the connector joins its last failures into one
     * message, so the same failure reported twice (by the failure strategy and by the stream) would read twice.
     */
    static String describe(HealthReport report) {
        Set<String> reasons = new LinkedHashSet<>();
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            if (!channel.isOk()) {
                String message = channel.getMessage();
                reasons.add(
                        message == null || message.isBlank()
                                ? "channel '" + channel.getChannel() + "' is not alive"
                                : withoutRepeats(message));
            }
        }
        String joined = String.join("; ", reasons);
        return joined.length() <= MAX_REASON_CHARS ? joined : joined.substring(0, MAX_REASON_CHARS) + "...";
    }

    /** {@code "abcabc"} becomes {@code "abc"}: a text made of one text repeated is that text. */
    static String withoutRepeats(String text) {
        int period = (text + text).indexOf(text, 1);
        return period < text.length() ? text.substring(0, period) : text;
    }
}
