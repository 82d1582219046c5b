package io.streamingdata.msk.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** The structured lines the function wrote to standard output, parsed as JSON. */
public final class LogLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> lines;

    LogLines(List<JsonNode> lines) {
        this.lines = lines;
    }

    /** Runs {@code action} while copying this JVM's standard output, and returns the JSON lines it printed. */
    public static LogLines capture(Runnable action) {
        try (StdoutCapture capture = StdoutCapture.start()) {
            action.run();
            return capture.lines();
        }
    }

    /**
     * Runs {@code action} and returns the JSON lines another process appended to {@code output} meanwhile, waiting
     * up to ten seconds for a line of type {@code untilType}: for native twins, whose function runs as its own
     * process and writes to {@code target/quarkus.log}.
     */
    public static LogLines captureFile(Path output, Runnable action, String untilType) {
        int before = read(output).length;
        action.run();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !appended(output, before).ofType(untilType).isEmpty());
        return appended(output, before);
    }

    private static LogLines appended(Path output, int from) {
        byte[] all = read(output);
        return parse(new String(all, from, all.length - from, StandardCharsets.UTF_8));
    }

    private static byte[] read(Path output) {
        try {
            return Files.exists(output) ? Files.readAllBytes(output) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LogLines parse(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{\"level\"") || line.startsWith("{\"_aws\"")) {
                try {
                    lines.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("Not a JSON log line: " + line, e);
                }
            }
        }
        return new LogLines(lines);
    }

    public List<JsonNode> ofType(String type) {
        return lines.stream()
                .filter(line -> type.equals(line.path("type").asText()))
                .toList();
    }

    public JsonNode record(String topic, int partition, long offset) {
        return ofType("record").stream()
                .filter(at(topic, partition, offset))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "No record line for " + topic + "-" + partition + "@" + offset + " in " + lines));
    }

    public JsonNode only(String type) {
        List<JsonNode> matching = ofType(type);
        if (matching.size() != 1) {
            throw new AssertionError("Expected one " + type + " line, got " + matching);
        }
        return matching.get(0);
    }

    public List<JsonNode> all() {
        return lines;
    }

    private static Predicate<JsonNode> at(String topic, int partition, long offset) {
        return line -> topic.equals(line.path("topic").asText())
                && line.path("partition").asInt() == partition
                && line.path("offset").asLong() == offset;
    }

    /** Copies this JVM's standard output until closed; {@link #lines()} may be read at any time. */
    public static final class StdoutCapture implements AutoCloseable {
        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        private StdoutCapture() {
            original = System.out;
            System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        }

        public static StdoutCapture start() {
            return new StdoutCapture();
        }

        public LogLines lines() {
            System.out.flush();
            synchronized (copy) {
                return parse(copy.toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            System.out.flush();
            System.setOut(original);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
