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
 * Runs functions under real Lambda runtime interface clients, each against a loopback {@link RuntimeApi} of its own,
 * and prints their timings: warm invocations after warm-up (median, min, p90, max), init (process start to the first
 * poll), peak RSS; or, with {@code --starts}, cold starts of one function. A human line, then a
 * {@code RESULT key=value...} line, per function.
 * <p>
 * Several functions ({@code --and} between their options) take turns, one invocation each, in an order that rotates
 * every round, and only one runs at a time: on a shared machine whose speed drifts from minute to minute, each is then
 * measured over the same minutes as the others, where one after another each had minutes of its own.
 */
public final class LambdaRun {

    static final String USAGE = """
            Usage: LambdaRun FUNCTION [--and FUNCTION]...
            FUNCTION: --label L --event FILE --log FILE (--java CLASSPATH | --node TASK_ROOT --ric INDEX_MJS)
                      [--handler H] [--memory-mb M] [--java-tool-options OPTS] [--warmup N] [--iterations N]
                      [--starts N] [--env KEY=VALUE]... [--firehose URL] [--timeout-seconds N]
                      [--cpu-share machine|lambda] [--durations FILE]
              --and              another function: they take turns, one invocation each, in a rotating order;
                                 --event, --warmup, --iterations, --timeout-seconds and --cpu-share must agree
              --java CLASSPATH   an unpacked function.zip as DIR:DIR/lib/*, under the Java runtime client
              --node TASK_ROOT   a directory with the handler module, under the Node.js runtime client at --ric
              --starts N         time N cold starts (one invocation each) instead of warm invocations
              --firehose URL     a local Firehose endpoint whose counters give calls and records per invocation
              --cpu-share lambda limit the runtime process to the CPU Lambda gives the memory setting (a cgroup;
                                 needs root); machine, the default, lets it use the whole machine
              --durations FILE   write every invocation's duration in ms, warm-ups included, one per line
              --timeout-seconds N  the longest wait for a function's first poll and for each answer (default 300)
            """;

    private LambdaRun() {}

    public static void main(String[] args) throws Exception {
        List<Options> functions;
        try {
            functions = Options.parseAll(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LambdaRun: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Options first = functions.get(0);
        byte[] event = Files.readAllBytes(first.event);
        List<Side> sides = new ArrayList<>();
        int exitCode = 0;
        try {
            for (int i = 0; i < functions.size(); i++) {
                Options options = functions.get(i);
                CpuShare share = null;
                if (options.lambdaCpu) {
                    share = CpuShare.create(
                            "lambdarun-" + ProcessHandle.current().pid() + "-" + i, options.memoryMb);
                    System.out.println(options.label + ": CPU held to " + CpuShare.describe(options.memoryMb));
                }
                sides.add(new Side(options, share));
            }
            if (first.starts > 0) {
                coldStarts(first, event, sides.get(0).share);
            } else {
                warm(sides, event);
            }
        } catch (IOException e) {
            if (sides.size() == functions.size()) {
                throw e;
            }
            System.err.println("LambdaRun: --cpu-share lambda: " + e.getMessage());
            exitCode = 2;
        } catch (IllegalStateException failed) {
            System.err.println("LambdaRun: " + failed.getMessage());
            exitCode = 1;
        } finally {
            for (Side side : sides) {
                side.close();
            }
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** One function of a run: its options, its cgroup, its Runtime API and process once started, its counters. */
    private static final class Side implements AutoCloseable {
        final Options options;
        final CpuShare share;
        RuntimeApi api;
        FunctionProcess function;
        FirehoseCounters calls = new FirehoseCounters(0, 0, 0);
        /** CPU the process used over the measured invocations, all its threads, in ms; -1 where unreadable. */
        long cpuMillis;
        /** Minor page faults over the measured invocations; -1 where unreadable. */
        long faults;

        Side(Options options, CpuShare share) {
            this.options = options;
            this.share = share;
        }

        /** Stops the process, then its Runtime API, then removes its cgroup, which only an empty one allows. */
        @Override
        public void close() throws InterruptedException, IOException {
            if (function != null) {
                function.close();
            }
            if (api != null) {
                api.close();
            }
            if (share != null) {
                share.close();
            }
        }
    }

    /** The order in which the functions take their turns in round {@code round}: rotated by one every round. */
    static int[] turnOrder(int round, int functions) {
        int[] order = new int[functions];
        for (int k = 0; k < functions; k++) {
            order[k] = (round + k) % functions;
        }
        return order;
    }

    private static void warm(List<Side> sides, byte[] event) throws Exception {
        Options common = sides.get(0).options;
        int total = common.warmup + common.iterations;
        // Started one after another, each alone until its first poll, so that init is what one start costs.
        for (Side side : sides) {
            side.api = new RuntimeApi(event, total, side.options.label, true);
            side.function = start(side.options, side.api, side.share);
            if (!awaitFirstPoll(side.api, side.function, common.timeoutSeconds)) {
                fail(side.options, side.api, side.function, total);
            }
        }
        for (int round = 0; round < total; round++) {
            for (int k : turnOrder(round, sides.size())) {
                Side side = sides.get(k);
                FirehoseCounters before = FirehoseCounters.read(side.options.firehose);
                long cpuBefore = side.function.cpuMillis();
                long faultsBefore = side.function.minorFaults();
                side.api.release();
                if (!awaitAnswer(side.api, round, side.function, common.timeoutSeconds, side.options.log)) {
                    fail(side.options, side.api, side.function, total);
                }
                long cpuAfter = side.function.cpuMillis();
                long faultsAfter = side.function.minorFaults();
                if (round >= common.warmup) {
                    side.cpuMillis = counted(side.cpuMillis, cpuBefore, cpuAfter);
                    side.faults = counted(side.faults, faultsBefore, faultsAfter);
                }
                side.calls = side.calls.plus(
                        FirehoseCounters.read(side.options.firehose).minus(before));
            }
        }
        for (Side side : sides) {
            report(side, total);
        }
    }

    /** {@code sum} plus what a counter grew by, or -1 once any reading failed. */
    static long counted(long sum, long before, long after) {
        return sum < 0 || before < 0 || after < 0 ? -1 : sum + after - before;
    }

    private static void report(Side side, int total) throws IOException {
        Options options = side.options;
        RuntimeApi api = side.api;
        long rss = side.function.peakRssKilobytes();
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
        double init = (api.firstPoll() - side.function.startedNanos()) / 1e6;
        Percentiles p = Percentiles.of(durations);
        // The kernel counts CPU in 10 ms ticks: a mean over the measured invocations, not a figure per invocation.
        double cpu = side.cpuMillis < 0 ? -1 : (double) side.cpuMillis / options.iterations;
        long faults = side.faults < 0 ? -1 : side.faults / options.iterations;
        System.out.printf(
                Locale.ROOT,
                "%-34s warm median %7.1f ms (min %.1f, p90 %.1f, max %.1f, n=%d)  CPU mean %5.1f ms  "
                        + "page faults %5d  init %5.0f ms  peak RSS %4d MB%s%n",
                options.label,
                p.median(),
                p.min(),
                p.p90(),
                p.max(),
                options.iterations,
                cpu,
                faults,
                init,
                rss / 1024,
                side.calls.describe(total));
        System.out.printf(
                Locale.ROOT,
                "RESULT label=%s median_ms=%.1f min_ms=%.1f p90_ms=%.1f max_ms=%.1f cpu_ms=%.1f faults=%d "
                        + "init_ms=%.0f rss_mb=%d%s%n",
                options.label,
                p.median(),
                p.min(),
                p.p90(),
                p.max(),
                cpu,
                faults,
                init,
                rss / 1024,
                side.calls.keyValues(total));
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
                            || !awaitAnswer(api, 0, function, options.timeoutSeconds, options.log)
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
     * Waits for invocation {@code i}'s answer, but no longer than the process lives (a runtime that dies, of a bad JVM
     * option or a missing class, is reported at once, not when the timeout ends), keeping the function's log within
     * {@link #LOG_LIMIT_BYTES} meanwhile: the logger writes some 7 MB per invocation, and a log grown to gigabytes
     * slowed every later invocation of the same run (on this machine a logger's median went from 28 to 45 ms once
     * some 1.7 GB had been written, on a disk and on /dev/shm alike), which Lambda, whose runtime writes to a pipe,
     * does not do.
     */
    private static boolean awaitAnswer(RuntimeApi api, int i, FunctionProcess function, int timeoutSeconds, Path log)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (api.awaitAnswer(i, 200, TimeUnit.MILLISECONDS)) {
                keepWithinLimit(log, LOG_LIMIT_BYTES);
                return true;
            }
            keepWithinLimit(log, LOG_LIMIT_BYTES);
            if (!function.alive() || api.initError() != null) {
                return api.awaitAnswer(i, 0, TimeUnit.MILLISECONDS);
            }
        }
        return false;
    }

    /** Waits for the function's first poll, but no longer than the process lives or the timeout. */
    private static boolean awaitFirstPoll(RuntimeApi api, FunctionProcess function, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (api.firstPoll() == 0 && api.initError() == null && function.alive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return api.firstPoll() != 0 && api.initError() == null;
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

        /** The options of each function, split at {@code --and}; what the functions share must agree. */
        static List<Options> parseAll(String[] args) {
            List<Options> functions = new ArrayList<>();
            List<String> group = new ArrayList<>();
            for (String arg : args) {
                if (arg.equals("--and")) {
                    functions.add(parse(group.toArray(String[]::new)));
                    group.clear();
                } else {
                    group.add(arg);
                }
            }
            functions.add(parse(group.toArray(String[]::new)));
            Options first = functions.get(0);
            for (Options other : functions.subList(1, functions.size())) {
                if (other.starts > 0 || first.starts > 0) {
                    throw new IllegalArgumentException("--starts times one function at a time: leave out --and");
                }
                if (!other.event.equals(first.event)
                        || other.warmup != first.warmup
                        || other.iterations != first.iterations
                        || other.timeoutSeconds != first.timeoutSeconds
                        || other.lambdaCpu != first.lambdaCpu) {
                    throw new IllegalArgumentException(other.label + " and " + first.label
                            + " take turns: give them the same --event, --warmup, --iterations, --timeout-seconds and"
                            + " --cpu-share");
                }
                if (functions.stream().filter(o -> o.label.equals(other.label)).count() > 1) {
                    throw new IllegalArgumentException("two functions are labelled " + other.label);
                }
            }
            return functions;
        }

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
