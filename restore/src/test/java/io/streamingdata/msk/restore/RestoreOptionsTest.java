package io.streamingdata.msk.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T17:00:00Z");

    @Test
    void shouldReadTimesInEveryDocumentedForm() {
        RestoreOptions options =
                parse("--bucket", "b", "--from", "2026-12-01", "--to", "2026-12-02T10:00:00+01:00", "--dry-run");

        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), options.from);
        assertEquals(Instant.parse("2026-12-02T09:00:00Z"), options.to);
        assertEquals(Instant.ofEpochMilli(1764100800000L), RestoreOptions.time("--from", "1764100800000", NOW));
        assertEquals(NOW, parse("--bucket", "b", "--from", "2026-12-01", "--dry-run").to);
    }

    @Test
    void shouldTakeTheBrokersFromConsumerModesVariable() {
        RestoreOptions options = RestoreOptions.parse(
                new String[] {"--bucket", "b", "--from", "2026-12-01"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "b-1:9098")::get,
                NOW);

        assertEquals("b-1:9098", options.bootstrapServers.orElseThrow());
        assertEquals(30, options.kafkaTimeoutSeconds);
        assertEquals(
                5,
                parse("--bucket", "b", "--from", "2026-12-01", "--dry-run", "--kafka-timeout", "5")
                        .kafkaTimeoutSeconds);
    }

    @Test
    void shouldRefuseMistakesWithAMessageThatSaysWhatToDo() {
        assertError(
                RestoreOptions.BAD_WINDOW.formatted("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"),
                "--bucket",
                "b",
                "--from",
                "2026-12-02",
                "--to",
                "2026-12-01",
                "--dry-run");
        assertError(
                RestoreOptions.FUTURE_WINDOW.formatted("2026-12-03T00:00:00Z"),
                "--bucket",
                "b",
                "--from",
                "2026-12-03",
                "--to",
                "2026-12-04",
                "--dry-run");
        assertError(
                RestoreOptions.BAD_TIME.formatted("--from", "yesterday"),
                "--bucket",
                "b",
                "--from",
                "yesterday",
                "--dry-run");
        assertError(
                RestoreOptions.VALUES_NEED_TARGET,
                "--bucket",
                "b",
                "--from",
                "2026-12-01",
                "--values-only",
                "--dry-run");
        assertError(RestoreOptions.NEEDS_BOOTSTRAP, "--bucket", "b", "--from", "2026-12-01");
        assertError(
                RestoreOptions.BAD_OFFSETS.formatted(9, 3),
                "--bucket",
                "b",
                "--from",
                "2026-12-01",
                "--from-offset",
                "9",
                "--to-offset",
                "3",
                "--dry-run");
        assertError(
                "--partition needs a whole number, got 'x'",
                "--bucket",
                "b",
                "--from",
                "2026-12-01",
                "--partition",
                "x");
        assertError(
                "--kafka-timeout must be between 1 and 3600, got 0",
                "--bucket",
                "b",
                "--from",
                "2026-12-01",
                "--kafka-timeout",
                "0");
        assertError("unknown flag --bucketz", "--bucketz", "b");
        assertError("--topic needs a value", "--bucket", "b", "--topic");
    }

    private static void assertError(String message, String... args) {
        assertEquals(
                message,
                assertThrows(
                                RestoreOptions.UsageError.class,
                                () -> RestoreOptions.parse(args, Map.<String, String>of()::get, NOW))
                        .getMessage());
    }

    private static RestoreOptions parse(String... args) {
        return RestoreOptions.parse(args, Map.<String, String>of()::get, NOW);
    }
}
