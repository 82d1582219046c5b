package io.streamingdata.msk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the project's scripts ({@code scripts/stack}, {@code scripts/demo}, {@code scripts/produce}) as a user would,
 * against a stack of its own: free ports and a state directory under {@code target/}, so tests never touch a stack
 * the user is running.
 */
final class Scripts {

    private static final Random RANDOM = new SecureRandom();
    /** Ports handed out by this JVM: chosen but not yet bound, they must not be chosen twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    /** A module's Quarkus runner jar, whatever the project version, as the build left it in target/. */
    static Path runnerJar(String module) {
        Path target = REPO_ROOT.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(path -> path.getFileName()
                            .toString()
                            .matches(java.util.regex.Pattern.quote(module) + "-.+-runner\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no " + module + "-*-runner.jar in " + target + ": build it with ./mvnw package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function's consumer-mode application (consumer-mode/FUNCTION), as the build left it. */
    static Path consumerModeJar(String function) {
        Path jar = REPO_ROOT
                .resolve("consumer-mode")
                .resolve(function)
                .resolve("target")
                .resolve("quarkus-app")
                .resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it with ./mvnw package");
        }
        return jar;
    }

    /** Unpacks a module's target/function.zip into {@code taskRoot} as Lambda does, and returns the task root. */
    static Path unpackFunctionZip(String module, Path taskRoot) {
        Path zip = REPO_ROOT.resolve(module).resolve("target").resolve("function.zip");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IllegalStateException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + zip + ": build it with ./mvnw package", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return taskRoot;
    }

    final Path stateDir;
    final Map<String, String> env = new HashMap<>();
    final int kafkaPort;
    final int s3Port;
    final int firehosePort;

    Scripts(String name) {
        try {
            stateDir = Files.createDirectories(REPO_ROOT.resolve("local-stack/target/test-stacks/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafkaPort = freePort();
        s3Port = freePort();
        firehosePort = freePort();
        env.put("LOCAL_STACK_DIR", stateDir.toString());
        env.put("LOCAL_STACK_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("LOCAL_STACK_CONTROLLER_PORT", Integer.toString(freePort()));
        env.put("LOCAL_STACK_S3_PORT", Integer.toString(s3Port));
        env.put("LOCAL_STACK_FIREHOSE_PORT", Integer.toString(firehosePort));
        env.put("LOCAL_STACK_BUFFER_SECONDS", "2");
        // The stack runs the jars this Maven run built; a rebuild started from inside a test would race it
        // (BuildCheckScriptTest tests the check itself).
        env.put("LOCAL_STACK_BUILD_CHECK", "0");
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    String firehoseEndpoint() {
        return "http://127.0.0.1:" + firehosePort;
    }

    Path loggerLog() {
        return stateDir.resolve("logs/logger.log");
    }

    /** Where {@link #startOnFreshData()} keeps the stack's broker and S3 data. */
    Path dataDir() {
        return stateDir.resolve("data");
    }

    /** Starts the whole stack with {@code scripts/stack start} on an empty data directory. */
    Result startOnFreshData() throws IOException {
        deleteTree(dataDir());
        return run("stack", "start", "--data-dir", dataDir().toString());
    }

    /**
     * Waits, for at most {@code timeoutSeconds}, until the pipeline verifier finds the run's {@code expected}
     * records logged by the logger and delivered (or parked) by the forwarder of this stack.
     */
    PipelineVerifier.Summary verify(String run, int expected, int timeoutSeconds) {
        VerifierOptions options = VerifierOptions.parse(new String[] {
            "--run-id", run,
            "--expected", Integer.toString(expected),
            "--logger-log", loggerLog().toString(),
            "--s3-endpoint", s3Endpoint(),
            "--firehose-endpoint", firehoseEndpoint(),
            "--timeout", Integer.toString(timeoutSeconds),
            "--quiet"
        });
        try (PipelineVerifier verifier = new PipelineVerifier(options)) {
            return verifier.await();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    Result run(String script, String... args) {
        return run(180, script, args);
    }

    Result run(int timeoutSeconds, String script, String... args) {
        return runIn(REPO_ROOT, timeoutSeconds, script, args);
    }

    /** Runs a script of {@code scripts/} with {@code directory} as its working directory. */
    Result runIn(Path directory, int timeoutSeconds, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(REPO_ROOT.resolve("scripts").resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(stateDir, "out", ".txt");
            Path err = Files.createTempFile(stateDir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s; output:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PIDs of processes started by the scripts for this stack that are still alive. */
    List<Long> runningParts() {
        String marker = "-Dlocal-stack.dir=" + stateDir;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(marker))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /**
     * A free loopback port below Linux's ephemeral range (32768-60999): a port from that range, once its server stops
     * for a restart, can be taken as the local end of any outgoing connection on the machine before it binds again.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }

    record Result(int exitCode, String out, String err) {
        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
