package io.streamingdata.msk.forwarder.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The values of {@code FAILURE_STRATEGY}. */
public enum StrategyName {
    FAIL("fail"),
    REPORT_BATCH_ITEM_FAILURES("report-batch-item-failures"),
    DEAD_LETTER("dead-letter");

    /** Every setting, in the order the documentation lists them. */
    public static final List<String> SETTINGS =
            Arrays.stream(values()).map(StrategyName::setting).toList();

    private final String setting;

    StrategyName(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** Case and surrounding blanks do not matter, as in every other setting. */
    public static Optional<StrategyName> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(name -> name.setting.equals(wanted))
                .findFirst();
    }
}
