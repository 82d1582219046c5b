package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The HTTP side of the endpoint: maps {@code X-Amz-Target: Firehose_20150804.<Operation>} to an {@link Action},
 * applies the faults that hit every API call (latency, outage) and answers in AWS JSON 1.1, errors included.
 */
final class FirehoseHttpHandler implements HttpHandler {
    private static final Pattern REGION_IN_AUTH = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");
    private static final String DEFAULT_REGION = "us-east-1";

    private final Map<String, Action> actions;
    private final AdminEndpoints admin;
    private final FaultPlan faults;
    private final Consumer<String> warn;

    FirehoseHttpHandler(Map<String, Action> actions, AdminEndpoints admin, FaultPlan faults, Consumer<String> warn) {
        this.actions = Map.copyOf(actions);
        this.admin = admin;
        this.faults = faults;
        this.warn = warn;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(AdminEndpoints.PATH_PREFIX)) {
                admin.handle(exchange, path, requestId);
                return;
            }
            try {
                AwsJson.send(exchange, 200, requestId, invoke(exchange, path, body));
            } catch (ApiError e) {
                AwsJson.send(exchange, e.status, requestId, AwsJson.error(e.type, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                AwsJson.send(exchange, 503, requestId, AwsJson.error("ServiceUnavailableException", "Shutting down."));
            } catch (RuntimeException e) {
                warn.accept("internal error on request " + requestId + ": " + e);
                AwsJson.send(exchange, 500, requestId, AwsJson.error("InternalFailure", "Internal error: " + e));
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    private byte[] invoke(HttpExchange exchange, String path, byte[] body) throws IOException, InterruptedException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(path)) {
            throw new ApiError(404, "UnknownOperationException",
                    "Only POST / is served (got " + exchange.getRequestMethod() + " " + path + ")");
        }
        FaultPlan.CallFault outage = faults.outageFault();
        if (outage != null) {
            throw ApiError.of(outage);
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null && target.startsWith(LocalFirehose.TARGET_PREFIX)
                ? target.substring(LocalFirehose.TARGET_PREFIX.length()) : "";
        Action action = actions.get(operation);
        if (action == null) {
            throw ApiError.badRequest("UnknownOperationException", "Unknown or unsupported operation: " + target);
        }
        return action.handle(AwsJson.parse(body), region(exchange));
    }

    /** The region of the SigV4 credential scope; signatures are not checked, the region only shapes ARNs. */
    private static String region(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = REGION_IN_AUTH.matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_REGION;
    }
}
