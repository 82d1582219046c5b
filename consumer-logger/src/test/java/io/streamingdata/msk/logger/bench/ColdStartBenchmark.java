package io.streamingdata.msk.logger.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures how soon the packaged JVM function is ready for its first event: it starts the function the way the
 * {@code java21} managed runtime does (the AWS Lambda runtime interface client calling
 * {@code QuarkusStreamHandler::handleRequest}), against a Lambda Runtime API served here on loopback, and times
 * process start to the first {@code /invocation/next} request and to the first response.
 * <p>
 * Usage: {@code ColdStartBenchmark FUNCTION_DIR RUNTIME_CLIENT_CLASSPATH EVENT_FILE [RUNS]}, where FUNCTION_DIR is
 * the unpacked {@code function.zip}.
 */
public final class ColdStartBenchmark {

    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ColdStartBenchmark FUNCTION_DIR RUNTIME_CLIENT_CLASSPATH EVENT_FILE [RUNS]");
            System.exit(2);
        }
        Path function = Path.of(args[0]);
        String classpath = function + ":" + function.resolve("lib") + "/*:" + args[1];
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long[] ready = new long[runs];
        long[] answered = new long[runs];
        for (int run = 0; run < runs; run++) {
            long[] times = coldStart(classpath, event);
            ready[run] = times[0];
            answered[run] = times[1];
            System.out.printf("  run %d: ready for the first event after %d ms, first response after %d ms%n",
                    run + 1, ready[run], answered[run]);
        }
        Arrays.sort(ready);
        Arrays.sort(answered);
        System.out.printf("consumer-logger (JVM, runtime interface client): median ready %d ms, median first "
                + "response %d ms%n", ready[runs / 2], answered[runs / 2]);
        System.out.printf("RESULT jvm_ready_ms=%d jvm_first_response_ms=%d%n", ready[runs / 2], answered[runs / 2]);
    }

    private static long[] coldStart(String classpath, byte[] event) throws Exception {
        CompletableFuture<Long> firstPoll = new CompletableFuture<>();
        CompletableFuture<Long> firstResponse = new CompletableFuture<>();
        List<String> errors = new ArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        long[] started = new long[1];
        api.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
            if (firstPoll.complete(System.nanoTime())) {
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "bench-1");
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:consumer-logger");
                // The runtime client's native part expects every header the real Runtime API sends.
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                reply(exchange, 200, event);
            }
            // Later polls stay open until the process is stopped, as the real Runtime API does between events.
        });
        api.createContext("/2018-06-01/runtime/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.endsWith("/response")) {
                firstResponse.complete(System.nanoTime());
            } else {
                errors.add(path + " " + new String(body));
                firstResponse.complete(-1L);
            }
            reply(exchange, 202, new byte[0]);
        });
        api.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        api.start();
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xmx256m", "-cp", classpath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    HANDLER);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "consumer-logger");
            builder.environment().put("_HANDLER", HANDLER);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            started[0] = System.nanoTime();
            process = builder.start();
            long poll = firstPoll.get(30, TimeUnit.SECONDS);
            long response = firstResponse.get(30, TimeUnit.SECONDS);
            if (response < 0) {
                throw new IllegalStateException("The function failed: " + errors);
            }
            return new long[] {(poll - started[0]) / 1_000_000, (response - started[0]) / 1_000_000};
        } finally {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            api.stop(0);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
