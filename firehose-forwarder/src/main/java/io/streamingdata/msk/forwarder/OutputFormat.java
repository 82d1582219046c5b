package io.streamingdata.msk.forwarder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What each Kafka record becomes in the delivery stream. */
public enum OutputFormat {
    /** The record's value as it is, then a newline: what Athena and Glue read directly. */
    VALUE("value"),
    /** One JSON object per record with its coordinates, key, headers and value, then a newline. */
    ENVELOPE("envelope");

    private final String setting;

    OutputFormat(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public static Optional<OutputFormat> parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.setting.equals(wanted)).findFirst();
    }
}
