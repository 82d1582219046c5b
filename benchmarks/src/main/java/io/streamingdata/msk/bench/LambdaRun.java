package io.streamingdata.msk.bench;

import io.streamingdata.msk.records.RuntimeApi;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one function under a real Lambda runtime interface client against a loopback {@link RuntimeApi} and prints
 * its timings: warm invocations after warm-up (median, min, p90, max), init (process start to the first poll), peak
 * RSS; or, with {@code --starts}, cold starts only. A human line, then a {@code RESULT key=value...} line.
 */
public final class LambdaRun {

    static final String USAGE = """
            Usage: LambdaRun --label L --event FILE --log FILE (--java CLASSPATH | --node TASK_ROOT --ric INDEX_MJS)
                             [--handler H] [--memory-mb M] [--java-tool-options OPTS] [--warmup N] [--iterations N]
                             [--starts N] [--env KEY=VALUE]... [--firehose URL] [--timeout-seconds N]
                             [--cpu-share machine|lambda] [--durations FILE]
              --java CLASSPATH   an unpacked function.zip as DIR:DIR/lib/*, under the Java runtime client
              --node TASK_ROOT   a directory with the handler module, under the Node.js runtime client at --ric
              --starts N         time N cold starts (one invocation each) instead of warm invocations
              --firehose URL     a local Firehose endpoint whose counters give calls and records per invocation
              --cpu-share lambda limit the runtime process to the CPU Lambda gives the memory setting (a cgroup;
                                 needs root); machine, the default, lets it use the whole machine
              --durations FILE   write every invocation's duration in ms, warm-ups included, one per line
            """;

    private LambdaRun() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LambdaRun: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        byte[] event = Files.readAllBytes(options.event);
        CpuShare cgroup = null;
        if (options.lambdaCpu) {
            try {
                cgroup = CpuShare.create("lambdarun-" + ProcessHandle.current().pid(), options.memoryMb);
                System.out.println(options.label + ": CPU held to " + CpuShare.describe(options.memoryMb));
            } catch (IOException e) {
                System.err.println("LambdaRun: --cpu-share lambda: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        try (CpuShare share = cgroup) {
            if (options.starts > 0) {
                coldStarts(options, event, share);
            } else {
                warm(options, event, share);
            }
        } catch (IllegalStateException failed) {
            System.err.println("LambdaRun: " + failed.getMessage());
            System.exit(1);
        }
    }

    private static void warm(Options options, byte[] event, CpuShare share) throws Exception {
        int total = options.warmup + options.iterations;
        FirehoseCounters before = FirehoseCounters.read(options.firehose);
        try (RuntimeApi api = new RuntimeApi(event, total, options.label)) {
            FunctionProcess function = start(options, api, share);
            try {
                if (!awaitAnswers(api, function, options.timeoutSeconds, options.log)) {
                    fail(options, api, function, total);
                }
                long rss = function.peakRssKilobytes();
                double[] durations = new double[options.iterations];
                int errors = 0;
                for (int i = 0; i < total; i++) {
                    if (!api.answer(i).startsWith("response ")) {
                        errors++;
                    }
                    if (i >= options.warmup) {
                        durations[i - options.warmup] = api.duration(i) / 1e6;
                    }
                }
                if (errors > 0) {
                    throw new IllegalStateException(options.label + ": " + errors + " invocations failed, the first: "
                            + firstError(api, total) + " (log: " + options.log + ")");
                }
                if (options.durations != null) {
                    writeDurations(options.durations, api, total);
                }
                double init = (api.firstPoll() - function.startedNanos()) / 1e6;
                Percentiles p = Percentiles.of(durations);
                FirehoseCounters delta = FirehoseCounters.read(options.firehose).minus(before);
                System.out.printf(
                        Locale.ROOT,
                        "%-34s warm median %7.1f ms (min %.1f, p90 %.1f, max %.1f, n=%d)  "
                                + "init %5.0f ms  peak RSS %4d MB%s%n",
                        options.label,
                        p.median(),
                        p.min(),
                        p.p90(),
                        p.max(),
                        options.iterations,
                        init,
                        rss / 1024,
                        delta.describe(total));
                System.out.printf(
                        Locale.ROOT,
                        "RESULT label=%s median_ms=%.1f min_ms=%.1f p90_ms=%.1f max_ms=%.1f "
                                + "init_ms=%.0f rss_mb=%d%s%n",
                        options.label,
                        p.median(),
                        p.min(),
                        p.p90(),
                        p.max(),
                        init,
                        rss / 1024,
                        delta.keyValues(total));
            } finally {
                function.close();
            }
        }
    }

    /** Every invocation's duration in milliseconds, warm-ups included, one per line in order. */
    private static void writeDurations(Path file, RuntimeApi api, int total) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < total; i++) {
            lines.append(String.format(Locale.ROOT, "%.2f%n", api.duration(i) / 1e6));
        }
        Files.writeString(file, lines);
    }

    private static void coldStarts(Options options, byte[] event, CpuShare share) throws Exception {
        double[] ready = new double[options.starts];
        double[] firstAnswer = new double[options.starts];
        double[] readyCpu = new double[options.starts];
        for (int run = 0; run < options.starts; run++) {
            try (RuntimeApi api = new RuntimeApi(event, 1, options.label)) {
                FunctionProcess function = start(options, api, share);
                try {
                    readyCpu[run] = cpuAtFirstPoll(api, function, options.timeoutSeconds);
                    if (api.firstPoll() == 0
                            || !awaitAnswers(api, function, options.timeoutSeconds, options.log)
                            || !api.answer(0).startsWith("response ")) {
                        fail(options, api, function, 1);
                    }
                    ready[run] = (api.firstPoll() - function.startedNanos()) / 1e6;
                    firstAnswer[run] = ready[run] + api.duration(0) / 1e6;
                } finally {
                    function.close();
                }
            }
        }
        Percentiles r = Percentiles.of(ready);
        Percentiles a = Percentiles.of(firstAnswer);
        Percentiles c = Percentiles.of(readyCpu);
        System.out.printf(
                Locale.ROOT,
                "%-34s ready (first poll) median %5.0f ms (min %.0f, max %.0f, n=%d)  "
                        + "first response median %5.0f ms  CPU until ready median %4.0f ms (min %.0f, max %.0f)%n",
                options.label,
                r.median(),
                r.min(),
                r.max(),
                options.starts,
                a.median(),
                c.median(),
                c.min(),
                c.max());
        System.out.printf(
                Locale.ROOT,
                "RESULT label=%s ready_ms=%.0f ready_min_ms=%.0f ready_max_ms=%.0f first_response_ms=%.0f "
                        + "ready_cpu_ms=%.0f ready_cpu_min_ms=%.0f ready_cpu_max_ms=%.0f%n",
                options.label,
                r.median(),
                r.min(),
                r.max(),
                a.median(),
                c.median(),
                c.min(),
                c.max());
    }

    /**
     * Waits for every invocation's answer, but no longer than the process lives: a runtime that dies at start (a bad
     * JVM option, a missing class) is reported at once, not when the timeout ends.
     */
    /**
     * Waits for every answer, keeping the function's log within {@link #LOG_LIMIT_BYTES} meanwhile: the logger writes
     * some 7 MB per invocation, and a log grown to gigabytes slowed every later invocation of the same run (on this
     * machine a logger's median went from 28 to 45 ms once some 1.7 GB had been written, on a disk and on /dev/shm
     * alike), which Lambda, whose runtime writes to a pipe, does not do.
     */
    private static boolean awaitAnswers(RuntimeApi api, FunctionProcess function, int timeoutSeconds, Path log)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (api.awaitAnswers(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
            keepWithinLimit(log, LOG_LIMIT_BYTES);
            if (!function.alive()) {
                return api.awaitAnswers(0, TimeUnit.MILLISECONDS);
            }
        }
        return false;
    }

    static final long LOG_LIMIT_BYTES = 64L * 1024 * 1024;

    /**
     * Empties the log once it is past {@code limit} bytes: the function appends to it, so its next lines start the
     * file again, with no hole before them; what an error report needs, the last lines, comes after.
     */
    static void keepWithinLimit(Path log, long limit) {
        try {
            if (Files.size(log) > limit) {
                try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        } catch (IOException e) {
            // Not there yet, or not ours to cut: the run goes on with the log as it is.
        }
    }

    /**
     * Waits for the first poll and returns the CPU time the process had used by then (within about a millisecond
     * of it), or -1 if it never polled or the CPU time could not be read.
     */
    private static double cpuAtFirstPoll(RuntimeApi api, FunctionProcess function, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (api.firstPoll() == 0 && function.alive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return api.firstPoll() == 0 ? -1 : function.cpuMillis();
    }

    /** @param share the cgroup to run the process in, or {@code null} for the whole machine */
    private static FunctionProcess start(Options options, RuntimeApi api, CpuShare share) throws Exception {
        Map<String, String> env;
        List<String> command;
        Path workingDirectory;
        if (options.java != null) {
            String handler = options.handler != null
                    ? options.handler
                    : "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
            String taskRoot = options.java.split(":")[0];
            workingDirectory = Path.of(taskRoot);
            env = Runtimes.lambdaEnvironment(
                    options.label, handler, options.memoryMb, workingDirectory, "AWS_Lambda_java21");
            command = Runtimes.javaCommand(options.java, handler, options.memoryMb, options.javaToolOptions);
        } else {
            workingDirectory = options.node;
            env = Runtimes.lambdaEnvironment(
                    options.label, options.handler, options.memoryMb, options.node, "AWS_Lambda_nodejs20.x");
            command = Runtimes.nodeCommand(options.ric, options.handler, options.memoryMb);
        }
        env.putAll(options.env);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        return FunctionProcess.start(share == null ? command : share.wrap(command), env, workingDirectory, options.log);
    }

    private static void fail(Options options, RuntimeApi api, FunctionProcess function, int total) throws Exception {
        String why = api.initError() != null
                ? "init error " + api.initError()
                : !function.alive()
                        ? "the runtime process exited; the end of its output:\n" + tail(options.log, 5)
                        : "only " + api.answeredCount() + " of " + total + " invocations answered within "
                                + options.timeoutSeconds + " s";
        throw new IllegalStateException(options.label + ": " + why + "; its output is in " + options.log);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String firstError(RuntimeApi api, int total) {
        for (int i = 0; i < total; i++) {
            if (!api.answer(i).startsWith("response ")) {
                String answer = api.answer(i);
                return answer.length() > 500 ? answer.substring(0, 500) + "..." : answer;
            }
        }
        return "";
    }

    /** The command line, checked. */
    private static final class Options {
        String label;
        Path event;
        Path log;
        Path durations;
        String java;
        Path node;
        Path ric;
        String handler;
        String javaToolOptions = "";
        String firehose;
        int memoryMb = 1024;
        int warmup = 5;
        int iterations = 10;
        int starts;
        int timeoutSeconds = 300;
        boolean lambdaCpu;
        final Map<String, String> env = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = rest.remove(0);
                switch (flag) {
                    case "--label" -> o.label = value;
                    case "--event" -> o.event = Path.of(value);
                    case "--log" -> o.log = Path.of(value);
                    case "--durations" -> o.durations = Path.of(value);
                    case "--java" -> o.java = value;
                    case "--node" -> o.node = Path.of(value).toAbsolutePath();
                    case "--ric" -> o.ric = Path.of(value).toAbsolutePath();
                    case "--handler" -> o.handler = value;
                    case "--java-tool-options" -> o.javaToolOptions = value;
                    case "--firehose" -> o.firehose = value;
                    case "--memory-mb" -> o.memoryMb = positive(flag, value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--iterations" -> o.iterations = positive(flag, value);
                    case "--starts" -> o.starts = positive(flag, value);
                    case "--timeout-seconds" -> o.timeoutSeconds = positive(flag, value);
                    case "--cpu-share" ->
                        o.lambdaCpu = switch (value) {
                            case "lambda" -> true;
                            case "machine" -> false;
                            default ->
                                throw new IllegalArgumentException("--cpu-share is lambda or machine, got " + value);
                        };
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--env needs KEY=VALUE, got " + value);
                        }
                        o.env.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (o.label == null || o.event == null || o.log == null) {
                throw new IllegalArgumentException("--label, --event and --log are required");
            }
            if ((o.java == null) == (o.node == null)) {
                throw new IllegalArgumentException("give exactly one of --java and --node");
            }
            if (o.node != null && (o.ric == null || o.handler == null)) {
                throw new IllegalArgumentException("--node needs --ric and --handler");
            }
            return o;
        }

        private static int positive(String flag, String value) {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(flag + " needs a positive number, got " + value);
            }
            return n;
        }
    }
}
