package io.streamingdata.msk.localstack;

import static io.streamingdata.msk.cli.FlagValues.nonEmpty;
import static io.streamingdata.msk.cli.FlagValues.wholeNumber;

import io.streamingdata.msk.cli.CommandLineFlags;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** The producer's command line. */
record ProducerOptions(
        boolean help,
        String bootstrapServers,
        String topic,
        long count,
        double rate,
        String runId,
        long firstSeq,
        long seed,
        boolean quiet,
        int progressSeconds,
        long connectTimeoutMs) {

    static final String USAGE = """
            Usage: scripts/produce [options]

            Sends stock ticks like the original solution's sample producer: values
            {"event_time":"2026-11-25T20:01:01.123","ticker":"AMZN","price":42.17} (ticker from AAPL, AMZN, MSFT,
            INTC, TBV; price 0-100 with two decimals), keyed by ticker, with headers run, seq and source so the
            pipeline can be verified record by record.

            Options:
              --bootstrap-server HOST:PORT  Kafka to write to (default 127.0.0.1:19092)
              --topic NAME                  topic (default ExampleTopic)
              --count N                     records to send (default 1000; 0 = until Ctrl-C)
              --rate R                      records per second (default 0 = as fast as the broker takes them;
                                            the original's sample sends 4 per second: --rate 4)
              --run-id ID                   value of the run header (default: the start time, yyyyMMdd-HHmmss)
              --first-seq N                 seq header of the first record (default 0), to continue a run
              --seed N                      seed of the random ticks (default 42)
              --progress-seconds N          seconds between progress lines (default 2)
              --quiet                       only the summary line
              --connect-timeout-ms N        how long to wait for the broker (default 15000)
              --help                        print this help and exit

            Ends with: produce: topic=T run=ID produced=N acked=N failed=N in S s (R records/s)
            Exit codes: 0 all acknowledged, 1 send failures or no broker, 2 bad arguments.
            """;

    private static final Set<String> VALUE_FLAGS = Set.of(
            "--bootstrap-server",
            "--topic",
            "--count",
            "--rate",
            "--run-id",
            "--first-seq",
            "--seed",
            "--progress-seconds",
            "--connect-timeout-ms");

    static ProducerOptions parse(String[] args) {
        boolean help = false;
        String bootstrap = "127.0.0.1:19092";
        String topic = "ExampleTopic";
        long count = 1000;
        double rate = 0;
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        long seed = 42;
        long firstSeq = 0;
        boolean quiet = false;
        int progress = 2;
        long connectTimeout = 15_000;
        for (CommandLineFlags.Flag f : CommandLineFlags.parse(args, VALUE_FLAGS)) {
            String flag = f.name();
            String value = f.value();
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "--quiet" -> quiet = true;
                case "--bootstrap-server" -> bootstrap = nonEmpty(flag, value);
                case "--topic" -> topic = topicName(value);
                case "--count" -> count = wholeNumber(flag, value, 0, Long.MAX_VALUE);
                case "--rate" -> rate = rate(value);
                case "--run-id" -> runId = nonEmpty(flag, value);
                case "--first-seq" -> firstSeq = wholeNumber(flag, value, 0, Long.MAX_VALUE / 2);
                case "--seed" -> seed = wholeNumber(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--progress-seconds" -> progress = (int) wholeNumber(flag, value, 1, 3600);
                case "--connect-timeout-ms" -> connectTimeout = wholeNumber(flag, value, 100, 600_000);
                default -> throw new IllegalArgumentException("unknown option: " + flag);
            }
        }
        return new ProducerOptions(
                help, bootstrap, topic, count, rate, runId, firstSeq, seed, quiet, progress, connectTimeout);
    }

    private static String topicName(String value) {
        if (!value.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("--topic: '" + value
                    + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
        }
        return value;
    }

    private static double rate(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate needs a number of records per second, got '" + value + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("--rate must be 0 (unlimited) or positive, got '" + value + "'");
        }
        return v;
    }
}
