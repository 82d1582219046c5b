package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PutRecordBatch} and {@code PutRecord}. They differ only in how records arrive and how a per-record fault is
 * answered: positionally in a 200 response for a batch, as a whole-call error for a single record.
 */
final class PutActions {
    private final StreamRegistry streams;
    private final FaultPlan faults;

    PutActions(StreamRegistry streams, FaultPlan faults) {
        this.streams = streams;
        this.faults = faults;
    }

    /** PutRecordBatch: only the records that draw no per-record fault are accepted. */
    byte[] putRecordBatch(JsonNode request, CallContext context) throws IOException {
        PutCall call = PutCall.begin(request, streams, faults, context.reservation());
        List<byte[]> data = call.validation().records(request.get("Records"));
        StreamState stream = call.stream();
        RequestValidation.requireBatchWithinLimit(stream, data);

        String[] failures = faults.drawRecordFailures(data.size());
        List<byte[]> accepted = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            if (failures[i] == null) {
                accepted.add(data.get(i));
            }
        }
        int failed = data.size() - accepted.size();
        stream.failedRecords.addAndGet(failed);
        call.accept(accepted);
        return batchResponse(failed, failures);
    }

    /** PutRecord: a record that draws a per-record fault fails the whole call with that code. */
    byte[] putRecord(JsonNode request, CallContext context) throws IOException {
        PutCall call = PutCall.begin(request, streams, faults, context.reservation());
        byte[] data = call.validation().record(request.get("Record"));
        StreamState stream = call.stream();
        String code = faults.drawRecordFailures(1)[0];
        if (code != null) {
            stream.failedRecords.incrementAndGet();
            throw new ApiError(FaultPlan.THROTTLE_STATUS, code, FaultPlan.recordErrorMessage(code));
        }
        call.accept(List.of(data));
        return AwsJson.write(Map.of("RecordId", RecordIds.next(), "Encrypted", false));
    }

    /** One entry per request record, in request order: clients match the entries to their records by position. */
    private static byte[] batchResponse(int failed, String[] failures) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + failures.length * 80);
        try (JsonGenerator g = AwsJson.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("FailedPutCount", failed);
            g.writeBooleanField("Encrypted", false);
            g.writeArrayFieldStart("RequestResponses");
            for (String code : failures) {
                g.writeStartObject();
                if (code == null) {
                    g.writeStringField("RecordId", RecordIds.next());
                } else {
                    g.writeStringField("ErrorCode", code);
                    g.writeStringField("ErrorMessage", FaultPlan.recordErrorMessage(code));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
