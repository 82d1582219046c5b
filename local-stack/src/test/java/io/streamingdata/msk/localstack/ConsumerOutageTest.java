package io.streamingdata.msk.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.consumer.ConsumerExit;
import io.streamingdata.msk.records.consumer.ConsumerLivenessWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Consumer mode when what a function writes to goes away, on the local stack as {@code scripts/stack} runs it: a real
 * Kafka broker, s3proxy, the project's Firehose endpoint (stopped and started again for the outages) and both packaged
 * functions under the stack's supervisor. Whatever the outage, a function either goes on consuming once it is over or
 * exits and is restarted; every record arrives, no offset is committed before its record was handled, and nobody
 * restarts anything by hand.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerOutageTest {

    static final String TOPIC = "ExampleTopic";
    static final int PARTITIONS = 3;
    static final String FORWARDER_GROUP = "firehose-forwarder";
    static final String LOGGER_GROUP = "consumer-logger";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Longer than the attempts allow: with the defaults (FIREHOSE_MAX_ATTEMPTS 10, backoff 50 ms doubling to 500 ms)
     * the waits before the last attempt add up to at most 50+100+200+400+5x500 = 3,250 ms.
     */
    static final Duration BEYOND_THE_ATTEMPTS = Duration.ofSeconds(8);

    static Scripts stack;
    static Path data;
    static ConsumerGroups groups;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new Scripts("outage");
        data = stack.dataDir();
        Scripts.Result start = stack.startOnFreshData();
        assertEquals(0, start.exitCode(), start::all);
        groups = new ConsumerGroups(stack.bootstrap());
    }

    @AfterAll
    static void stopStack() {
        if (groups != null) {
            groups.close();
        }
        if (stack == null) {
            return;
        }
        Scripts.Result stop = stack.run("stack", "stop");
        assertEquals(0, stop.exitCode(), stop::all);
        assertEquals(List.of(), stack.runningParts(), "processes left running after scripts/stack stop");
    }

    /**
     * The finding: Firehose gone for longer than the attempts allow. The forwarder keeps retrying the same batch
     * within RETRY_BUDGET_MS (default 120 s), stays in its group, commits nothing it did not deliver, and delivers
     * everything once Firehose is back, in the same process.
     */
    @Test
    @Order(1)
    void theForwarderRetriesThroughAnOutageLongerThanItsAttemptsAndGoesOn() {
        await().atMost(Duration.ofSeconds(60)).until(() -> groups.hasMembers(FORWARDER_GROUP));
        long forwarder = functionPid("forwarder");
        stopFirehose();
        Map<Integer, Long> before = groups.endOffsets(TOPIC, PARTITIONS);
        String run = "outage-" + System.nanoTime();
        produce(run, 600);

        await().during(BEYOND_THE_ATTEMPTS)
                .atMost(BEYOND_THE_ATTEMPTS.plusSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> groups.hasMembers(FORWARDER_GROUP)
                        && notPast(groups.committed(FORWARDER_GROUP, TOPIC), before)
                        && ProcessHandle.of(forwarder)
                                .map(ProcessHandle::isAlive)
                                .orElse(false));
        startFirehose();

        assertEverythingArrived(run, 600);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> caughtUp(groups.committed(FORWARDER_GROUP, TOPIC), groups.endOffsets(TOPIC, PARTITIONS)));
        assertEquals(forwarder, functionPid("forwarder"), "the forwarder was restarted");
        assertEquals(Optional.empty(), restarts("forwarder"));
    }

    /**
     * The logger's standard output fails (here it is /dev/full, as a full disk): the batch is not committed, and the
     * logger exits with status 70, saying so on standard error, instead of counting lines it lost as logged.
     */
    @Test
    @Order(2)
    void aLoggerWhoseStandardOutputFailsExitsWithoutCommitting() throws Exception {
        String group = "logger-broken-stdout";
        Path stderr = stack.stateDir.resolve("logs/logger-broken-stdout.err");
        ProcessBuilder builder = new ProcessBuilder(
                        javaCommand(),
                        "-Xmx160m",
                        "-XX:+UseSerialGC",
                        "-Dlocal-stack.part=logger-broken-stdout",
                        "-Dlocal-stack.dir=" + stack.stateDir,
                        "-jar",
                        Scripts.consumerModeJar("consumer-logger").toString())
                .redirectOutput(new java.io.File("/dev/full"))
                .redirectError(stderr.toFile());
        builder.environment()
                .putAll(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrap(), "KAFKA_TOPIC", TOPIC, "KAFKA_GROUP_ID", group));
        Process logger = builder.start();
        try {
            assertTrue(logger.waitFor(90, TimeUnit.SECONDS), () -> "still running:\n" + read(stderr));
            assertEquals(ConsumerExit.STATUS, logger.exitValue(), () -> read(stderr));
        } finally {
            logger.destroyForcibly();
        }
        String errors = read(stderr);
        assertTrue(errors.contains("standard output"), errors);
        assertTrue(errors.contains("Exiting with status " + ConsumerExit.STATUS), errors);
        assertEquals(Map.of(), groups.committed(group, TOPIC), "offsets committed for lines that were lost");
    }

    /**
     * The logger dies abruptly (as from the OOM killer) while records arrive. At that moment every committed offset
     * is one whose record is in the log; the supervisor starts it again, and every record ends up logged.
     */
    @Test
    @Order(3)
    void aLoggerThatDiesIsRestartedAndLogsEveryRecord() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> groups.hasMembers(LOGGER_GROUP));
        // A static member: started again, it gets its partitions back without waiting out the session timeout.
        assertEquals(List.of("local-stack-logger"), groups.instanceIds(LOGGER_GROUP));
        Map<Integer, Long> before = groups.endOffsets(TOPIC, PARTITIONS);
        String run = "crash-" + System.nanoTime();
        CompletableFuture<StockTickProducer.Result> producing =
                CompletableFuture.supplyAsync(() -> new StockTickProducer(ProducerOptions.parse(new String[] {
                            "--bootstrap-server",
                            stack.bootstrap(),
                            "--run-id",
                            run,
                            "--count",
                            "1500",
                            "--rate",
                            "300",
                            "--quiet"
                        }))
                        .run());
        await().atMost(Duration.ofSeconds(60)).until(() -> loggedLines(run) >= 200);

        ProcessHandle logger = ProcessHandle.of(functionPid("logger")).orElseThrow();
        logger.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !logger.isAlive());
        Map<Integer, Long> committed = groups.committed(LOGGER_GROUP, TOPIC);
        Set<String> logged = loggedOffsets();
        for (int p = 0; p < PARTITIONS; p++) {
            for (long offset = before.get(p); offset < committed.getOrDefault(p, 0L); offset++) {
                assertTrue(
                        logged.contains(p + "@" + offset),
                        "committed but not logged: " + TOPIC + "-" + p + "@" + offset);
            }
        }
        assertRestartingOrRestarted("logger");

        StockTickProducer.Result produced = producing.get(60, TimeUnit.SECONDS);
        assertEquals(1500, produced.acked(), produced.toString());
        assertEverythingArrived(run, 1500);
        assertTrue(restarts("logger").orElseThrow().contains("last_status=137"), restarts("logger")::get);
    }

    /**
     * Firehose gone for longer than RETRY_BUDGET_MS: the forwarder gives the batch up without committing it, exits
     * with status 70 saying why, and the stack's supervisor starts it again until Firehose is back. Last, as it
     * leaves the forwarder with a short budget.
     */
    @Test
    @Order(4)
    void aForwarderOutOfRetryBudgetExitsAndIsRestartedUntilFirehoseIsBack() {
        restartForwarderWith("RETRY_BUDGET_MS", "2000");
        stopFirehose();
        Map<Integer, Long> before = groups.endOffsets(TOPIC, PARTITIONS);
        String run = "budget-" + System.nanoTime();
        produce(run, 300);

        await().atMost(Duration.ofSeconds(90)).until(() -> restarts("forwarder").isPresent());
        assertTrue(
                restarts("forwarder").get().contains("last_status=" + ConsumerExit.STATUS), restarts("forwarder")::get);
        assertRestartingOrRestarted("forwarder");
        String log = read(stack.stateDir.resolve("logs/forwarder.log"));
        assertTrue(log.contains(ConsumerLivenessWatch.NOT_ALIVE.formatted("")), log);
        assertTrue(log.contains("RETRY_BUDGET_MS=2000"), log);
        assertTrue(log.contains("Exiting with status " + ConsumerExit.STATUS), log);
        assertTrue(notPast(groups.committed(FORWARDER_GROUP, TOPIC), before), "committed before delivery");
        startFirehose();

        assertEverythingArrived(run, 300);
    }

    private static void stopFirehose() {
        Scripts.Result stop = stack.run("stack", "stop", "--only", "firehose");
        assertEquals(0, stop.exitCode(), stop::all);
    }

    private static void startFirehose() {
        Scripts.Result start = stack.run("stack", "start", "--only", "firehose", "--data-dir", data.toString());
        assertEquals(0, start.exitCode(), start::all);
    }

    private static void restartForwarderWith(String variable, String value) {
        Scripts.Result stop = stack.run("stack", "stop", "--only", "forwarder");
        assertEquals(0, stop.exitCode(), stop::all);
        stack.env.put(variable, value);
        try {
            Scripts.Result start = stack.run("stack", "start", "--only", "forwarder", "--data-dir", data.toString());
            assertEquals(0, start.exitCode(), start::all);
        } finally {
            stack.env.remove(variable);
        }
    }

    /** No partition's committed offset is past where it stood before the records of the outage were produced. */
    private static boolean notPast(Map<Integer, Long> committed, Map<Integer, Long> before) {
        return committed.entrySet().stream().allMatch(e -> e.getValue() <= before.getOrDefault(e.getKey(), 0L));
    }

    /** Every partition's committed offset is at its end (a partition without records has neither). */
    private static boolean caughtUp(Map<Integer, Long> committed, Map<Integer, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> committed.getOrDefault(e.getKey(), 0L).equals(e.getValue()));
    }

    /** While a function is down, status says so; once it is back, it says it was restarted. */
    private static void assertRestartingOrRestarted(String part) {
        Scripts.Result status = stack.run("stack", "status");
        String line = status.out()
                .lines()
                .filter(l -> l.startsWith(part + " "))
                .findFirst()
                .orElseThrow();
        assertTrue(
                line.contains(" restarting ") && status.exitCode() == 4
                        || line.contains(" running ") && line.contains("restarts "),
                status::all);
    }

    private static void produce(String run, int count) {
        StockTickProducer.Result result = new StockTickProducer(ProducerOptions.parse(new String[] {
                    "--bootstrap-server",
                    stack.bootstrap(),
                    "--run-id",
                    run,
                    "--count",
                    Integer.toString(count),
                    "--quiet"
                }))
                .run();
        assertEquals(count, result.acked(), result.toString());
    }

    /** Logged by consumer-logger and delivered to S3 by firehose-forwarder, each at least once. */
    private static void assertEverythingArrived(String run, int count) {
        PipelineVerifier.Summary summary = stack.verify(run, count, 90);
        assertEquals(
                "produced=%d logged=%d delivered=%d dead-lettered=0 lost=0".formatted(count, count, count),
                summary.line(),
                summary::details);
    }

    /** The PID of a function's current process, as the supervisor recorded it. */
    private static long functionPid(String part) {
        return Long.parseLong(read(stack.stateDir.resolve(part + ".pid")).trim());
    }

    /** The supervisor's record of a function's failed runs, if it has one. */
    private static Optional<String> restarts(String part) {
        Path state = stack.stateDir.resolve(part + ".state");
        return Files.exists(state) ? Optional.of(read(state)) : Optional.empty();
    }

    private static long loggedLines(String run) {
        return read(stack.loggerLog())
                .lines()
                .filter(line -> line.contains("\"type\":\"record\"") && line.contains(run))
                .count();
    }

    /** "partition@offset" of every record line of the topic in the logger's output. */
    private static Set<String> loggedOffsets() throws IOException {
        Set<String> offsets = new HashSet<>();
        List<String> lines = new ArrayList<>(read(stack.loggerLog()).lines().toList());
        for (String line : lines) {
            if (line.startsWith("{") && line.contains("\"type\":\"record\"") && line.endsWith("}")) {
                JsonNode record = JSON.readTree(line);
                if (TOPIC.equals(record.path("topic").asText())) {
                    offsets.add(record.path("partition").asInt() + "@"
                            + record.path("offset").asLong());
                }
            }
        }
        return offsets;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
