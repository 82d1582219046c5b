package io.streamingdata.msk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command lines and environments of the two managed runtimes, as far as a function can tell them apart from
 * Lambda: the {@code java21} runtime's JVM flags with the function's {@code JAVA_TOOL_OPTIONS} after them (so they
 * win), the Node.js runtime's heap limit, and the variables Lambda sets for every function.
 */
final class Runtimes {

    static final String JAVA_RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** The {@code java21} managed runtime's own flags: C1 only, the serial collector, class data sharing. */
    static final List<String> JAVA21_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private Runtimes() {}

    /** Lambda sizes the heap from the memory setting; 85 % of it, leaving room for metaspace, code and threads. */
    static int heapMegabytes(int memoryMegabytes) {
        return memoryMegabytes * 85 / 100;
    }

    /**
     * @param functionClasspath the unpacked {@code function.zip} as a class path ({@code DIR:DIR/lib/*})
     * @param javaToolOptions the function's {@code JAVA_TOOL_OPTIONS}, possibly empty
     */
    static List<String> javaCommand(
            String functionClasspath, String handler, int memoryMegabytes, String javaToolOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA21_FLAGS);
        // In Lambda the JVM's machine is the execution environment, whose memory is the function's setting; here it
        // is a machine of many GiB. Without this the JVM would size its initial heap (1/64 of the machine) and with
        // it the young generation dozens of times larger than in Lambda, and hide the collections Lambda's JVM does.
        command.add("-XX:MaxRAM=" + memoryMegabytes + "m");
        command.add("-Xmx" + heapMegabytes(memoryMegabytes) + "m");
        command.addAll(splitOptions(javaToolOptions));
        command.add("-cp");
        command.add(functionClasspath + ":" + runtimeClientClasspath());
        command.add(JAVA_RIC_MAIN);
        command.add(handler);
        return command;
    }

    static List<String> nodeCommand(Path runtimeClient, String handler, int memoryMegabytes) {
        return List.of(
                "node", "--max-old-space-size=" + heapMegabytes(memoryMegabytes), runtimeClient.toString(), handler);
    }

    /** What Lambda sets for every function (credentials as the SDKs' environment chain reads them). */
    static Map<String, String> lambdaEnvironment(
            String functionName, String handler, int memoryMegabytes, Path taskRoot, String executionEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_EXECUTION_ENV", executionEnv);
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMegabytes));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_LAMBDA_LOG_FORMAT", "Text");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        return env;
    }

    static List<String> splitOptions(String options) {
        return options == null || options.isBlank()
                ? List.of()
                : Arrays.asList(options.trim().split("\\s+"));
    }

    /** The runtime interface client's own jars, taken from this program's class path. */
    static String runtimeClientClasspath() {
        // The client and what it needs itself, as the managed runtime ships it: since 2.10 that includes the SDK's
        // utils-lite (the X-Ray trace id's thread local), which a function without the SDK (the logger) lacks.
        String jars = Arrays.stream(System.getProperty("java.class.path").split(":"))
                .filter(jar -> jar.matches(
                        ".*/(aws-lambda-java-(runtime-interface-client|serialization)|utils-lite)-" + "[^/]*\\.jar"))
                .collect(Collectors.joining(":"));
        if (jars.isEmpty()) {
            throw new IllegalStateException("The AWS Lambda runtime interface client is not on the class path");
        }
        return jars;
    }
}
