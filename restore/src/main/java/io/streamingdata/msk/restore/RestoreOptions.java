package io.streamingdata.msk.restore;

import io.streamingdata.msk.cli.CommandLineFlags;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** The command line of {@code scripts/restore}; {@link #USAGE} documents every flag. */
final class RestoreOptions {

    static final String USAGE = """
            Usage: scripts/restore --bucket BUCKET --from TIME [--to TIME] [options]

            Reads firehose-forwarder's backup (OUTPUT_FORMAT=envelope) from S3 and produces the records back into
            Kafka: key, headers, value and timestamp as they were, de-duplicated on topic, partition and offset, each
            partition in offset order.

            Where the backup is:
              --bucket BUCKET            the delivery stream's bucket (required)
              --prefix PREFIX            the stream's S3 prefix (default: none). Without !{timestamp:...} Firehose
                                         appends YYYY/MM/DD/HH/ (UTC); with expressions, give it as configured
              --s3-endpoint URL          an S3-compatible endpoint instead of AWS (for example s3proxy)
              --path-style               path-style S3 addressing (local S3-compatible servers)
              --region REGION            AWS region (default: the SDK's chain: AWS_REGION, profile)
              --dead-letters             also replay the forwarder's dead letters (records Firehose never took)
              --dead-letter-bucket B     their bucket (default: --bucket)
              --dead-letter-prefix P     their key prefix (default: dead-letter/)
            What to restore:
              --from TIME, --to TIME     record timestamps from (inclusive) to (exclusive): 2026-12-02T10:00:00Z,
                                         2026-12-02T10:00:00+01:00, 2026-12-02 (midnight UTC), epoch milliseconds,
                                         or now (the default for --to)
              --key-slack HOURS          also list this many UTC hours of objects before and after the window,
                                         since Firehose names an object by arrival, not record time (default: 1)
              --topic T                  only records of this topic
              --partition N              only this partition
              --from-offset N, --to-offset N   only offsets in this range (both inclusive)
              --values-only              restore a value-format backup's values alone (no key, headers, timestamp
                                         or de-duplication); needs --target-topic
            Where to:
              --bootstrap-server HOSTS   Kafka brokers (default: KAFKA_BOOTSTRAP_SERVERS)
              --target-topic T           produce into T instead of each record's own topic
              --keep-partition           each record into its original partition (the target needs as many)
              --create-topic             create a missing target topic, with as many partitions as the backup has
              --kafka-timeout SECONDS    how long to wait for the brokers' answers before saying Kafka cannot be
                                         reached (default: 30)
            Run:
              --dry-run                  read and check only: counts, offsets and gaps per partition; no Kafka
              --progress-objects N       a progress line on stderr every N objects (default: 100)
              --progress-records N       and every N records produced (default: 100000)
              -h, --help                 this text

            Kafka security, as in the functions' consumer mode: KAFKA_SECURITY_PROTOCOL (PLAINTEXT, SSL, SASL_SSL),
            KAFKA_SASL_MECHANISM (AWS_MSK_IAM, SCRAM-SHA-512), KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD,
            KAFKA_SSL_TRUSTSTORE_LOCATION, KAFKA_SSL_TRUSTSTORE_PASSWORD. S3 credentials: the default AWS chain.

            Ends with: restored=N duplicates-skipped=N filtered=N objects=N dead-letters=N unrestorable=N failed=N.
            Exit status: 0 everything selected was restored, 1 something could not be (or a run-time error),
            2 a mistake in the flags.
            """;

    static final String BAD_WINDOW = "--to %s is not after --from %s: the window holds record timestamps from --from "
            + "(inclusive) to --to (exclusive)";
    static final String FUTURE_WINDOW = "--from %s is in the future: no record can have a timestamp there yet";
    static final String BAD_TIME = "%s %s is not a time: use 2026-12-02T10:00:00Z, 2026-12-02T10:00:00+01:00, "
            + "2026-12-02, epoch milliseconds or now";
    static final String VALUES_NEED_TARGET =
            "--values-only needs --target-topic: value-format lines do not say which topic they came from";
    static final String VALUES_KEEP_PARTITION =
            "--values-only cannot --keep-partition: value-format lines do not say which partition they came from";
    static final String NEEDS_BOOTSTRAP = "say where to restore to: --bootstrap-server HOST:PORT (or set "
            + "KAFKA_BOOTSTRAP_SERVERS), or --dry-run to only check the backup";
    static final String BAD_OFFSETS = "--from-offset %d is after --to-offset %d";

    /** Every flag that takes a value; the others are switches. */
    private static final Set<String> VALUE_FLAGS = Set.of(
            "--bucket",
            "--prefix",
            "--s3-endpoint",
            "--region",
            "--dead-letter-bucket",
            "--dead-letter-prefix",
            "--from",
            "--to",
            "--key-slack",
            "--topic",
            "--partition",
            "--from-offset",
            "--to-offset",
            "--bootstrap-server",
            "--target-topic",
            "--kafka-timeout",
            "--progress-objects",
            "--progress-records");

    String bucket;
    String prefix = "";
    Optional<String> s3Endpoint = Optional.empty();
    boolean pathStyle;
    Optional<String> region = Optional.empty();
    boolean deadLetters;
    Optional<String> deadLetterBucket = Optional.empty();
    String deadLetterPrefix = "dead-letter/";
    Instant from;
    Instant to;
    int keySlackHours = 1;
    Optional<String> topic = Optional.empty();
    OptionalInt partition = OptionalInt.empty();
    OptionalLong fromOffset = OptionalLong.empty();
    OptionalLong toOffset = OptionalLong.empty();
    boolean valuesOnly;
    Optional<String> bootstrapServers = Optional.empty();
    Optional<String> targetTopic = Optional.empty();
    boolean keepPartition;
    boolean createTopic;
    boolean dryRun;
    int kafkaTimeoutSeconds = 30;
    int progressObjects = 100;
    int progressRecords = 100_000;
    boolean help;

    /** Parses and checks the flags; a mistake is a {@link UsageError} naming the flag. */
    static RestoreOptions parse(String[] args, Function<String, String> environment, Instant now) {
        RestoreOptions options = new RestoreOptions();
        String fromText = null;
        String toText = "now";
        for (CommandLineFlags.Flag f : flags(args)) {
            String flag = f.name();
            String value = f.value();
            switch (flag) {
                case "-h", "--help" -> options.help = true;
                case "--path-style" -> options.pathStyle = true;
                case "--dead-letters" -> options.deadLetters = true;
                case "--values-only" -> options.valuesOnly = true;
                case "--keep-partition" -> options.keepPartition = true;
                case "--create-topic" -> options.createTopic = true;
                case "--dry-run" -> options.dryRun = true;
                case "--bucket" -> options.bucket = value;
                case "--prefix" -> options.prefix = value;
                case "--s3-endpoint" -> options.s3Endpoint = Optional.of(value);
                case "--region" -> options.region = Optional.of(value);
                case "--dead-letter-bucket" -> options.deadLetterBucket = Optional.of(value);
                case "--dead-letter-prefix" -> options.deadLetterPrefix = value;
                case "--from" -> fromText = value;
                case "--to" -> toText = value;
                case "--key-slack" -> options.keySlackHours = (int) number(flag, value, 0, 24 * 31);
                case "--topic" -> options.topic = Optional.of(value);
                case "--partition" ->
                    options.partition = OptionalInt.of((int) number(flag, value, 0, Integer.MAX_VALUE));
                case "--from-offset" -> options.fromOffset = OptionalLong.of(number(flag, value, 0, Long.MAX_VALUE));
                case "--to-offset" -> options.toOffset = OptionalLong.of(number(flag, value, 0, Long.MAX_VALUE));
                case "--bootstrap-server" -> options.bootstrapServers = Optional.of(value);
                case "--target-topic" -> options.targetTopic = Optional.of(value);
                case "--kafka-timeout" -> options.kafkaTimeoutSeconds = (int) number(flag, value, 1, 3600);
                case "--progress-objects" -> options.progressObjects = (int) number(flag, value, 1, Integer.MAX_VALUE);
                case "--progress-records" -> options.progressRecords = (int) number(flag, value, 1, Integer.MAX_VALUE);
                default -> throw new UsageError("unknown flag " + flag);
            }
        }
        if (options.help) {
            return options;
        }
        if (options.bucket == null || options.bucket.isBlank()) {
            throw new UsageError("--bucket is required: the delivery stream's S3 bucket");
        }
        if (fromText == null) {
            throw new UsageError("--from is required: the earliest record timestamp to restore (for example "
                    + now.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS) + ")");
        }
        options.from = time("--from", fromText, now);
        options.to = time("--to", toText, now);
        if (!options.to.isAfter(options.from)) {
            throw new UsageError(BAD_WINDOW.formatted(options.to, options.from));
        }
        if (options.from.isAfter(now)) {
            throw new UsageError(FUTURE_WINDOW.formatted(options.from));
        }
        if (options.fromOffset.isPresent()
                && options.toOffset.isPresent()
                && options.fromOffset.getAsLong() > options.toOffset.getAsLong()) {
            throw new UsageError(BAD_OFFSETS.formatted(options.fromOffset.getAsLong(), options.toOffset.getAsLong()));
        }
        if (options.valuesOnly && options.targetTopic.isEmpty()) {
            throw new UsageError(VALUES_NEED_TARGET);
        }
        if (options.valuesOnly && options.keepPartition) {
            throw new UsageError(VALUES_KEEP_PARTITION);
        }
        if (options.bootstrapServers.isEmpty()) {
            options.bootstrapServers = Optional.ofNullable(environment.apply("KAFKA_BOOTSTRAP_SERVERS"))
                    .filter(s -> !s.isBlank());
        }
        if (!options.dryRun && options.bootstrapServers.isEmpty()) {
            throw new UsageError(NEEDS_BOOTSTRAP);
        }
        return options;
    }

    String deadLetterBucketName() {
        return deadLetterBucket.orElse(bucket);
    }

    private static List<CommandLineFlags.Flag> flags(String[] args) {
        try {
            return CommandLineFlags.parse(args, VALUE_FLAGS);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static long number(String flag, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new UsageError(flag + " must be between " + min + " and " + max + ", got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageError(flag + " needs a whole number, got '" + value + "'");
        }
    }

    static Instant time(String flag, String text, Instant now) {
        if (text.equals("now")) {
            return now;
        }
        try {
            if (text.matches("\\d{1,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new UsageError(BAD_TIME.formatted(flag, text));
        }
    }

    /** A mistake in the flags: exit status 2, with the usage hint. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
