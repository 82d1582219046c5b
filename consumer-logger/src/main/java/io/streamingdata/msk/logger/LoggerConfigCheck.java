package io.streamingdata.msk.logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks consumer-logger's settings at start-up, so a wrong deployment fails before the first event with a message
 * that names every variable to fix.
 */
@ApplicationScoped
public class LoggerConfigCheck {

    public static final String INVALID_CONFIGURATION = "consumer-logger cannot start; fix its environment: ";
    public static final String BAD_RANGE = "%s=%d is out of range: use %d to %d";
    /** CloudWatch Logs keeps 256 KiB per event, less 26 bytes of its own. */
    public static final int CLOUDWATCH_MAX_MESSAGE_BYTES = 262_118;
    /** Below this a reduced line (coordinates, reason, a short key) may not fit. */
    public static final int MIN_LINE_BYTES = 4_096;

    private static final Logger LOG = Logger.getLogger(LoggerConfigCheck.class);

    // Early among start-up's observers: in consumer mode the messaging extension builds the consumer's beans at
    // start-up, and a failure there must not hide this report.
    void checkAtStartup(@Observes @Priority(2) StartupEvent event, LoggerConfig config) {
        try {
            verify(config);
        } catch (IllegalStateException e) {
            // On its own line: the framework's report that follows is a stack trace in which it would be hard to find.
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** Throws {@link IllegalStateException} listing every setting out of range. */
    public static void verify(LoggerConfig config) {
        List<String> problems = new ArrayList<>();
        range(problems, "LOG_MAX_VALUE_BYTES", config.maxValueBytes(), 1, CLOUDWATCH_MAX_MESSAGE_BYTES);
        range(problems, "LOG_MAX_KEY_BYTES", config.maxKeyBytes(), 1, CLOUDWATCH_MAX_MESSAGE_BYTES);
        range(problems, "LOG_MAX_LINE_BYTES", config.maxLineBytes(), MIN_LINE_BYTES, CLOUDWATCH_MAX_MESSAGE_BYTES);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(INVALID_CONFIGURATION + String.join("; ", problems) + ".");
        }
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(BAD_RANGE.formatted(name, value, min, max));
        }
    }
}
