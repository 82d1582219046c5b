package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.keys;
import static io.streamingdata.msk.firehose.local.TestSupport.object;
import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.firehose.FirehoseClient;

class LocalFirehoseMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LocalFirehoseMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code args}, expecting exit code {@code exit} and {@code inError} on standard error. */
    private void assertExit(int exit, String inError, String... args) {
        assertEquals(exit, run(args), String.join(" ", args));
        assertTrue(err().contains(inError), err());
    }

    private static ServerSocket loopbackSocket() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: java -cp"), out());
        for (String flag : LocalFirehoseMain.VALUE_FLAGS) {
            assertTrue(out().contains(flag), flag);
        }
        assertEquals("", err());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--nope",
                "--stream",
                "--port abc --stream s",
                "--port 70000 --stream s",
                "--port 0",
                "--bind 0.0.0.0 --stream s",
                "--bind 8.8.8.8 --stream s",
                "--stream s=bucket",
                "--stream s=bucket,compression=ZIP --s3-endpoint http://127.0.0.1:9",
                "--stream s=bucket,buffer-mb=-1 --s3-endpoint http://127.0.0.1:9",
                "--stream s=bucket,color=blue --s3-endpoint http://127.0.0.1:9",
                "--stream s=bucket,prefix=!{timestamp:yyyy}/ --s3-endpoint http://127.0.0.1:9",
                "--stream bad/name",
                "--stream s --fail-records 2",
                "--stream s --memory-limit-mb 9.5",
                "--stream s --memory-limit-mb lots",
                "--stream s --stop-timeout-seconds -1"
            })
    void badArgumentsExitTwoWithAClearMessage(String line) {
        assertExit(2, "--help", line.split(" "));
        assertTrue(err().startsWith("local-firehose: "), err());
        assertEquals("", out(), "nothing started");
    }

    @Test
    void nonLoopbackBindIsNamedInTheError() {
        assertExit(2, "only loopback", "--bind", "0.0.0.0", "--stream", "s");
    }

    @Test
    void aPortInUseExitsOneWithAClearMessage() throws Exception {
        try (ServerSocket taken = loopbackSocket()) {
            assertExit(1, "already in use", "--port", String.valueOf(taken.getLocalPort()), "--stream", "s");
            assertTrue(err().contains(String.valueOf(taken.getLocalPort())), err());
        }
    }

    @Test
    void anUnreachableS3ServerFailsTheStart() throws Exception {
        int closedPort;
        try (ServerSocket s = loopbackSocket()) {
            closedPort = s.getLocalPort();
        }
        assertExit(
                1,
                "cannot start",
                "--port",
                "0",
                "--stream",
                "s=bucket",
                "--s3-endpoint",
                "http://127.0.0.1:" + closedPort);
    }

    @Test
    void printsTheListeningLine() {
        assertEquals(0, run("--port", "0", "--stream", "s"));
        assertTrue(out().matches("local-firehose listening on http://127\\.0\\.0\\.1:\\d+\\R"), out());
        assertTrue(err().startsWith("local-firehose: memory bound "), err());
    }

    @Test
    void theMemoryBoundIsTakenFromTheFlag() {
        assertEquals(0, run("--port", "0", "--stream", "s", "--memory-limit-mb", "12.5"));
        assertTrue(err().startsWith("local-firehose: memory bound 12.5 MiB (of a "), err());
    }

    @Test
    void tooSmallAMemoryBoundIsRefusedWithTheMinimum() {
        assertExit(2, "--memory-limit-mb must be at least 10.0", "--stream", "s", "--memory-limit-mb", "9.5");
    }

    @Test
    void runsAsAProcessAndFlushesS3OnSigterm() throws Exception {
        URI s3 = TestSupport.s3Endpoint();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LocalFirehoseMain.class.getName(),
                "--port",
                "0",
                "--stream",
                "proc-stream=bucket-process,buffer-seconds=600,prefix=proc/"));
        command.addAll(TestSupport.s3Flags(s3));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertNotNull(line, "the process printed nothing");
            Matcher m = Pattern.compile("local-firehose listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(line);
            assertTrue(m.matches(), line);
            try (FirehoseClient client = TestSupport.firehose(URI.create(m.group(1)))) {
                client.putRecordBatch(b -> b.deliveryStreamName("proc-stream").records(record("p1\n"), record("p2\n")));
            }
            assertTrue(keys("bucket-process").isEmpty(), "buffered for 600 s");
            assertTrue(process.toHandle().destroy(), "SIGTERM not sent"); // SIGTERM; keeps our end of stdout open
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process did not stop on SIGTERM");
            assertEquals("local-firehose stopped", stdout.readLine());
        } finally {
            process.destroyForcibly();
        }
        List<String> keys = keys("bucket-process");
        assertEquals(1, keys.size());
        assertTrue(keys.get(0).startsWith("proc/"), keys.get(0));
        assertEquals("p1\np2\n", new String(object("bucket-process", keys.get(0)), StandardCharsets.UTF_8));
    }
}
