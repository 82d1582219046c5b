package io.streamingdata.msk.records.consumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The {@code records} channel's failure strategy {@value #NAME}: a batch the function could not handle stops the
 * consumer without committing it (as the connector's {@code fail} does) and ends the process through
 * {@link ConsumerExit}, so that a supervisor starts it again and it reads the batch anew. Unlike {@code fail}, which
 * a batch triggers once per record (logging each time, with the stack trace), the first failure is reported once and
 * the rest are refused quietly: the consumer is stopping anyway.
 */
public final class ExitOnFailure implements KafkaFailureHandler {

    public static final String NAME = "exit";

    private final BiConsumer<Throwable, Boolean> reportFailure;
    private final ConsumerExit exit;
    private final AtomicBoolean stopping = new AtomicBoolean();

    ExitOnFailure(BiConsumer<Throwable, Boolean> reportFailure, ConsumerExit exit) {
        this.reportFailure = reportFailure;
        this.exit = exit;
    }

    /** Creates the strategy for each channel that names it. */
    @ApplicationScoped
    @Identifier(NAME)
    public static class Factory implements KafkaFailureHandler.Factory {

        private final ConsumerExit exit;

        public Factory(ConsumerExit exit) {
            this.exit = exit;
        }

        @Override
        public KafkaFailureHandler create(
                KafkaConnectorIncomingConfiguration config,
                Vertx vertx,
                KafkaConsumer<?, ?> consumer,
                BiConsumer<Throwable, Boolean> reportFailure) {
            return new ExitOnFailure(reportFailure, exit);
        }
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        if (stopping.compareAndSet(false, true)) {
            // Fatal: the connector closes the consumer, so nothing more is polled or committed.
            reportFailure.accept(reason, true);
            exit.exit(ConsumerLivenessWatch.NOT_ALIVE.formatted(reason.getMessage()));
        }
        return Uni.createFrom().<Void>failure(reason).emitOn(record::runOnMessageContext);
    }
}
