package io.streamingdata.msk.firehose.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /_local/*}: endpoints for scripts, not part of Firehose (so faults and latency do not apply to them).
 * {@code GET /_local/health}, {@code GET /_local/stats}, {@code POST /_local/flush}.
 */
final class AdminEndpoints {
    static final String PATH_PREFIX = "/_local/";

    private final StreamRegistry streams;
    private final Runnable flush;
    private final Supplier<AdmissionStats> admission;

    AdminEndpoints(StreamRegistry streams, Runnable flush, Supplier<AdmissionStats> admission) {
        this.streams = streams;
        this.flush = flush;
        this.admission = admission;
    }

    void handle(HttpExchange exchange, String path, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/_local/health") && method.equals("GET")) {
            AwsJson.send(exchange, 200, requestId, AwsJson.write(Map.of("status", "ok")));
        } else if (path.equals("/_local/stats") && method.equals("GET")) {
            AwsJson.send(
                    exchange,
                    200,
                    requestId,
                    AwsJson.write(Map.of("streams", streams.stats(), "admission", admission.get())));
        } else if (path.equals("/_local/flush") && method.equals("POST")) {
            flush.run();
            AwsJson.send(exchange, 200, requestId, AwsJson.write(Map.of("flushed", true)));
        } else {
            AwsJson.send(
                    exchange,
                    404,
                    requestId,
                    AwsJson.error(
                            "NotFound", "Admin endpoints: GET /_local/health, GET /_local/stats, POST /_local/flush"));
        }
    }
}
