package io.streamingdata.msk.logger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of consumer-logger, each read from the environment variable its description names: the prefix
 * {@code log} makes SmallRye map {@code LOG_MAX_VALUE_BYTES} to {@code log.max-value-bytes} without any line in
 * {@code application.properties}, so the defaults below are the only ones. {@link LoggerConfigCheck} checks them at
 * start-up.
 */
@ConfigMapping(prefix = "log")
public interface LoggerConfig {

    /**
     * {@code LOG_MAX_VALUE_BYTES}: values and header values longer than this are cut in the log line (the line keeps
     * the original size). CloudWatch Logs accepts events of up to 256 KiB.
     */
    @WithDefault("8192")
    int maxValueBytes();

    /** {@code LOG_MAX_KEY_BYTES}: keys longer than this are cut in the log line. */
    @WithDefault("1024")
    int maxKeyBytes();

    /**
     * {@code LOG_MAX_LINE_BYTES}: no log line is longer than this; a record whose line would be is logged in a reduced
     * form that says what it left out. CloudWatch Logs keeps at most 262,118 bytes of an event's message.
     */
    @WithDefault("256000")
    int maxLineBytes();
}
