package io.streamingdata.msk.flinksql.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what the filesystem sink wrote under a directory and compares it with the expected ticks: Hive-style
 * {@code ticker=X/dt=YYYY-MM-DD/hr=HH/} partitions, each committed (a {@code _SUCCESS} file) with no file left in
 * progress, every row above 50 and in the partition of its own ticker and event time, every expected tick exactly
 * once and nothing else.
 */
public final class OutputVerifier {

    static final Pattern PARTITION = Pattern.compile("ticker=([A-Z]{1,6})/dt=(\\d{4}-\\d{2}-\\d{2})/hr=(\\d{2})");
    static final String SUCCESS_FILE = "_SUCCESS";

    private final ObjectMapper json = new ObjectMapper();

    /** The result: rows per partition, which partitions are committed, and every problem found. */
    public static final class Result {
        private final Map<String, Integer> rowsPerPartition = new TreeMap<>();
        private final Map<String, Boolean> committed = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();
        private final List<Tick> written = new ArrayList<>();

        public Map<String, Integer> rowsPerPartition() {
            return rowsPerPartition;
        }

        public Map<String, Boolean> committed() {
            return committed;
        }

        public List<String> problems() {
            return problems;
        }

        public List<Tick> written() {
            return written;
        }

        public int rows() {
            return written.size();
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result verify(Path root, List<Tick> expected) {
        Result result = new Result();
        if (!Files.isDirectory(root)) {
            result.problems.add("the sink wrote nothing: " + root + " does not exist");
            return result;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                readFile(root, file, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        for (Map.Entry<String, Boolean> partition : result.committed.entrySet()) {
            if (!partition.getValue()) {
                result.problems.add("partition " + partition.getKey() + " is not committed (no " + SUCCESS_FILE + ")");
            }
        }
        compare(expected, result);
        return result;
    }

    private void readFile(Path root, Path file, Result result) throws IOException {
        String relative = root.relativize(file).toString().replace('\\', '/');
        int slash = relative.lastIndexOf('/');
        String directory = slash < 0 ? "" : relative.substring(0, slash);
        String name = relative.substring(slash + 1);
        Matcher partition = PARTITION.matcher(directory);
        if (!partition.matches()) {
            result.problems.add("file outside a ticker=/dt=/hr= partition: " + relative);
            return;
        }
        result.committed.putIfAbsent(directory, false);
        result.rowsPerPartition.putIfAbsent(directory, 0);
        if (SUCCESS_FILE.equals(name)) {
            result.committed.put(directory, true);
            return;
        }
        if (name.startsWith(".") || name.endsWith(".inprogress")) {
            result.problems.add("uncommitted file left behind: " + relative);
            return;
        }
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (!line.isBlank()) {
                readRow(relative + ":" + lineNumber, line, partition, result);
            }
        }
    }

    private void readRow(String where, String line, Matcher partition, Result result) {
        Tick tick;
        try {
            JsonNode row = json.readTree(line);
            LocalDateTime eventTime =
                    LocalDateTime.parse(row.path("event_time").asText().replace(' ', 'T'));
            tick = new Tick(
                    eventTime,
                    partition.group(1),
                    new BigDecimal(row.path("price").asText()));
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            result.problems.add("unreadable row at " + where + ": " + line);
            return;
        }
        result.written.add(tick);
        result.rowsPerPartition.merge(partition.group(), 1, Integer::sum);
        if (!tick.qualifies()) {
            result.problems.add("row with price " + tick.price().toPlainString() + " (not above 50) at " + where);
        }
        if (!tick.partition().equals(partition.group())) {
            result.problems.add("row " + tick + " belongs in " + tick.partition() + ", found at " + where);
        }
    }

    private static void compare(List<Tick> expected, Result result) {
        Map<Tick, Integer> counts = new HashMap<>();
        for (Tick tick : result.written) {
            counts.merge(tick, 1, Integer::sum);
        }
        for (Tick tick : expected) {
            Integer count = counts.remove(tick);
            if (count == null) {
                result.problems.add("missing: " + tick);
            } else if (count > 1) {
                result.problems.add("written " + count + " times: " + tick);
            }
        }
        for (Map.Entry<Tick, Integer> unexpected : counts.entrySet()) {
            result.problems.add("unexpected row: " + unexpected.getKey() + " (" + unexpected.getValue() + "x)");
        }
    }
}
