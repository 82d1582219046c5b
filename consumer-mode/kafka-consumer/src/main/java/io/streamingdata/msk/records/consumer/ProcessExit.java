package io.streamingdata.msk.records.consumer;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Exits the application with {@link ConsumerExit#STATUS}: a normal shutdown first (the connector commits what was
 * handled and leaves the group), then, if that hangs (a thread blocked on a write that never returns), a halt.
 */
@ApplicationScoped
@DefaultBean
public class ProcessExit implements ConsumerExit {

    public static final String MESSAGE = "%s. Offsets are committed only for handled records, so nothing unhandled "
            + "was committed. Exiting with status %d so that a supervisor (scripts/stack, systemd, Kubernetes, ECS) "
            + "starts the consumer again; it resumes from the last committed offset.";

    /** Time the normal shutdown gets before the process is halted. */
    static final long HALT_AFTER_MILLIS = 30_000;

    private static final Logger LOG = Logger.getLogger(ProcessExit.class);

    private final AtomicBoolean exiting = new AtomicBoolean();

    @Override
    public void exit(String reason) {
        if (!exiting.compareAndSet(false, true)) {
            return;
        }
        String message =
                MESSAGE.formatted(reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason, STATUS);
        LOG.error(message);
        if (System.out.checkError()) {
            // Standard output is broken (the logger's own failure), so the log line above went nowhere.
            System.err.println(message);
        }
        Thread halt = new Thread(ProcessExit::haltLater, "consumer-exit-halt");
        halt.setDaemon(true);
        halt.start();
        Quarkus.asyncExit(STATUS);
    }

    private static void haltLater() {
        try {
            TimeUnit.MILLISECONDS.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.printf(
                "Consumer mode: the shutdown took longer than %d ms; halting with status %d%n",
                HALT_AFTER_MILLIS, STATUS);
        Runtime.getRuntime().halt(STATUS);
    }
}
