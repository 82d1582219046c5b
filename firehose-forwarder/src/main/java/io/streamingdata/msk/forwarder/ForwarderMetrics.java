package io.streamingdata.msk.forwarder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Publishes a batch's numbers as one CloudWatch Embedded Metric Format line on standard output: CloudWatch Logs
 * extracts the metrics itself, so metrics cost no API call and no latency.
 */
public final class ForwarderMetrics implements MetricsSink {

    public static final String NAMESPACE = "MskStreaming/FirehoseForwarder";
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[][] METRICS = {
        {"RecordsIn", "Count"},
        {"RecordsDelivered", "Count"},
        {"RecordsSkipped", "Count"},
        {"RecordsDeadLettered", "Count"},
        {"RecordsFailed", "Count"},
        {"RecordsRetried", "Count"},
        {"FirehoseRecords", "Count"},
        {"FirehoseCalls", "Count"},
        {"BytesSent", "Bytes"},
        {"Duration", "Milliseconds"}
    };

    /** Standard output, which Lambda sends to CloudWatch Logs; looked up per line, as tests may replace it. */
    public static final ForwarderMetrics STDOUT = new ForwarderMetrics(() -> System.out);

    private final Supplier<PrintStream> out;

    public ForwarderMetrics(Supplier<PrintStream> out) {
        this.out = out;
    }

    @Override
    public void publish(String deliveryStream, ForwardSummary summary) {
        byte[] line = emf(deliveryStream, summary, System.currentTimeMillis());
        PrintStream target = out.get();
        synchronized (target) {
            target.write(line, 0, line.length);
            target.flush();
        }
    }

    static byte[] emf(String deliveryStream, ForwardSummary summary, long timestamp) {
        long[] values = {
            summary.recordsIn(),
            summary.delivered(),
            summary.skipped(),
            summary.deadLettered(),
            summary.failed(),
            summary.retried(),
            summary.firehoseRecords(),
            summary.calls(),
            summary.bytes(),
            summary.durationMs()
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("DeliveryStream");
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (String[] metric : METRICS) {
                json.writeStartObject();
                json.writeStringField("Name", metric[0]);
                json.writeStringField("Unit", metric[1]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("level", "INFO");
            json.writeStringField("type", "metrics");
            json.writeStringField("DeliveryStream", deliveryStream);
            for (int i = 0; i < METRICS.length; i++) {
                json.writeNumberField(METRICS[i][0], values[i]);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
