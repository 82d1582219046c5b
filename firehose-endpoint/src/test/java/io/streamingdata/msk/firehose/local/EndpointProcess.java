package io.streamingdata.msk.firehose.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LocalFirehoseMain} as a separate JVM, started the way the local stack starts it (small heap, serial GC, exit
 * on OutOfMemoryError), on a free port. Standard error goes to a file so a failing test can show it.
 */
final class EndpointProcess implements AutoCloseable {
    /** The JVM options the local stack gives the endpoint. */
    static final List<String> LOCAL_STACK_JVM =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");

    private static final Pattern LISTENING =
            Pattern.compile("local-firehose listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;
    private final URI endpoint;

    private EndpointProcess(Process process, BufferedReader stdout, Path stderr, URI endpoint) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.endpoint = endpoint;
    }

    /** Starts the endpoint with {@code jvmOptions} and {@code args} (add {@code --port 0}) and waits until it listens. */
    static EndpointProcess start(List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalFirehoseMain.class.getName()));
        command.addAll(args);
        Path stderr = Files.createTempFile("local-firehose-", ".stderr");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.matches()) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the endpoint did not start; stdout: " + line + "; stderr: " + Files.readString(stderr));
        }
        return new EndpointProcess(process, stdout, stderr, URI.create(m.group(1)));
    }

    URI endpoint() {
        return endpoint;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the process wrote to standard error so far. */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e + ")";
        }
    }

    /**
     * Sends SIGTERM and waits for the process to end.
     *
     * @return the next line on standard output after the stop (the endpoint's last words), or null
     */
    String stop(long timeoutSeconds) throws IOException, InterruptedException {
        process.toHandle().destroy(); // SIGTERM, as the local stack stops it
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "the endpoint did not stop within " + timeoutSeconds + " s; stderr: " + stderr());
        }
        return stdout.readLine();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        stdout.close();
        Files.deleteIfExists(stderr);
    }
}
