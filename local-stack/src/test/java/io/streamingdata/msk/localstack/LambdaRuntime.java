package io.streamingdata.msk.localstack;

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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a packaged function the way the {@code java21} managed runtime does: the AWS Lambda runtime interface client
 * calling {@code QuarkusStreamHandler::handleRequest} from the function's jar and {@code lib/}, against a Lambda
 * Runtime API served here on loopback that hands out one event and collects the answer.
 */
final class LambdaRuntime {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** The function's answer ({@code /response} or {@code /error}) and what it wrote to standard output. */
    record Invocation(boolean error, String body, String stdout) {
    }

    private LambdaRuntime() {
    }

    static Invocation invoke(String function, Path runnerJar, byte[] event, Map<String, String> env, Path workDir)
            throws Exception {
        CompletableFuture<Invocation> answer = new CompletableFuture<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        boolean[] served = {false};
        api.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
            synchronized (served) {
                if (served[0]) {
                    return; // later polls stay open, as the real Runtime API's do between events
                }
                served[0] = true;
            }
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "local-stack-1");
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:123456789012:function:" + function);
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                    "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply(exchange, 200, event);
        });
        Path stdout = Files.createTempFile(workDir, function, ".out");
        api.createContext("/2018-06-01/runtime/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(exchange, 202, new byte[0]);
            answer.complete(new Invocation(!path.endsWith("/response"), path + " " + body, null));
        });
        api.setExecutor(Executors.newCachedThreadPool());
        api.start();
        Process process = null;
        try {
            String classpath = runnerJar + ":" + runnerJar.resolveSibling("lib") + "/*:" + runtimeClientClasspath();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseSerialGC", "-Xmx256m", "-cp", classpath,
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER)
                    .redirectErrorStream(true).redirectOutput(stdout.toFile());
            builder.environment().putAll(env);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function);
            builder.environment().put("_HANDLER", HANDLER);
            process = builder.start();
            Invocation result;
            try {
                result = answer.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(function + " gave no answer within 60 s; its output:\n"
                        + Files.readString(stdout));
            }
            Thread.sleep(200); // the last log lines
            return new Invocation(result.error(), result.body(), Files.readString(stdout));
        } finally {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            api.stop(0);
        }
    }

    /** The runtime interface client's jars, from this test's own classpath (a test dependency). */
    private static String runtimeClientClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(":"))
                .filter(jar -> jar.matches(".*aws-lambda-java-(runtime-interface-client|serialization)[^/]*\\.jar"))
                .collect(Collectors.joining(":"));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
