package io.streamingdata.msk.firehose.local;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An S3 prefix with Firehose's expressions: {@code !{timestamp:<DateTimeFormatter pattern>}},
 * {@code !{firehose:random-string}} and {@code !{firehose:error-output-type}}. As the service does, a prefix without
 * any {@code timestamp} expression gets {@code yyyy/MM/dd/HH/} (UTC) appended, so an empty prefix is the default layout.
 */
final class KeyTemplate {
    static final String DEFAULT_TIME_PATTERN = "yyyy/MM/dd/HH/";
    private static final String RANDOM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 11;

    private sealed interface Part permits Literal, Timestamp, RandomString, ErrorOutputType {}

    private record Literal(String text) implements Part {}

    private record Timestamp(DateTimeFormatter formatter) implements Part {}

    private record RandomString() implements Part {}

    private record ErrorOutputType() implements Part {}

    private final String source;
    private final List<Part> parts;
    private final boolean hasExpressions;
    private final boolean hasErrorOutputType;

    private KeyTemplate(String source, List<Part> parts, boolean hasExpressions, boolean hasErrorOutputType) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.hasExpressions = hasExpressions;
        this.hasErrorOutputType = hasErrorOutputType;
    }

    static KeyTemplate parse(String prefix) {
        String text = prefix == null ? "" : prefix;
        List<Part> parts = new ArrayList<>();
        boolean expressions = false;
        boolean timestamp = false;
        boolean errorType = false;
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("!{", i);
            if (start < 0) {
                parts.add(new Literal(text.substring(i)));
                break;
            }
            if (start > i) {
                parts.add(new Literal(text.substring(i, start)));
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException(
                        "Unterminated expression in prefix '" + text + "' at index " + start);
            }
            String expression = text.substring(start + 2, end);
            int colon = expression.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Expression '!{" + expression + "}' in prefix '" + text
                        + "' must have the form !{namespace:value}");
            }
            String namespace = expression.substring(0, colon);
            String value = expression.substring(colon + 1);
            expressions = true;
            switch (namespace) {
                case "timestamp" -> {
                    parts.add(new Timestamp(formatter(value, text)));
                    timestamp = true;
                }
                case "firehose" -> {
                    if (value.equals("random-string")) {
                        parts.add(new RandomString());
                    } else if (value.equals("error-output-type")) {
                        parts.add(new ErrorOutputType());
                        errorType = true;
                    } else {
                        throw new IllegalArgumentException("Unknown firehose expression '!{" + expression
                                + "}' in prefix '" + text + "'; supported: random-string, error-output-type");
                    }
                }
                case "partitionKeyFromQuery", "partitionKeyFromLambda" ->
                    throw new IllegalArgumentException(
                            "Dynamic partitioning ('!{" + expression + "}') is not supported by the local endpoint");
                default ->
                    throw new IllegalArgumentException("Unknown expression namespace '" + namespace + "' in prefix '"
                            + text + "'; supported: timestamp, firehose");
            }
            i = end + 1;
        }
        if (!timestamp) {
            parts.add(new Timestamp(formatter(DEFAULT_TIME_PATTERN, text)));
        }
        return new KeyTemplate(text, parts, expressions, errorType);
    }

    private static DateTimeFormatter formatter(String pattern, String prefix) {
        try {
            DateTimeFormatter formatter =
                    DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
            formatter.format(Instant.EPOCH); // fail now, not at delivery time, on fields an instant cannot supply
            return formatter;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException(
                    "Invalid timestamp pattern '" + pattern + "' in prefix '" + prefix + "': " + e.getMessage(), e);
        }
    }

    /** The prefix as configured (before the default time suffix). */
    String source() {
        return source;
    }

    boolean hasExpressions() {
        return hasExpressions;
    }

    boolean hasErrorOutputType() {
        return hasErrorOutputType;
    }

    /**
     * Evaluates the prefix; every timestamp expression uses the same instant (the arrival of the oldest record in the
     * object), as the service documents.
     */
    String evaluate(Instant oldestArrival, String errorOutputType, Random random) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Timestamp ts) {
                out.append(ts.formatter().format(oldestArrival));
            } else if (part instanceof RandomString) {
                for (int i = 0; i < RANDOM_LENGTH; i++) {
                    out.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
                }
            } else if (part instanceof ErrorOutputType) {
                if (errorOutputType == null) {
                    throw new IllegalStateException("!{firehose:error-output-type} outside an error output prefix");
                }
                out.append(errorOutputType);
            }
        }
        return out.toString();
    }
}
