package io.streamingdata.msk.records;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs a packaged function the way the {@code java21} managed runtime does: the AWS Lambda runtime interface client
 * calling {@code QuarkusStreamHandler::handleRequest}, against a Lambda Runtime API served here on loopback that hands
 * out one event and collects the answer. Used by the end-to-end tests (the Lambda path on real Kafka data) and by the
 * cold-start benchmark, which reads the timings.
 * <p>
 * The runtime interface client's jars come from the caller's own class path, where they are a test dependency.
 */
public final class LocalLambdaRuntime {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /**
     * One cold start and invocation.
     *
     * @param error whether the function answered on {@code /error}
     * @param body the path answered and the answer
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
        CompletableFuture<Long> firstPoll = new CompletableFuture<>();
        CompletableFuture<String> answer = new CompletableFuture<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
            if (!firstPoll.complete(System.nanoTime())) {
                return; // later polls stay open, as the real Runtime API's do between events
            }
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "local-1");
            exchange.getResponseHeaders()
                    .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders()
                    .add(
                            "Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:123456789012:function:" + function);
            // The runtime client's native part expects every header the real Runtime API sends.
            exchange.getResponseHeaders()
                    .add(
                            "Lambda-Runtime-Trace-Id",
                            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply(exchange, 200, event);
        });
        api.createContext("/2018-06-01/runtime/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(exchange, 202, new byte[0]);
            answer.complete(path + " " + body);
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        api.setExecutor(threads);
        api.start();
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
            builder.environment()
                    .put(
                            "AWS_LAMBDA_RUNTIME_API",
                            "127.0.0.1:" + api.getAddress().getPort());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function);
            builder.environment().put("_HANDLER", HANDLER);
            long started = System.nanoTime();
            process = builder.start();
            String answered;
            try {
                answered = answer.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError(
                        function + " gave no answer within 60 s; its output:\n" + Files.readString(output), e);
            }
            long answeredAt = System.nanoTime();
            // The function writes its lines before it answers; stopping it leaves them complete in the file.
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Invocation(
                    !answered.startsWith("/2018-06-01/runtime/invocation/local-1/response"),
                    answered,
                    Files.readString(output),
                    (firstPoll.getNow(answeredAt) - started) / 1_000_000,
                    (answeredAt - started) / 1_000_000);
        } finally {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            api.stop(0);
            threads.shutdownNow();
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

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
