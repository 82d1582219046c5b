package io.streamingdata.msk.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a packaged function the way the {@code java21} managed runtime does: the AWS Lambda runtime interface client
 * calling {@code QuarkusStreamHandler::handleRequest}, against a Lambda Runtime API served here on loopback that hands
 * out one event ({@link RuntimeApi}) and collects the answer. Used by the end-to-end tests (the Lambda path on real
 * Kafka data).
 * <p>
 * The runtime interface client's jars come from the caller's own class path, where they are a test dependency.
 */
public final class LocalLambdaRuntime {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /**
     * One cold start and invocation.
     *
     * @param error whether the function answered on {@code /error}
     * @param body {@code response} or {@code error} and the answer, or {@code init/error} and the report
     * @param output what the function wrote to standard output and error
     * @param readyMillis from process start to the first {@code /invocation/next} request
     * @param answeredMillis from process start to the answer
     */
    public record Invocation(boolean error, String body, String output, long readyMillis, long answeredMillis) {}

    private LocalLambdaRuntime() {}

    /**
     * @param functionClasspath the function's classes and jars: a runner jar and its {@code lib/*}, or an unpacked
     *     {@code function.zip} and its {@code lib/*}
     */
    public static Invocation invoke(
            String function, String functionClasspath, byte[] event, Map<String, String> environment)
            throws IOException, InterruptedException {
        RuntimeApi api = new RuntimeApi(event, 1, function);
        Path output = Files.createTempFile(function, ".out");
        Process process = null;
        try {
            // The flags the java21 runtime uses by default: C1 only, for the fastest start.
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:+TieredCompilation",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xmx256m",
                            "-cp",
                            functionClasspath + ":" + runtimeClientClasspath(),
                            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                            HANDLER)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function);
            builder.environment().put("_HANDLER", HANDLER);
            long started = System.nanoTime();
            process = builder.start();
            boolean answered = api.awaitAnswers(60, TimeUnit.SECONDS);
            long answeredAt = System.nanoTime();
            if (!answered && api.initError() == null) {
                throw new AssertionError(
                        function + " gave no answer within 60 s; its output:\n" + Files.readString(output));
            }
            // The function writes its lines before it answers; stopping it leaves them complete in the file.
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            String body = answered ? api.answer(0) : "init/error " + api.initError();
            long firstPoll = api.firstPoll() == 0 ? answeredAt : api.firstPoll();
            return new Invocation(
                    !body.startsWith("response "),
                    body,
                    Files.readString(output),
                    (firstPoll - started) / 1_000_000,
                    (answeredAt - started) / 1_000_000);
        } finally {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            api.close();
            Files.deleteIfExists(output);
        }
    }

    private static String runtimeClientClasspath() {
        String jars = Arrays.stream(System.getProperty("java.class.path").split(":"))
                .filter(jar -> jar.matches(".*aws-lambda-java-(runtime-interface-client|serialization)[^/]*\\.jar"))
                .collect(Collectors.joining(":"));
        if (jars.isEmpty()) {
            throw new IllegalStateException("The AWS Lambda runtime interface client is not on the class path: add "
                    + "com.amazonaws:aws-lambda-java-runtime-interface-client as a test dependency");
        }
        return jars;
    }
}
