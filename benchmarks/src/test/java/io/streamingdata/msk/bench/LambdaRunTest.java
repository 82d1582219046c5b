package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LambdaRun as the benchmark scripts run it: a process of its own. */
class LambdaRunTest {

    @TempDir
    Path dir;

    /** A runtime that cannot start is reported at once, with its own words, not after the five-minute timeout. */
    @Test
    void aRuntimeThatDiesAtStartIsReportedAtOnceWithItsOutput() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"eventSource\":\"aws:kafka\",\"records\":{}}");
        long started = System.nanoTime();
        String[] run = lambdaRun(List.of(
                "--label",
                "broken",
                "--event",
                event.toString(),
                "--log",
                dir.resolve("broken.log").toString(),
                "--java",
                dir.toString(),
                "--java-tool-options",
                "-XX:NoSuchOptionAnywhere",
                "--warmup",
                "1",
                "--iterations",
                "1"));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertEquals("1", run[0], run[1]);
        assertTrue(run[1].contains("LambdaRun: broken: the runtime process exited"), run[1]);
        assertTrue(run[1].contains("Unrecognized VM option 'NoSuchOptionAnywhere'"), run[1]);
        assertTrue(seconds < 30, "reported after " + seconds + " s");
    }

    /**
     * Two functions under the real Java runtime client, taking turns: each answers every one of its invocations and
     * gets a report of its own, with the CPU and page faults the kernel counted for its process.
     */
    @Test
    void twoFunctionsTakingTurnsAreEachMeasuredInFull() throws Exception {
        String[] run = lambdaRun(takingTurns(
                List.of("first", "second"),
                NoopHandler.class,
                3,
                label -> List.of("--durations", dir.resolve(label + ".txt").toString())));

        assertEquals("0", run[0], run[1]);
        for (String label : List.of("first", "second")) {
            Matcher result = Pattern.compile("RESULT label=" + label
                            + " median_ms=[0-9.]+ .*cpu_ms=([0-9.]+) faults=([0-9]+) init_ms=[0-9]+ rss_mb=([0-9]+)")
                    .matcher(run[1]);
            assertTrue(result.find(), run[1]);
            assertTrue(Long.parseLong(result.group(3)) > 0, "peak RSS of " + label);
            assertEquals(4, Files.readAllLines(dir.resolve(label + ".txt")).size(), "warm-up and measured");
        }
    }

    /**
     * Taking turns means one invocation at a time: three functions whose invocations each take 30 ms, watched from
     * inside their handlers, never run at the same time, and each goes first in some round.
     */
    @Test
    void functionsTakingTurnsNeverRunAtTheSameTime() throws Exception {
        List<String> labels = List.of("a", "b", "c");
        String[] run = lambdaRun(takingTurns(
                labels,
                IntervalHandler.class,
                4,
                label -> List.of("--env", "WORK_MS=30", "--env", "INTERVALS=" + dir.resolve(label + ".intervals"))));

        assertEquals("0", run[0], run[1]);
        List<long[]> intervals = new ArrayList<>();
        for (String label : labels) {
            List<String> lines = Files.readAllLines(dir.resolve(label + ".intervals"));
            assertEquals(5, lines.size(), label + ": warm-up and measured");
            for (String line : lines) {
                String[] fields = line.split(" ");
                intervals.add(new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), labels.indexOf(label)});
            }
        }
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < intervals.size(); i++) {
            assertTrue(
                    intervals.get(i)[0] >= intervals.get(i - 1)[1],
                    "an invocation of " + labels.get((int) intervals.get(i)[2]) + " started before one of "
                            + labels.get((int) intervals.get(i - 1)[2]) + " had ended");
        }
        // Rounds of three, the first function of each rotating: a, b, c, a, b.
        for (int round = 0; round < 5; round++) {
            assertEquals(round % 3, intervals.get(3 * round)[2], "who went first in round " + round);
        }
    }

    @Test
    void functionsThatTakeTurnsMustAgreeOnWhatTheyShare() throws Exception {
        String[] run = lambdaRun(List.of(
                "--label",
                "a",
                "--event",
                "e.json",
                "--log",
                "a.log",
                "--java",
                "x",
                "--iterations",
                "3",
                "--and",
                "--label",
                "b",
                "--event",
                "e.json",
                "--log",
                "b.log",
                "--java",
                "x",
                "--iterations",
                "4"));
        assertEquals("2", run[0], run[1]);
        assertTrue(run[1].contains("b and a take turns: give them the same --event, --warmup, --iterations"), run[1]);

        String[] sameLabel = lambdaRun(List.of(
                "--label", "a", "--event", "e.json", "--log", "a.log", "--java", "x", "--and", "--label", "a",
                "--event", "e.json", "--log", "b.log", "--java", "x"));
        assertEquals("2", sameLabel[0], sameLabel[1]);
        assertTrue(sameLabel[1].contains("two functions are labelled a"), sameLabel[1]);
    }

    /** Every function goes first in turn, so that none always runs right after the same one. */
    @Test
    void theOrderOfTurnsRotatesEveryRound() {
        assertArrayEquals(new int[] {0, 1, 2}, LambdaRun.turnOrder(0, 3));
        assertArrayEquals(new int[] {1, 2, 0}, LambdaRun.turnOrder(1, 3));
        assertArrayEquals(new int[] {2, 0, 1}, LambdaRun.turnOrder(2, 3));
        assertArrayEquals(new int[] {0, 1, 2}, LambdaRun.turnOrder(3, 3));
        assertArrayEquals(new int[] {0}, LambdaRun.turnOrder(7, 1));
    }

    /** A counter that could not be read once makes the whole sum unknown (-1), not a sum with a hole in it. */
    @Test
    void aCounterReadingThatFailedMakesTheSumUnknown() {
        assertEquals(15, LambdaRun.counted(10, 100, 105));
        assertEquals(-1, LambdaRun.counted(10, -1, 105));
        assertEquals(-1, LambdaRun.counted(10, 100, -1));
        assertEquals(-1, LambdaRun.counted(-1, 100, 105));
    }

    /**
     * LambdaRun's arguments for Java functions, one per label, taking turns under the real runtime client with this
     * test's class path: an empty MSK event, one warm-up, {@code iterations} measured, and each label's own options.
     */
    private List<String> takingTurns(
            List<String> labels, Class<?> handler, int iterations, Function<String, List<String>> own)
            throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"eventSource\":\"aws:kafka\",\"records\":{}}");
        List<String> args = new ArrayList<>();
        for (String label : labels) {
            if (!args.isEmpty()) {
                args.add("--and");
            }
            args.addAll(List.of(
                    "--label",
                    label,
                    "--event",
                    event.toString(),
                    "--log",
                    dir.resolve(label + ".log").toString(),
                    "--java",
                    dir + ":" + System.getProperty("java.class.path"),
                    "--handler",
                    handler.getName() + "::handleRequest",
                    "--memory-mb",
                    "256",
                    "--warmup",
                    "1",
                    "--iterations",
                    String.valueOf(iterations)));
            args.addAll(own.apply(label));
        }
        return args;
    }

    /** The exit status and output of LambdaRun run as the benchmark scripts run it: a process of its own. */
    private String[] lambdaRun(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LambdaRun.class.getName()));
        command.addAll(args);
        Process run = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), output);
        return new String[] {String.valueOf(run.exitValue()), output};
    }

    /** A log past its limit starts again, and the function's appended lines then begin the file: no hole, no loss. */
    @Test
    void aLogPastItsLimitStartsAgainWithTheNextLines() throws Exception {
        Path log = dir.resolve("function.log");
        try (java.io.FileOutputStream function = new java.io.FileOutputStream(log.toFile(), true)) {
            function.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
            LambdaRun.keepWithinLimit(log, 100);
            assertEquals(100, Files.size(log), "at its limit a log is left alone");

            function.write("y\n".getBytes(StandardCharsets.US_ASCII));
            LambdaRun.keepWithinLimit(log, 100);
            assertEquals(0, Files.size(log), "past its limit a log is emptied");

            function.write("next line\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("next line\n", Files.readString(log));
    }

    /** A log that is not there yet is no reason to stop a run. */
    @Test
    void aMissingLogIsLeftForLater() {
        LambdaRun.keepWithinLimit(dir.resolve("not-yet.log"), 100);
        assertTrue(Files.notExists(dir.resolve("not-yet.log")));
    }
}
