package io.streamingdata.msk.localstack;

import static io.streamingdata.msk.cli.FlagValues.wholeNumber;

import io.streamingdata.msk.cli.CommandLineFlags;
import java.nio.file.Path;
import java.util.Set;

/** The verifier's command line. */
record VerifierOptions(
        boolean help,
        String runId,
        int expected,
        Path loggerLog,
        String s3Endpoint,
        String bucket,
        String deadLetterBucket,
        String stream,
        String firehoseEndpoint,
        String s3AccessKey,
        String s3SecretKey,
        long timeoutSeconds,
        long pollMillis,
        int progressSeconds,
        boolean quiet) {

    static final String USAGE = """
            Usage: java ... io.streamingdata.msk.localstack.PipelineVerifier --run-id ID --expected N [options]

            Checks that every record of one producer run (headers run=ID, seq=0..N-1) was logged by consumer-logger
            and delivered by firehose-forwarder (OUTPUT_FORMAT=envelope) through the Firehose endpoint into S3, or
            parked in the dead-letter bucket. Waits until that is true or the timeout passes.

            Options:
              --run-id ID               the producer run to check (required)
              --expected N              records the run produced (required)
              --logger-log FILE         consumer-logger's standard output
              --s3-endpoint URL         S3 server (default http://127.0.0.1:18081)
              --bucket NAME             Firehose destination bucket (default local-stack-delivery)
              --dead-letter-bucket NAME dead-letter bucket (default local-stack-dead-letter)
              --stream NAME             delivery stream, for the object key layout (default local-stack-stream)
              --firehose-endpoint URL   endpoint to flush when S3 stops growing (default http://127.0.0.1:4573)
              --s3-access-key KEY, --s3-secret-key KEY   (default test / test)
              --timeout SECONDS         give up after this long (default 120)
              --progress-seconds N      seconds between progress lines (default 2)
              --quiet                   only the summary
              --help                    print this help and exit

            Prints produced=N logged=N delivered=N dead-lettered=N lost=N, then object counts, duplicates and
            whether every key has Firehose's default layout YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>.
            Exit codes: 0 nothing lost and layout ok, 1 otherwise, 2 bad arguments.
            """;

    private static final Set<String> VALUE_FLAGS = Set.of(
            "--run-id",
            "--expected",
            "--logger-log",
            "--s3-endpoint",
            "--bucket",
            "--dead-letter-bucket",
            "--stream",
            "--firehose-endpoint",
            "--s3-access-key",
            "--s3-secret-key",
            "--timeout",
            "--poll-ms",
            "--progress-seconds");

    static VerifierOptions parse(String[] args) {
        boolean help = false;
        String runId = null;
        Integer expected = null;
        Path loggerLog = null;
        String s3 = "http://127.0.0.1:18081";
        String bucket = "local-stack-delivery";
        String deadLetter = "local-stack-dead-letter";
        String stream = "local-stack-stream";
        String firehose = "http://127.0.0.1:4573";
        String accessKey = "test";
        String secretKey = "test";
        long timeout = 120;
        long poll = 500;
        int progress = 2;
        boolean quiet = false;
        for (CommandLineFlags.Flag f : CommandLineFlags.parse(args, VALUE_FLAGS)) {
            String flag = f.name();
            String value = f.value();
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "--quiet" -> quiet = true;
                case "--run-id" -> runId = value;
                case "--expected" -> expected = (int) wholeNumber(flag, value, 0, Integer.MAX_VALUE - 1);
                case "--logger-log" -> loggerLog = Path.of(value);
                case "--s3-endpoint" -> s3 = value;
                case "--bucket" -> bucket = value;
                case "--dead-letter-bucket" -> deadLetter = value.isEmpty() ? null : value;
                case "--stream" -> stream = value;
                case "--firehose-endpoint" -> firehose = value.isEmpty() ? null : value;
                case "--s3-access-key" -> accessKey = value;
                case "--s3-secret-key" -> secretKey = value;
                case "--timeout" -> timeout = wholeNumber(flag, value, 0, 86_400);
                case "--poll-ms" -> poll = wholeNumber(flag, value, 10, 60_000);
                case "--progress-seconds" -> progress = (int) wholeNumber(flag, value, 1, 3600);
                default ->
                    throw new IllegalArgumentException(
                            (flag.startsWith("--") ? "unknown option: " : "unexpected argument: ") + flag);
            }
        }
        if (!help && (runId == null || expected == null)) {
            throw new IllegalArgumentException("--run-id and --expected are required");
        }
        return new VerifierOptions(
                help,
                runId,
                expected == null ? 0 : expected,
                loggerLog,
                s3,
                bucket,
                deadLetter,
                stream,
                firehose,
                accessKey,
                secretKey,
                timeout,
                poll,
                progress,
                quiet);
    }
}
