package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A wrong configuration stops the packaged function, or its consumer-mode application, at start-up, before its first
 * event, with a message naming the variable to fix: the way a user meets it, running the jar.
 */
class PackagedFunctionStartupTest {

    private static final Path LOGGER = Scripts.runnerJar("consumer-logger");
    private static final Path FORWARDER = Scripts.runnerJar("firehose-forwarder");
    private static final Path LOGGER_CONSUMER_MODE = Scripts.consumerModeJar("consumer-logger");
    private static final Path FORWARDER_CONSUMER_MODE = Scripts.consumerModeJar("firehose-forwarder");

    @Test
    void theForwarderRefusesToStartWithoutADeliveryStream() throws Exception {
        Started started = start(FORWARDER, Map.of("OUTPUT_FORMAT", "parquet"));

        assertRefused(started, "firehose-forwarder cannot start; fix its environment: DELIVERY_STREAM_NAME is not set");
        assertRefused(started, "OUTPUT_FORMAT=parquet is not one of value, envelope");
    }

    @Test
    void theLoggerRefusesALineLimitCloudWatchWouldCut() throws Exception {
        Started started = start(LOGGER, Map.of("LOG_MAX_LINE_BYTES", "300000"));

        assertRefused(
                started,
                "consumer-logger cannot start; fix its environment: "
                        + "LOG_MAX_LINE_BYTES=300000 is out of range: use 4096 to 262118");
    }

    @Test
    void theConsumerModeApplicationRefusesToRunInsideLambda() throws Exception {
        Started started = start(LOGGER_CONSUMER_MODE, Map.of("AWS_LAMBDA_FUNCTION_NAME", "consumer-logger-dev"));

        assertRefused(started, "consumer mode does not run inside AWS Lambda (function consumer-logger-dev)");
    }

    @Test
    void consumerModeRefusesIncompleteSecuritySettings() throws Exception {
        Started started = start(LOGGER_CONSUMER_MODE, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

        assertRefused(started, "KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_MECHANISM");
    }

    /** The forwarder's own settings are checked in consumer mode too: they come with the function's classes. */
    @Test
    void theForwardersConsumerModeRefusesToStartWithoutADeliveryStream() throws Exception {
        Started started = start(FORWARDER_CONSUMER_MODE, Map.of());

        assertRefused(started, "firehose-forwarder cannot start; fix its environment: DELIVERY_STREAM_NAME is not set");
    }

    /** Outside Lambda nothing sets the region: the forwarder says so instead of failing in the SDK's stack trace. */
    @Test
    void theForwardersConsumerModeRefusesToStartWithoutARegion() throws Exception {
        Started started = start(
                FORWARDER_CONSUMER_MODE,
                Map.of(
                        "DELIVERY_STREAM_NAME",
                        "demo-stream",
                        "AWS_CONFIG_FILE",
                        "/nonexistent/config",
                        "AWS_EC2_METADATA_DISABLED",
                        "true"));

        assertRefused(started, "firehose-forwarder cannot start; fix its environment: no AWS region: set AWS_REGION");
    }

    /** The process exited with a failure and said {@code expected}. */
    private static void assertRefused(Started started, String expected) {
        assertNotEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains(expected), started.output());
    }

    private record Started(int exitCode, String output) {}

    private static Started start(Path jar, Map<String, String> environment) throws IOException, InterruptedException {
        assertTrue(Files.exists(jar), jar + " is missing: package the functions first (./mvnw package)");
        Path output = Files.createTempFile("function-start", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment()
                    .keySet()
                    .removeIf(name -> name.startsWith("KAFKA_")
                            || name.startsWith("AWS_")
                            || name.startsWith("LOG_")
                            || name.equals("DELIVERY_STREAM_NAME"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(jar.getFileName() + " kept running instead of refusing to start:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Started(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
