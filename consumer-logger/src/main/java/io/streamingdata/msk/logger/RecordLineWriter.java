package io.streamingdata.msk.logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.RecordJson;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Formats one batch's log lines (one JSON object per line, CloudWatch Logs Insights discovers the fields) and hands
 * finished lines to the {@link LogSink} in chunks of about {@value #CHUNK_BYTES} bytes. Each line gets its own
 * generator and a line that fails half-way is cut off the buffer, so it leaves nothing that could corrupt the next.
 */
final class RecordLineWriter implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    static final int CHUNK_BYTES = 64 * 1024;

    private final LogSink sink;
    private final int maxKeyBytes;
    private final int maxValueBytes;
    private final Buffer buffer = new Buffer();
    private JsonGenerator json;
    private int lineStart;

    RecordLineWriter(LogSink sink, int maxKeyBytes, int maxValueBytes) {
        this.sink = sink;
        this.maxKeyBytes = maxKeyBytes;
        this.maxValueBytes = maxValueBytes;
    }

    private void startLine() throws IOException {
        buffer.cutTo(lineStart);
        json = JSON.createGenerator(buffer);
        json.writeStartObject();
    }

    /** @return the format the value was logged in, or {@code null} for a tombstone */
    PayloadFormat writeRecord(KafkaRecord record) throws IOException {
        startLine();
        json.writeStringField("level", "INFO");
        json.writeStringField("type", "record");
        PayloadFormat valueFormat = RecordJson.writeFields(json, record, maxKeyBytes, maxValueBytes);
        if (record.timestamp() >= 0) {
            json.writeStringField("time", Instant.ofEpochMilli(record.timestamp()).toString());
        }
        if (record.isTombstone()) {
            json.writeBooleanField("tombstone", true);
        }
        json.writeNumberField("size", record.payloadSize());
        json.writeEndObject();
        endLine();
        return valueFormat;
    }

    void writeUndecodable(UndecodableRecord record) throws IOException {
        startLine();
        json.writeStringField("level", "WARN");
        json.writeStringField("type", "undecodable");
        writeCoordinates(record.topicPartition().topic(), record.topicPartition().partition(), record.offset());
        json.writeStringField("reason", record.reason());
        json.writeEndObject();
        endLine();
    }

    void writeSummary(String source, LogSummary summary, Map<String, PartitionRange> partitions) throws IOException {
        startLine();
        json.writeStringField("level", "INFO");
        json.writeStringField("type", "batch");
        json.writeStringField("source", source);
        json.writeNumberField("records", summary.records());
        json.writeNumberField("logged", summary.logged());
        json.writeNumberField("tombstones", summary.tombstones());
        json.writeNumberField("binary", summary.binary());
        json.writeNumberField("undecodable", summary.undecodable());
        json.writeNumberField("bytes", summary.bytes());
        json.writeNumberField("durationMs", summary.durationMs());
        json.writeObjectFieldStart("partitions");
        for (Map.Entry<String, PartitionRange> partition : partitions.entrySet()) {
            json.writeObjectFieldStart(partition.getKey());
            json.writeNumberField("records", partition.getValue().records());
            json.writeNumberField("firstOffset", partition.getValue().firstOffset());
            json.writeNumberField("lastOffset", partition.getValue().lastOffset());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        endLine();
    }

    /** Writes a line for a record that failed to format, so that even a formatting bug leaves a trace. */
    void writeUnloggable(String topic, int partition, long offset, Exception cause) throws IOException {
        startLine();
        json.writeStringField("level", "ERROR");
        json.writeStringField("type", "unloggable");
        writeCoordinates(topic, partition, offset);
        json.writeStringField("reason", cause.toString());
        json.writeEndObject();
        endLine();
    }

    private void writeCoordinates(String topic, int partition, long offset) throws IOException {
        json.writeStringField("topic", topic);
        json.writeNumberField("partition", partition);
        json.writeNumberField("offset", offset);
    }

    private void endLine() throws IOException {
        json.close();
        buffer.write('\n');
        lineStart = buffer.size();
        if (lineStart >= CHUNK_BYTES) {
            drain();
        }
    }

    private void drain() {
        if (lineStart > 0) {
            sink.write(buffer.bytes(), 0, lineStart);
        }
        buffer.reset();
        lineStart = 0;
    }

    /** Writes out the complete lines; a line left unfinished by a failure is dropped. */
    @Override
    public void close() {
        drain();
        sink.flush();
    }

    /** A byte buffer whose array can be handed out without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(4096);
        }

        byte[] bytes() {
            return buf;
        }

        void cutTo(int length) {
            count = length;
        }
    }

    /** First and last offset and count of one topic-partition in the batch. */
    record PartitionRange(int records, long firstOffset, long lastOffset) {
        PartitionRange add(long offset) {
            return new PartitionRange(records + 1, Math.min(firstOffset, offset), Math.max(lastOffset, offset));
        }
    }
}
