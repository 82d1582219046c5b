package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that puts the forwarder's crypto provider into function.zip, run as the build runs it. */
class AddToFunctionZipTest {

    private static final Path SCRIPT = Scripts.REPO_ROOT.resolve("scripts/build/AddToFunctionZip.java");

    @TempDir
    Path dir;

    @Test
    void addsTheFilesUnderTheirDirectoryReplacingWhatItHeldAndKeepsEverythingElse() throws Exception {
        Path zip = dir.resolve("function.zip");
        Map<String, byte[]> original = new LinkedHashMap<>();
        original.put("io/example/Handler.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        original.put("lib/multi-release.jar", "jar bytes".getBytes(StandardCharsets.UTF_8));
        original.put(
                "accp/AmazonCorrettoCryptoProvider-1.0-linux-x86_64.jar", "stale".getBytes(StandardCharsets.UTF_8));
        original.put("accpx/kept.txt", "not the directory".getBytes(StandardCharsets.UTF_8));
        write(zip, original);
        Path provider =
                Files.write(dir.resolve("AmazonCorrettoCryptoProvider-2.5.0-linux-aarch_64.jar"), new byte[5000]);

        for (int run = 0; run < 2; run++) { // a second build must leave one copy, not two
            Result result = run(zip.toString(), "accp", provider.toString());
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("1 file(s) added under accp/"), result.output());
        }

        Map<String, byte[]> rewritten = read(zip);
        assertEquals(
                List.of(
                        "io/example/Handler.class",
                        "lib/multi-release.jar",
                        "accpx/kept.txt",
                        "accp/",
                        "accp/AmazonCorrettoCryptoProvider-2.5.0-linux-aarch_64.jar"),
                List.copyOf(rewritten.keySet()));
        for (String kept : List.of("io/example/Handler.class", "lib/multi-release.jar", "accpx/kept.txt")) {
            assertArrayEquals(original.get(kept), rewritten.get(kept), kept);
        }
        assertArrayEquals(
                Files.readAllBytes(provider),
                rewritten.get("accp/AmazonCorrettoCryptoProvider-2.5.0-linux-aarch_64.jar"));
    }

    @Test
    void saysWhatIsMissing() throws Exception {
        Result usage = run();
        assertEquals(2, usage.exitCode(), usage.output());
        assertTrue(usage.output().contains("Usage: java scripts/build/AddToFunctionZip.java"), usage.output());

        Result noZip = run(dir.resolve("none.zip").toString(), "accp", SCRIPT.toString());
        assertEquals(1, noZip.exitCode(), noZip.output());
        assertTrue(noZip.output().contains("none.zip does not exist: build the function first"), noZip.output());

        Path zip = dir.resolve("function.zip");
        write(zip, Map.of("a.class", new byte[] {1}));
        Result noFile = run(zip.toString(), "accp", dir.resolve("missing.jar").toString());
        assertEquals(1, noFile.exitCode(), noFile.output());
        assertTrue(noFile.output().contains("missing.jar does not exist"), noFile.output());
        Map<String, byte[]> untouched = read(zip);
        assertEquals(List.of("a.class"), List.copyOf(untouched.keySet()), "the zip is untouched");
        assertArrayEquals(new byte[] {1}, untouched.get("a.class"));
    }

    private record Result(int exitCode, String output) {}

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), output);
    }

    private static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
