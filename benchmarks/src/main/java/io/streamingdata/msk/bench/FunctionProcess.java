package io.streamingdata.msk.bench;

import io.streamingdata.msk.records.RuntimeApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One runtime process polling a {@link RuntimeApi}: started, measured, stopped. */
final class FunctionProcess implements AutoCloseable {

    /** {@code getconf CLK_TCK}: 100 on every Linux architecture the benchmarks run on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final long startedNanos;

    private FunctionProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts the command with exactly this environment, standard output and error appended to {@code log}. */
    static FunctionProcess start(List<String> command, Map<String, String> environment, Path workingDirectory, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new FunctionProcess(builder.start(), started);
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Peak resident set size so far, in kB, from the kernel's {@code VmHWM}; -1 where it cannot be read. */
    long peakRssKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the process has used so far (all its threads, user and system), in milliseconds, from the kernel's
     * {@code /proc/PID/stat} at its clock-tick resolution (10 ms on Linux); -1 where it cannot be read. Unlike wall
     * time it hardly grows when other processes compete for the cores, so it compares variants on a busy machine.
     */
    long cpuMillis() {
        // utime and stime are fields 14 and 15.
        long ticks = statField(14) + statField(15);
        return ticks < 0 ? -1 : ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * Minor page faults of the process so far (all its threads), from {@code /proc/PID/stat}; -1 where it cannot be
     * read. Each is a page the kernel had to find and clear: memory a process returns to the system and asks for
     * again costs one fault per 4 KiB page every time.
     */
    long minorFaults() {
        return statField(10);
    }

    /** Field {@code number} (counted from 1, as in proc(5)) of {@code /proc/PID/stat}, or -1. */
    private long statField(int number) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from the field after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[number - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
