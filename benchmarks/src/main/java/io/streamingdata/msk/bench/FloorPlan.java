package io.streamingdata.msk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forwarder sends for an MSK event in its default setting (each value on a line, lines packed into
 * Firehose records of at most the aggregation size, records spread over at least as many PutRecordBatch calls as
 * run in parallel, each call within 500 records and 4 MiB).
 */
final class FloorPlan {

    static final int MAX_RECORDS_PER_CALL = 500;
    static final long MAX_BYTES_PER_CALL = 4L * 1024 * 1024;

    private FloorPlan() {}

    static List<List<byte[]>> calls(byte[] event, int maxRecordBytes, int parallelism) throws IOException {
        return spread(pack(values(event), maxRecordBytes), parallelism);
    }

    /** Every record's decoded value, in event order. */
    static List<byte[]> values(byte[] event) throws IOException {
        List<byte[]> values = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(event)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME
                        && depth == 4
                        && parser.currentName().equals("value")) {
                    // {"records": {"topic-partition": [ {"value": ...} ]}}: the record objects are at depth 4
                    if (parser.nextToken() == JsonToken.VALUE_STRING) {
                        values.add(parser.getBinaryValue());
                    }
                }
            }
        }
        return values;
    }

    static List<byte[]> pack(List<byte[]> values, int maxRecordBytes) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        for (byte[] value : values) {
            if (record.size() > 0 && record.size() + value.length + 1 > maxRecordBytes) {
                records.add(record.toByteArray());
                record.reset();
            }
            record.write(value, 0, value.length);
            record.write('\n');
        }
        if (record.size() > 0) {
            records.add(record.toByteArray());
        }
        return records;
    }

    static List<List<byte[]>> spread(List<byte[]> records, int parallelism) {
        long total = records.stream().mapToLong(r -> r.length).sum();
        int share = Math.max(1, parallelism);
        long maxBytes = Math.min(MAX_BYTES_PER_CALL, Math.max(1, (total + share - 1) / share));
        int maxRecords = Math.min(MAX_RECORDS_PER_CALL, Math.max(1, (records.size() + share - 1) / share));
        List<List<byte[]>> calls = new ArrayList<>();
        List<byte[]> call = new ArrayList<>();
        long bytes = 0;
        for (byte[] record : records) {
            if (!call.isEmpty() && (call.size() == maxRecords || bytes + record.length > maxBytes)) {
                calls.add(call);
                call = new ArrayList<>();
                bytes = 0;
            }
            call.add(record);
            bytes += record.length;
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return calls;
    }
}
