package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.firehose.local.LocalFirehose;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What reached the local Firehose, as the lines S3 would hold. */
public final class Deliveries {

    private Deliveries() {}

    /** Every line accepted so far, in acceptance order; aggregated Firehose records are split at newlines. */
    public static List<String> lines(LocalFirehose firehose) {
        List<String> lines = new ArrayList<>();
        for (byte[] record : firehose.deliveredRecords(LocalAwsServices.STREAM)) {
            String text = new String(record, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                throw new AssertionError("A Firehose record does not end in a newline: " + text);
            }
            for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** How often each line arrived. */
    public static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        lines.forEach(line -> counts.merge(line, 1, Integer::sum));
        return counts;
    }
}
