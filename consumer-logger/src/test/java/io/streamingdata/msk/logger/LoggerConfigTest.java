package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * consumer-logger's settings as SmallRye builds them from the environment variables the README documents; the
 * defaults live only in {@link LoggerConfig}.
 */
class LoggerConfigTest {

    @Test
    void shouldUseTheDefaultsWhenNothingIsSet() {
        LoggerConfig config = build(Map.of());

        assertEquals(8192, config.maxValueBytes());
        assertEquals(1024, config.maxKeyBytes());
        assertEquals(256_000, config.maxLineBytes());
    }

    @Test
    void shouldReadTheDocumentedEnvironmentVariables() {
        LoggerConfig config = build(Map.of("LOG_MAX_VALUE_BYTES", "100", "LOG_MAX_LINE_BYTES", "65536"));

        assertEquals(100, config.maxValueBytes());
        assertEquals(65_536, config.maxLineBytes());
    }

    @Test
    void shouldNameEveryVariableOutOfRange() {
        LoggerConfig config = build(Map.of("LOG_MAX_VALUE_BYTES", "0", "LOG_MAX_LINE_BYTES", "1000"));

        String message = assertThrows(IllegalStateException.class, () -> LoggerConfigCheck.verify(config))
                .getMessage();

        assertTrue(
                message.contains(LoggerConfigCheck.BAD_RANGE.formatted(
                        "LOG_MAX_VALUE_BYTES", 0, 1, LoggerConfigCheck.CLOUDWATCH_MAX_MESSAGE_BYTES)),
                message);
        assertTrue(
                message.contains(LoggerConfigCheck.BAD_RANGE.formatted(
                        "LOG_MAX_LINE_BYTES",
                        1000,
                        LoggerConfigCheck.MIN_LINE_BYTES,
                        LoggerConfigCheck.CLOUDWATCH_MAX_MESSAGE_BYTES)),
                message);
    }

    /** The mapping as the function gets it from an environment holding exactly {@code environment}. */
    static LoggerConfig build(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(LoggerConfig.class)
                .withSources(new EnvConfigSource(new HashMap<>(environment), 300))
                .build();
        return config.getConfigMapping(LoggerConfig.class);
    }
}
