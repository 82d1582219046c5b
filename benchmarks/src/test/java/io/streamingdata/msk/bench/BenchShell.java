package io.streamingdata.msk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a command of the benchmarks' shell library ({@code scripts/bench/common.sh}) from the repository's root. */
final class BenchShell {

    static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    private BenchShell() {}

    /** The exit status and the output (standard output and error, stripped) of {@code command}. */
    static String[] run(String command) throws Exception {
        Process bash = new ProcessBuilder(
                        "bash", "-c", "source scripts/lib/common.sh && source scripts/bench/common.sh && " + command)
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        bash.waitFor(30, TimeUnit.SECONDS);
        return new String[] {String.valueOf(bash.exitValue()), output};
    }
}
