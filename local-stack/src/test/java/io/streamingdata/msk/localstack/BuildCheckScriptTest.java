package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changed_since_build} in {@code scripts/lib/stack-parts.sh}, which makes {@code scripts/stack start} and
 * {@code scripts/demo} rebuild when the sources changed after the last build (a {@code git pull}, an edit), on a
 * made-up tree whose file times the test sets: it must name a changed source, resource or POM, and nothing once the
 * build has run again, or every start would rebuild.
 */
class BuildCheckScriptTest {

    private static final Instant SOURCES = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant BUILT = SOURCES.plusSeconds(60);
    private static final Instant EDITED = BUILT.plusSeconds(60);
    private static final Instant REBUILT = EDITED.plusSeconds(60);

    @TempDir
    Path root;

    @Test
    void namesWhatChangedSinceTheBuildAndNothingOnceItIsBuiltAgain() throws Exception {
        Path pom = file("pom.xml", SOURCES);
        Path recordModel = file("kafka-records/src/main/java/Record.java", SOURCES);
        Path resource = file("kafka-records/src/main/resources/priming/event.json", SOURCES);
        file("kafka-records/pom.xml", SOURCES);
        file("consumer-logger/src/main/java/Logger.java", SOURCES);
        file("firehose-forwarder/src/main/java/Forwarder.java", SOURCES);
        built(BUILT);
        assertEquals("", changedSinceBuild(), "just built");

        touch(recordModel, EDITED);
        assertEquals(recordModel.toString(), changedSinceBuild(), "a source edited after the build");
        built(REBUILT);
        assertEquals("", changedSinceBuild(), "rebuilt: the classes are newer again");

        touch(resource, REBUILT.plusSeconds(60));
        assertEquals(resource.toString(), changedSinceBuild(), "a resource edited after the build");
        touch(resource, SOURCES);

        // A POM's change rewrites no class; the consumer-mode jars, which every package writes anew, settle it.
        touch(pom, REBUILT.plusSeconds(60));
        assertEquals(pom.toString(), changedSinceBuild(), "the parent POM edited after the build");
        built(REBUILT.plusSeconds(120));
        assertEquals("", changedSinceBuild(), "rebuilt after the POM");
    }

    @Test
    void leavesWhatWasNeverBuiltToTheChecksForMissingArtifacts() throws Exception {
        file("pom.xml", EDITED);
        file("kafka-records/src/main/java/Record.java", EDITED);
        assertEquals("", changedSinceBuild(), "nothing built at all");
        file("kafka-records/target/classes/Record.class", BUILT);
        assertEquals(
                root.resolve("kafka-records/src/main/java/Record.java").toString(),
                changedSinceBuild(),
                "a module that was built is held to its sources even when the functions were not");
    }

    /** Writes the classes of three modules and the consumer-mode applications' jars at {@code time}. */
    private void built(Instant time) throws IOException {
        file("kafka-records/target/classes/Record.class", time);
        file("kafka-records/target/classes/priming/event.json", time);
        file("consumer-logger/target/classes/Logger.class", time);
        file("firehose-forwarder/target/classes/Forwarder.class", time);
        file("consumer-mode/consumer-logger/target/quarkus-app/quarkus-run.jar", time);
        file("consumer-mode/firehose-forwarder/target/quarkus-app/quarkus-run.jar", time);
    }

    private Path file(String path, Instant time) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, path);
        }
        touch(file, time);
        return file;
    }

    private static void touch(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    private String changedSinceBuild() throws Exception {
        Process process = new ProcessBuilder(
                        "bash",
                        "-c",
                        "set -euo pipefail; source scripts/lib/common.sh; source scripts/lib/local-stack.sh; "
                                + "changed_since_build \"$1\"",
                        "changed_since_build",
                        root.toString())
                .directory(Scripts.REPO_ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("changed_since_build did not finish in 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
