package io.streamingdata.msk.logger.bench;

import io.streamingdata.msk.records.LocalLambdaRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures how soon the packaged JVM function is ready for its first event: it starts the function the way the
 * {@code java21} managed runtime does ({@link LocalLambdaRuntime}) and times process start to the first
 * {@code /invocation/next} request and to the first response.
 * <p>
 * Usage: {@code ColdStartBenchmark FUNCTION_DIR EVENT_FILE [RUNS]}, where FUNCTION_DIR is the unpacked
 * {@code function.zip}.
 */
public final class ColdStartBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ColdStartBenchmark FUNCTION_DIR EVENT_FILE [RUNS]");
            System.exit(2);
        }
        Path function = Path.of(args[0]);
        String classpath = function + ":" + function.resolve("lib") + "/*";
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long[] ready = new long[runs];
        long[] answered = new long[runs];
        for (int run = 0; run < runs; run++) {
            LocalLambdaRuntime.Invocation invocation =
                    LocalLambdaRuntime.invoke("consumer-logger", classpath, event, Map.of());
            if (invocation.error()) {
                throw new IllegalStateException("The function failed: " + invocation.body());
            }
            ready[run] = invocation.readyMillis();
            answered[run] = invocation.answeredMillis();
            System.out.printf(
                    "  run %d: ready for the first event after %d ms, first response after %d ms%n",
                    run + 1, ready[run], answered[run]);
        }
        Arrays.sort(ready);
        Arrays.sort(answered);
        System.out.printf(
                "consumer-logger (JVM, runtime interface client): median ready %d ms, median first "
                        + "response %d ms%n",
                ready[runs / 2], answered[runs / 2]);
        System.out.printf("RESULT jvm_ready_ms=%d jvm_first_response_ms=%d%n", ready[runs / 2], answered[runs / 2]);
    }
}
