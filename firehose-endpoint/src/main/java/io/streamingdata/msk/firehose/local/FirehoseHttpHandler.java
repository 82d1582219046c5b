package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The HTTP side of the endpoint. For each call, in this order: the faults that hit every API call (latency, outage),
 * admission by the memory budget (before a byte of the body is read), the body (streamed, records decoded on the
 * fly), {@code X-Amz-Target: Firehose_20150804.<Operation>}, the SigV4 authorization, then the {@link Action}. Every
 * answer is AWS JSON 1.1, and is sent only after the rest of the body was read and discarded, so that a client that
 * sends its whole body before reading (as the SDK does) always gets it.
 */
final class FirehoseHttpHandler implements HttpHandler {
    private static final String SLOW_DOWN = "Slow down.";

    private final Map<String, Action> actions;
    private final AdminEndpoints admin;
    private final FaultPlan faults;
    private final MemoryBudget budget;
    private final LongConsumer onRefusal;
    private final Consumer<String> warn;

    /**
     * @param onRefusal told the cost of each call refused for memory (writes buffers early, logs the refusal)
     */
    FirehoseHttpHandler(
            Map<String, Action> actions,
            AdminEndpoints admin,
            FaultPlan faults,
            MemoryBudget budget,
            LongConsumer onRefusal,
            Consumer<String> warn) {
        this.actions = Map.copyOf(actions);
        this.admin = admin;
        this.faults = faults;
        this.budget = budget;
        this.onRefusal = onRefusal;
        this.warn = warn;
    }

    private record Answer(int status, byte[] body) {}

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        InputStream body = exchange.getRequestBody();
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(AdminEndpoints.PATH_PREFIX)) {
                BodyStreams.drain(body);
                admin.handle(exchange, path, requestId);
                return;
            }
            Answer answer = answer(exchange, path, body, requestId);
            if (!BodyStreams.drain(body)) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            AwsJson.send(exchange, answer.status(), requestId, answer.body());
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    /** The answer to a call; IOException only when the connection failed while the body was read. */
    private Answer answer(HttpExchange exchange, String path, InputStream body, String requestId) throws IOException {
        try {
            return new Answer(200, invoke(exchange, path, body));
        } catch (ApiError e) {
            return new Answer(e.status, AwsJson.error(e.type, e.getMessage()));
        } catch (BodyStreams.TooLarge e) {
            return tooLarge(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, AwsJson.error(FaultPlan.SERVICE_UNAVAILABLE, "Shutting down."));
        } catch (RuntimeException e) {
            warn.accept("internal error on request " + requestId + ": " + e);
            return new Answer(500, AwsJson.error("InternalFailure", "Internal error: " + e));
        }
    }

    private byte[] invoke(HttpExchange exchange, String path, InputStream body)
            throws IOException, InterruptedException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(path)) {
            throw new ApiError(
                    404,
                    "UnknownOperationException",
                    "Only POST / is served (got " + exchange.getRequestMethod() + " " + path + ")");
        }
        FaultPlan.CallFault outage = faults.outageFault();
        if (outage != null) {
            throw ApiError.of(outage);
        }
        Headers headers = exchange.getRequestHeaders();
        long declared = contentLength(headers);
        if (declared > MemoryBudget.MAX_REQUEST_BODY_BYTES) {
            throw tooLargeError(declared);
        }
        long cost = MemoryBudget.costOfBody(declared >= 0 ? declared : MemoryBudget.MAX_REQUEST_BODY_BYTES);
        MemoryBudget.Reservation reservation = budget.tryReserve(cost);
        if (reservation == null) {
            onRefusal.accept(cost);
            throw ApiError.serviceUnavailable(SLOW_DOWN + " The local endpoint holds " + budget.used() + " of its "
                    + budget.limit() + " bytes for request bodies and records not yet in S3; this call needs " + cost
                    + ". Retry with backoff.");
        }
        try (reservation) {
            JsonNode request = RequestBodyReader.read(
                    declared >= 0 ? body : BodyStreams.limited(body, MemoryBudget.MAX_REQUEST_BODY_BYTES));
            Action action = action(headers.getFirst("X-Amz-Target"));
            String region =
                    SignaturePresence.require(headers, exchange.getRequestURI().getRawQuery());
            return action.handle(request, new CallContext(region, reservation));
        }
    }

    /** The operation the target names; without a known target the service cannot say what was asked. */
    private Action action(String target) {
        if (target == null || target.isBlank()) {
            throw ApiError.badRequest(
                    "UnknownOperationException",
                    "The request has no X-Amz-Target header; AWS JSON 1.1 names the operation there, e.g. "
                            + LocalFirehose.TARGET_PREFIX + "PutRecordBatch");
        }
        String operation = target.startsWith(LocalFirehose.TARGET_PREFIX)
                ? target.substring(LocalFirehose.TARGET_PREFIX.length())
                : "";
        Action action = actions.get(operation);
        if (action == null) {
            throw ApiError.badRequest("UnknownOperationException", "Unknown or unsupported operation: " + target);
        }
        return action;
    }

    /** The declared body size, or -1 when the body is chunked (or the header unreadable). */
    private static long contentLength(Headers headers) {
        String value = headers.getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Answer tooLarge(long declared) {
        ApiError e = tooLargeError(declared);
        return new Answer(e.status, AwsJson.error(e.type, e.getMessage()));
    }

    private static ApiError tooLargeError(long declared) {
        return new ApiError(
                413,
                "RequestEntityTooLargeException",
                "The request body"
                        + (declared >= 0 ? " of " + declared + " bytes" : "") + " is over the "
                        + MemoryBudget.MAX_REQUEST_BODY_BYTES
                        + " bytes this endpoint reads; a PutRecordBatch carries at most "
                        + LocalFirehose.MAX_BATCH_BYTES
                        + " bytes of data, about 5.6 MB as base64.");
    }
}
