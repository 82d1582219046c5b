package io.streamingdata.msk.forwarder;

import io.quarkus.runtime.StartupEvent;
import io.streamingdata.msk.forwarder.strategy.StrategyName;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks firehose-forwarder's settings at start-up: every problem is collected and reported at once, naming the
 * environment variable and what to set, so a wrong deployment fails before the first record.
 */
@ApplicationScoped
public class ForwarderConfigCheck {

    /** Firehose's largest record, in bytes of data before base64 (1,000 KiB). */
    public static final int FIREHOSE_MAX_RECORD_BYTES = 1_024_000;

    public static final String INVALID_CONFIGURATION = "firehose-forwarder cannot start; fix its environment: ";
    public static final String STREAM_REQUIRED =
            "DELIVERY_STREAM_NAME is not set: name the Firehose delivery stream (Direct PUT) to write to";
    public static final String BAD_STREAM_NAME = "DELIVERY_STREAM_NAME=%s is not a valid delivery stream name (1-64 "
            + "characters: letters, digits, '_', '.', '-')";
    public static final String BAD_ENDPOINT =
            "AWS_ENDPOINT_URL_FIREHOSE=%s is not an http(s) URL such as http://127.0.0.1:4573";
    public static final String BAD_FORMAT = "OUTPUT_FORMAT=%s is not one of value, envelope";
    public static final String BAD_RANGE = "%s=%d is out of range: use %d to %d";
    public static final String BAD_STRATEGY = "FAILURE_STRATEGY=%s is not one of " + StrategyName.SETTINGS;
    public static final String BAD_BUCKET = "DEAD_LETTER_BUCKET=%s is not a valid S3 bucket name";
    public static final String DEAD_LETTER_NEEDS_BUCKET = "FAILURE_STRATEGY=dead-letter needs DEAD_LETTER_BUCKET";

    private static final Logger LOG = Logger.getLogger(ForwarderConfigCheck.class);

    // Early among start-up's observers: in consumer mode the messaging extension builds the consumer's beans (the
    // forwarder's Firehose client with them) at start-up, and their failure must not hide this report.
    void checkAtStartup(@Observes @Priority(2) StartupEvent event, ForwarderConfig config) {
        try {
            verify(config);
        } catch (IllegalStateException e) {
            // On its own line: the framework's report that follows is a stack trace in which it would be hard to find.
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** Throws {@link IllegalStateException} naming every setting to fix. */
    public static void verify(ForwarderConfig config) {
        List<String> problems = new ArrayList<>();
        String stream = config.deliveryStreamName();
        if (stream.isEmpty()) {
            problems.add(STREAM_REQUIRED);
        } else if (!stream.matches("[a-zA-Z0-9_.-]{1,64}")) {
            problems.add(BAD_STREAM_NAME.formatted(stream));
        }
        config.firehoseEndpointText()
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .filter(text -> !isHttpUrl(text))
                .ifPresent(text -> problems.add(BAD_ENDPOINT.formatted(text)));
        if (OutputFormat.parse(config.outputFormatText()).isEmpty()) {
            problems.add(BAD_FORMAT.formatted(config.outputFormatText()));
        }
        range(problems, "AGGREGATION_MAX_BYTES", config.aggregationMaxBytes(), 1024, FIREHOSE_MAX_RECORD_BYTES);
        range(problems, "FIREHOSE_MAX_CONCURRENCY", config.maxConcurrency(), 1, 64);
        range(problems, "FIREHOSE_MAX_ATTEMPTS", config.maxAttempts(), 1, 100);
        range(problems, "FIREHOSE_BACKOFF_BASE_MS", config.backoffBaseMs(), 1, 60_000);
        range(problems, "FIREHOSE_BACKOFF_MAX_MS", config.backoffMaxMs(), config.backoffBaseMs(), 300_000);
        range(problems, "FIREHOSE_CALL_TIMEOUT_MS", config.callTimeoutMs(), 100, 600_000);
        range(problems, "TIME_SAFETY_MARGIN_MS", config.timeSafetyMarginMs(), 0, 600_000);
        range(problems, "RETRY_BUDGET_MS", config.retryBudgetMs(), 1_000, 3_600_000);
        boolean strategyKnown = StrategyName.parse(config.failureStrategyText()).isPresent();
        if (!strategyKnown) {
            problems.add(BAD_STRATEGY.formatted(config.failureStrategyText()));
        }
        config.deadLetterBucket()
                .filter(name -> !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"))
                .ifPresent(name -> problems.add(BAD_BUCKET.formatted(name)));
        if (strategyKnown
                && config.failureStrategy() == StrategyName.DEAD_LETTER
                && config.deadLetterBucket().isEmpty()) {
            problems.add(DEAD_LETTER_NEEDS_BUCKET);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(INVALID_CONFIGURATION + String.join("; ", problems) + ".");
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void range(List<String> problems, String name, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(BAD_RANGE.formatted(name, value, min, max));
        }
    }
}
