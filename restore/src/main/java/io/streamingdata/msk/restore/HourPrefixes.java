package io.streamingdata.msk.restore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where Firehose put the objects of each UTC hour of a window, from the stream's S3 prefix: as the service does, a
 * prefix without a {@code !{timestamp:...}} expression gets {@code yyyy/MM/dd/HH/} appended (so the default layout is
 * {@code <prefix>YYYY/MM/DD/HH/}); timestamp expressions are filled in with the hour; other expressions
 * ({@code !{firehose:random-string}}, {@code !{partitionKeyFromQuery:...}}) match any text without a slash, so the
 * listing starts at the text before the first of them and keys are matched against the rest.
 */
final class HourPrefixes {

    static final String DEFAULT_TIME_PATTERN = "yyyy/MM/dd/HH/";
    static final String BAD_EXPRESSION = "--prefix %s: %s. Use the delivery stream's S3 prefix as configured, for "
            + "example data/ or data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";

    private sealed interface Part permits Literal, Timestamp, Wildcard {}

    private record Literal(String text) implements Part {}

    private record Timestamp(DateTimeFormatter formatter) implements Part {}

    private record Wildcard() implements Part {}

    /** Keys under {@code listPrefix} that match one of {@code patterns} belong to the window. */
    record Listing(String listPrefix, List<Pattern> patterns) {
        boolean matches(String key) {
            return patterns.stream().anyMatch(pattern -> pattern.matcher(key).matches());
        }
    }

    private final List<Part> parts;

    private HourPrefixes(List<Part> parts) {
        this.parts = parts;
    }

    static HourPrefixes parse(String prefix) {
        List<Part> parts = new ArrayList<>();
        boolean timestamp = false;
        int i = 0;
        while (i < prefix.length()) {
            int start = prefix.indexOf("!{", i);
            if (start < 0) {
                parts.add(new Literal(prefix.substring(i)));
                break;
            }
            if (start > i) {
                parts.add(new Literal(prefix.substring(i, start)));
            }
            int end = prefix.indexOf('}', start);
            if (end < 0) {
                throw new UserMistake(BAD_EXPRESSION.formatted(prefix, "an expression is not closed with }"));
            }
            String expression = prefix.substring(start + 2, end);
            if (expression.startsWith("timestamp:")) {
                parts.add(new Timestamp(formatter(expression.substring("timestamp:".length()), prefix)));
                timestamp = true;
            } else if (expression.equals("firehose:random-string")
                    || expression.startsWith("partitionKeyFromQuery:")
                    || expression.startsWith("partitionKeyFromLambda:")) {
                parts.add(new Wildcard());
            } else {
                throw new UserMistake(BAD_EXPRESSION.formatted(
                        prefix, "!{" + expression + "} is not an expression Firehose writes into object keys"));
            }
            i = end + 1;
        }
        if (!timestamp) {
            parts.add(new Timestamp(formatter(DEFAULT_TIME_PATTERN, prefix)));
        }
        return new HourPrefixes(List.copyOf(parts));
    }

    private static DateTimeFormatter formatter(String pattern, String prefix) {
        try {
            DateTimeFormatter formatter =
                    DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
            formatter.format(Instant.EPOCH);
            return formatter;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UserMistake(
                    BAD_EXPRESSION.formatted(
                            prefix, "the timestamp pattern " + pattern + " is invalid (" + e.getMessage() + ")"),
                    e);
        }
    }

    /** The listings for every UTC hour from {@code first} to {@code last} (inclusive), one per distinct prefix. */
    List<Listing> listings(Instant first, Instant last) {
        Map<String, List<Pattern>> byPrefix = new LinkedHashMap<>();
        for (Instant hour = first.truncatedTo(ChronoUnit.HOURS);
                !hour.isAfter(last);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            StringBuilder literal = new StringBuilder();
            StringBuilder regex = new StringBuilder();
            boolean wild = false;
            for (Part part : parts) {
                String text = part instanceof Literal l
                        ? l.text()
                        : part instanceof Timestamp t ? t.formatter().format(hour) : null;
                if (text == null) {
                    wild = true;
                    regex.append("[^/]*");
                } else {
                    if (!wild) {
                        literal.append(text);
                    }
                    regex.append(Pattern.quote(text));
                }
            }
            Pattern pattern = Pattern.compile(regex + ".*", Pattern.DOTALL);
            byPrefix.computeIfAbsent(literal.toString(), k -> new ArrayList<>()).add(pattern);
        }
        List<Listing> listings = new ArrayList<>();
        byPrefix.forEach((prefix, patterns) -> listings.add(new Listing(prefix, List.copyOf(patterns))));
        return listings;
    }
}
