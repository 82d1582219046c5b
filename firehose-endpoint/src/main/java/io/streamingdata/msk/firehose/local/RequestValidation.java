package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.LocalFirehose.MAX_BATCH_BYTES;
import static io.streamingdata.msk.firehose.local.LocalFirehose.MAX_RECORDS_PER_BATCH;
import static io.streamingdata.msk.firehose.local.LocalFirehose.MAX_RECORD_BYTES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against the service's model constraints and limits. Constraint violations are collected and
 * reported together in one ValidationException, as the service does; malformed input (wrong JSON type, bad base64)
 * fails at once with a SerializationException because the service could not even deserialize it.
 */
final class RequestValidation {
    private final List<String> errors = new ArrayList<>();

    /** A validation that starts with the request's {@code DeliveryStreamName}, the member every operation here has. */
    static RequestValidation forStream(JsonNode request) {
        return new RequestValidation().deliveryStreamName(request.get("DeliveryStreamName"));
    }

    RequestValidation deliveryStreamName(JsonNode nameNode) {
        if (nameNode == null || nameNode.isNull()) {
            errors.add("Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null");
            return this;
        }
        String name = nameNode.asText();
        if (name.isEmpty()) {
            errors.add(
                    "Value '' at 'deliveryStreamName' failed to satisfy constraint: Member must have length greater than or equal to 1");
        } else if (name.length() > 64) {
            errors.add(
                    "Value '" + name
                            + "' at 'deliveryStreamName' failed to satisfy constraint: Member must have length less than or equal to 64");
        } else if (!StreamConfig.NAME_PATTERN.matcher(name).matches()) {
            errors.add(
                    "Value '" + name
                            + "' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return this;
    }

    RequestValidation listLimit(int limit) {
        if (limit < 1 || limit > 10000) {
            errors.add("Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000");
        }
        return this;
    }

    /** The decoded data of PutRecord's {@code Record}; null when it is missing (then an error is recorded). */
    byte[] record(JsonNode record) {
        if (record == null || record.isNull()) {
            errors.add("Value null at 'record' failed to satisfy constraint: Member must not be null");
            return null;
        }
        return data(record, "record");
    }

    /** The decoded data of PutRecordBatch's {@code Records}, in order. The count is checked before any size. */
    List<byte[]> records(JsonNode records) {
        List<byte[]> data = new ArrayList<>();
        if (records == null || records.isNull()) {
            errors.add("Value null at 'records' failed to satisfy constraint: Member must not be null");
            return data;
        }
        if (!records.isArray()) {
            throw ApiError.serialization("Records must be a JSON array");
        }
        if (records.size() < 1) {
            errors.add(
                    "Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1");
        } else if (records.size() > MAX_RECORDS_PER_BATCH) {
            errors.add("Value '[" + records.size() + " records]' at 'records' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_RECORDS_PER_BATCH);
        }
        int index = 1; // the service numbers members from 1
        for (JsonNode record : records) {
            data.add(data(record, "records." + index + ".member"));
            index++;
        }
        return data;
    }

    private byte[] data(JsonNode record, String path) {
        JsonNode dataNode = record == null ? null : record.get("Data");
        if (dataNode == null || dataNode.isNull()) {
            errors.add("Value null at '" + path + ".data' failed to satisfy constraint: Member must not be null");
            return new byte[0];
        }
        if (!dataNode.isBinary()) { // RequestBodyReader decodes every base64 string it finds there
            throw ApiError.serialization("'" + path + ".data' must be a base64 string");
        }
        byte[] data = ((BinaryNode) dataNode).binaryValue();
        if (data.length > MAX_RECORD_BYTES) {
            // The service prints the ByteBuffer the data was decoded into.
            errors.add("Value 'java.nio.HeapByteBuffer[pos=0 lim=" + data.length + " cap=" + data.length + "]' at '"
                    + path + ".data' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_RECORD_BYTES);
        }
        return data;
    }

    /**
     * Throws the collected errors as one ValidationException, counted as a rejected call of {@code stream} when the
     * request named a known stream (null otherwise).
     */
    void throwIfInvalid(StreamState stream) {
        if (errors.isEmpty()) {
            return;
        }
        if (stream != null) {
            stream.rejectedCalls.incrementAndGet();
        }
        String prefix =
                errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        throw ApiError.badRequest("ValidationException", prefix + String.join("; ", errors));
    }

    /**
     * The 4 MiB limit on a whole batch; the service checks it after the model constraints and answers with
     * InvalidArgumentException, not ValidationException.
     */
    static void requireBatchWithinLimit(StreamState stream, List<byte[]> data) {
        long total = 0;
        for (byte[] d : data) {
            total += d.length;
        }
        if (total > MAX_BATCH_BYTES) {
            stream.rejectedCalls.incrementAndGet();
            throw ApiError.badRequest("InvalidArgumentException", "Records size exceeds 4 MB limit");
        }
    }
}
