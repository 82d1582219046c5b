package io.streamingdata.msk.firehose.local;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Direct PUT delivery stream: its name and, optionally, S3 delivery with Firehose's buffering hints, compression,
 * prefix and error output prefix. Defaults follow the service: 5 MiB, 300 s, UNCOMPRESSED, prefix {@code yyyy/MM/dd/HH/}.
 */
public final class StreamConfig {
    /** The service's pattern and length limits for DeliveryStreamName. */
    static final Pattern NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    /** Buffer size hint when none is configured (5 MiB, the service's default). */
    public static final long DEFAULT_BUFFER_SIZE_BYTES = 5L * 1024 * 1024;
    /** Buffer interval hint when none is configured (300 s, the service's default). */
    public static final Duration DEFAULT_BUFFER_INTERVAL = Duration.ofSeconds(300);

    private final String name;
    private final S3Target s3Target;
    private final long bufferSizeBytes;
    private final Duration bufferInterval;
    private final Compression compression;
    private final String prefix;
    private final String errorOutputPrefix;
    private final int s3Attempts;
    private final Duration s3RetryBackoff;
    private final KeyTemplate prefixTemplate;
    private final KeyTemplate errorPrefixTemplate;

    private StreamConfig(Builder b) {
        this.name = b.name;
        this.s3Target = b.s3Target;
        this.bufferSizeBytes = b.bufferSizeBytes;
        this.bufferInterval = b.bufferInterval;
        this.compression = b.compression;
        this.prefix = b.prefix;
        this.errorOutputPrefix = b.errorOutputPrefix;
        this.s3Attempts = b.s3Attempts;
        this.s3RetryBackoff = b.s3RetryBackoff;
        this.prefixTemplate = KeyTemplate.parse(prefix);
        if (prefixTemplate.hasErrorOutputType()) {
            throw new IllegalArgumentException(
                    "Stream " + name + ": !{firehose:error-output-type} is only allowed in the error output prefix");
        }
        if (errorOutputPrefix == null) {
            if (prefixTemplate.hasExpressions()) {
                // The service rejects this configuration as well.
                throw new IllegalArgumentException(
                        "Stream " + name + ": ErrorOutputPrefix is required when Prefix contains expressions");
            }
            this.errorPrefixTemplate = KeyTemplate.parse("!{firehose:error-output-type}/");
        } else {
            this.errorPrefixTemplate = KeyTemplate.parse(errorOutputPrefix);
            if (!errorPrefixTemplate.hasErrorOutputType()) {
                throw new IllegalArgumentException(
                        "Stream " + name + ": ErrorOutputPrefix must contain !{firehose:error-output-type}");
            }
        }
    }

    /** A stream named {@code name}; call {@link Builder#s3Delivery(S3Target)} to deliver to S3. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A stream that only accepts and records data (no S3 delivery). */
    public static StreamConfig of(String name) {
        return builder(name).build();
    }

    /** The DeliveryStreamName. */
    public String name() {
        return name;
    }

    /** Where the stream delivers; empty when it only accepts and records data. */
    public Optional<S3Target> s3Target() {
        return Optional.ofNullable(s3Target);
    }

    /** Buffer size hint in bytes: an object is written once the buffer reaches it. */
    public long bufferSizeBytes() {
        return bufferSizeBytes;
    }

    /** Buffer interval hint: an object is written once its oldest record is this old. */
    public Duration bufferInterval() {
        return bufferInterval;
    }

    /** Compression of the delivered objects. */
    public Compression compression() {
        return compression;
    }

    /** The configured prefix, or null for the default {@code yyyy/MM/dd/HH/}. */
    public String prefix() {
        return prefix;
    }

    /** The configured error output prefix, or null for the default {@code !{firehose:error-output-type}/yyyy/MM/dd/HH/}. */
    public String errorOutputPrefix() {
        return errorOutputPrefix;
    }

    /** S3 write attempts per object before it goes under the error output prefix. */
    public int s3Attempts() {
        return s3Attempts;
    }

    /** Backoff after the first failed S3 write attempt; doubled after each further one. */
    public Duration s3RetryBackoff() {
        return s3RetryBackoff;
    }

    KeyTemplate prefixTemplate() {
        return prefixTemplate;
    }

    KeyTemplate errorPrefixTemplate() {
        return errorPrefixTemplate;
    }

    /** Builder of a {@link StreamConfig}; the name is checked at once, the prefixes at {@link #build()}. */
    public static final class Builder {
        private final String name;
        private S3Target s3Target;
        private long bufferSizeBytes = DEFAULT_BUFFER_SIZE_BYTES;
        private Duration bufferInterval = DEFAULT_BUFFER_INTERVAL;
        private Compression compression = Compression.UNCOMPRESSED;
        private String prefix;
        private String errorOutputPrefix;
        private int s3Attempts = 3;
        private Duration s3RetryBackoff = Duration.ofMillis(100);

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            Checks.argument(
                    NAME_PATTERN.matcher(name).matches(),
                    "Invalid delivery stream name '" + name + "': 1-64 characters of [a-zA-Z0-9_.-]");
            this.name = name;
        }

        /** Deliver accepted records to this S3 target (default: no delivery). */
        public Builder s3Delivery(S3Target target) {
            this.s3Target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** Buffer size hint: an object is written once the buffered data reaches this many bytes (service: 1-128 MiB). */
        public Builder bufferSizeBytes(long bytes) {
            Checks.argument(bytes > 0, "bufferSizeBytes must be positive: " + bytes);
            this.bufferSizeBytes = bytes;
            return this;
        }

        /** Buffer interval hint: an object is written this long after its oldest record arrived (service: 0-900 s). */
        public Builder bufferInterval(Duration interval) {
            this.bufferInterval = Checks.notNegative("bufferInterval", Objects.requireNonNull(interval, "interval"));
            return this;
        }

        /** Compression of the delivered objects (default UNCOMPRESSED). */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /**
         * S3 key prefix with Firehose's expressions ({@code !{timestamp:...}}, {@code !{firehose:random-string}});
         * null (the default) means {@code yyyy/MM/dd/HH/}.
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * Prefix for objects whose delivery failed; must contain {@code !{firehose:error-output-type}}, and is required
         * when the prefix has expressions (as the service requires).
         */
        public Builder errorOutputPrefix(String errorOutputPrefix) {
            this.errorOutputPrefix = errorOutputPrefix;
            return this;
        }

        /**
         * S3 write attempts per object before the batch goes to the error output prefix (default 3), and the first
         * backoff (doubled after each failed attempt; default 100 ms).
         */
        public Builder s3Retries(int attempts, Duration firstBackoff) {
            Checks.argument(attempts >= 1, "attempts must be >= 1: " + attempts);
            this.s3Attempts = attempts;
            this.s3RetryBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException when a prefix is invalid or the prefixes do not fit together
         */
        public StreamConfig build() {
            return new StreamConfig(this);
        }
    }
}
