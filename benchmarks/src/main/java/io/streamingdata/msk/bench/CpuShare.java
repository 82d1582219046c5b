package io.streamingdata.msk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU Lambda gives a function: in proportion to its memory, one vCPU at 1,769 MB, so a 512 MB function gets
 * 29 % of a core however many the machine has. A benchmark that wants that share runs the runtime process in a cgroup
 * of its own whose CPU quota is the share (the cgroup v1 {@code cpu} controller or cgroup v2 with {@code cpu}
 * enabled; it needs root). Lambda does not document how it enforces the share; this uses the kernel's default
 * scheduling period of 100 ms.
 */
final class CpuShare implements AutoCloseable {

    /** The memory setting at which a function has the equivalent of one full vCPU. */
    static final int MEGABYTES_PER_VCPU = 1769;

    static final int PERIOD_MICROS = 100_000;

    private static final Path V1_CPU = Path.of("/sys/fs/cgroup/cpu");
    private static final List<Path> V2_ROOTS = List.of(Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/unified"));

    private final Path directory;

    private CpuShare(Path directory) {
        this.directory = directory;
    }

    /** The quota per {@link #PERIOD_MICROS} for a memory setting (Lambda's maximum, 10,240 MB, has 6 vCPUs). */
    static long quotaMicros(int memoryMegabytes) {
        return Math.round((double) memoryMegabytes * PERIOD_MICROS / MEGABYTES_PER_VCPU);
    }

    /**
     * Creates a cgroup named {@code name} limited to the share of {@code memoryMegabytes}.
     *
     * @throws IOException with what is missing, when no cgroup CPU controller can be written here
     */
    static CpuShare create(String name, int memoryMegabytes) throws IOException {
        long quota = quotaMicros(memoryMegabytes);
        List<String> tried = new ArrayList<>();
        if (Files.isWritable(V1_CPU.resolve("cpu.cfs_quota_us"))) {
            Path dir = fresh(V1_CPU.resolve(name));
            Files.writeString(dir.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            return new CpuShare(dir);
        }
        tried.add(V1_CPU + " (cgroup v1 cpu controller): not there or not writable");
        for (Path root : V2_ROOTS) {
            Path controllers = root.resolve("cgroup.subtree_control");
            if (Files.isWritable(controllers) && Files.readString(controllers).contains("cpu")) {
                Path dir = fresh(root.resolve(name));
                Files.writeString(dir.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
                return new CpuShare(dir);
            }
            tried.add(root + " (cgroup v2): cpu not in a writable cgroup.subtree_control");
        }
        throw new IOException("limiting a function to Lambda's CPU share needs a cgroup CPU controller this user can "
                + "write (run as root); tried " + String.join("; ", tried));
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            Files.delete(dir); // left by a run that was killed; fails, as it should, if processes are still in it
        }
        return Files.createDirectory(dir);
    }

    /** What the share is, for the benchmark's output. */
    static String describe(int memoryMegabytes) {
        return String.format(
                Locale.ROOT,
                "%.2f vCPU (%d MB / %d MB per vCPU)",
                (double) quotaMicros(memoryMegabytes) / PERIOD_MICROS,
                memoryMegabytes,
                MEGABYTES_PER_VCPU);
    }

    /** {@code command}, run so that its process enters this cgroup before it starts (so do all its threads). */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(
                List.of("/bin/sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", directory.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    Path directory() {
        return directory;
    }

    /** Removes the cgroup; call it once the process in it has exited. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(directory);
    }
}
