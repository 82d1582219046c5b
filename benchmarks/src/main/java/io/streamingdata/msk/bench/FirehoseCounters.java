package io.streamingdata.msk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local Firehose endpoint's counters (its {@code /_local/stats}), summed over its streams. */
record FirehoseCounters(long calls, long records, long bytes) {

    private static final FirehoseCounters NONE = new FirehoseCounters(0, 0, 0);

    static FirehoseCounters read(String endpoint) throws IOException {
        if (endpoint == null) {
            return NONE;
        }
        URL stats = URI.create(endpoint.replaceAll("/+$", "") + "/_local/stats").toURL();
        String json;
        try (InputStream in = stats.openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new FirehoseCounters(sum(json, "calls"), sum(json, "acceptedRecords"), sum(json, "bytes"));
    }

    private static long sum(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    FirehoseCounters plus(FirehoseCounters other) {
        return new FirehoseCounters(calls + other.calls, records + other.records, bytes + other.bytes);
    }

    FirehoseCounters minus(FirehoseCounters other) {
        return new FirehoseCounters(calls - other.calls, records - other.records, bytes - other.bytes);
    }

    String describe(int invocations) {
        return this.equals(NONE)
                ? ""
                : String.format(
                        Locale.ROOT,
                        "  per invocation: %d calls, %d records, %d bytes",
                        calls / invocations,
                        records / invocations,
                        bytes / invocations);
    }

    String keyValues(int invocations) {
        return this.equals(NONE)
                ? ""
                : String.format(
                        Locale.ROOT,
                        " calls=%d records=%d bytes=%d",
                        calls / invocations,
                        records / invocations,
                        bytes / invocations);
    }
}
