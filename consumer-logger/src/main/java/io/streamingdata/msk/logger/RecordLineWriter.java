package io.streamingdata.msk.logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.PayloadWriter;
import io.streamingdata.msk.records.RecordJson;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Formats one batch's log lines (one JSON object per line, CloudWatch Logs Insights discovers the fields) and hands
 * finished lines to the {@link LogSink} in chunks of about {@value #CHUNK_BYTES} bytes. Lines share one generator
 * (one per line cost 0.5 ms a batch under C1); a line that fails half-way is cut off the buffer and its generator,
 * whose state it left unknown, is dropped, so it leaves nothing that could corrupt the next.
 * <p>
 * No line is longer than {@code maxLineBytes}: CloudWatch Logs cuts longer events, and a cut line is no longer JSON.
 * A line that would be longer is written again in a reduced form that says what it left out ({@code "omitted"}).
 */
final class RecordLineWriter implements AutoCloseable {

    static final int CHUNK_BYTES = 64 * 1024;
    static final String TOO_LONG = "the full line would exceed LOG_MAX_LINE_BYTES=%d";
    /** In a reduced line: the most bytes of a key, header name, header value or reason. */
    static final int REDUCED_FIELD_BYTES = 256;
    /** In a reduced line, headers stop once the line is this share of the limit. */
    private static final int HEADER_SHARE = 4;
    /** Room kept for the fields that follow the value in a reduced line. */
    private static final int TAIL_RESERVE = 512;

    // The names and values every record line has, encoded once (see PayloadWriter.Field).
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString INFO = new SerializedString("INFO");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString RECORD = new SerializedString("record");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString TOMBSTONE = new SerializedString("tombstone");
    private static final SerializedString SIZE = new SerializedString("size");

    private final LogSink sink;
    private final int maxKeyBytes;
    private final int maxValueBytes;
    private final int maxLineBytes;
    private final Buffer buffer = new Buffer();
    private final TimestampText time = new TimestampText();
    private final JsonFactory factory;
    private JsonGenerator json;
    /** Whether the generator is between lines, where a failure cannot have left it. */
    private boolean betweenLines = true;

    private int lineStart;

    RecordLineWriter(LogSink sink, int maxKeyBytes, int maxValueBytes, int maxLineBytes, JsonFactory factory) {
        this.factory = factory;
        this.sink = sink;
        this.maxKeyBytes = maxKeyBytes;
        this.maxValueBytes = maxValueBytes;
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the format the value was logged in, or {@code null} for a tombstone */
    PayloadFormat writeRecord(KafkaRecord record) throws IOException {
        startLine();
        json.writeFieldName(LEVEL);
        json.writeString(INFO);
        json.writeFieldName(TYPE);
        json.writeString(RECORD);
        PayloadFormat format = RecordJson.writeFields(json, record, maxKeyBytes, maxValueBytes);
        recordTail(record);
        if (closeLine() <= maxLineBytes) {
            commitLine();
            return format;
        }
        startLine();
        format = reducedRecord(record);
        if (closeLine() > maxLineBytes) {
            minimalLine("INFO", "record", record, null);
        }
        commitLine();
        return format;
    }

    private void recordTail(KafkaRecord record) throws IOException {
        if (record.timestamp() >= 0) {
            int length = time.format(record.timestamp());
            json.writeFieldName(TIME);
            json.writeString(time.chars(), 0, length);
        }
        if (record.isTombstone()) {
            json.writeFieldName(TOMBSTONE);
            json.writeBoolean(true);
        }
        json.writeFieldName(SIZE);
        json.writeNumber(record.payloadSize());
    }

    /**
     * The record with a short key, headers with short names and values until the line is a quarter of the limit,
     * and the value cut to what still fits.
     */
    private PayloadFormat reducedRecord(KafkaRecord record) throws IOException {
        json.writeStringField("level", "INFO");
        json.writeStringField("type", "record");
        RecordJson.writeCoordinates(json, record);
        json.writeNumberField("timestamp", record.timestamp());
        json.writeStringField("timestampType", record.timestampType().name());
        PayloadWriter.writeField(json, "key", record.key(), Math.min(maxKeyBytes, REDUCED_FIELD_BYTES));
        int omittedHeaders = reducedHeaders(record, maxLineBytes / HEADER_SHARE);
        // Escaping can at most double text in JSON (base64 grows by a third), so half the room is safe.
        int valueBytes = Math.max(0, (maxLineBytes - lineLength() - TAIL_RESERVE) / 2);
        PayloadFormat format =
                PayloadWriter.writeField(json, "value", record.value(), Math.min(maxValueBytes, valueBytes));
        json.writeNumberField("valueSize", record.value() == null ? 0 : record.value().length);
        RecordJson.writeSchemas(json, record);
        recordTail(record);
        json.writeObjectFieldStart("omitted");
        json.writeStringField("reason", TOO_LONG.formatted(maxLineBytes));
        json.writeNumberField("headers", omittedHeaders);
        json.writeNumberField("headerCount", record.headers().size());
        json.writeEndObject();
        return format;
    }

    /** Headers with short names and values, until the line reaches the budget; returns how many were left out. */
    private int reducedHeaders(KafkaRecord record, int budget) throws IOException {
        if (record.headers().isEmpty()) {
            return 0;
        }
        json.writeArrayFieldStart("headers");
        int written = 0;
        for (KafkaHeader header : record.headers()) {
            if (lineLength() > budget) {
                break;
            }
            writeHeader(header, REDUCED_FIELD_BYTES, Math.min(maxValueBytes, REDUCED_FIELD_BYTES));
            written++;
        }
        json.writeEndArray();
        return record.headers().size() - written;
    }

    private void writeHeader(KafkaHeader header, int maxNameChars, int valueBytes) throws IOException {
        json.writeStartObject();
        String name = header.name();
        if (name.length() > maxNameChars) {
            json.writeStringField("name", cut(name, maxNameChars));
            json.writeBooleanField("nameTruncated", true);
            json.writeNumberField("nameLength", name.length());
        } else {
            json.writeStringField("name", name);
        }
        PayloadWriter.writeField(json, "value", header.value(), valueBytes);
        json.writeEndObject();
    }

    void writeUndecodable(UndecodableRecord record) throws IOException {
        startLine();
        json.writeStringField("level", "WARN");
        json.writeStringField("type", "undecodable");
        RecordJson.writeUndecodable(json, record, maxKeyBytes, maxValueBytes);
        json.writeStringField("reason", record.reason());
        if (closeLine() <= maxLineBytes) {
            commitLine();
            return;
        }
        // Reduced: the coordinates, the reason and as much of the raw record as fits (it holds every field).
        startLine();
        json.writeStringField("level", "WARN");
        json.writeStringField("type", "undecodable");
        RecordJson.writeCoordinates(json, record);
        json.writeStringField("reason", cut(record.reason(), 4 * REDUCED_FIELD_BYTES));
        if (record.rawJson() != null) {
            int rawBytes = Math.max(0, (maxLineBytes - lineLength() - TAIL_RESERVE) / 2);
            PayloadWriter.writeField(json, "raw", record.rawJson(), Math.min(maxValueBytes, rawBytes));
        }
        json.writeObjectFieldStart("omitted");
        json.writeStringField("reason", TOO_LONG.formatted(maxLineBytes));
        json.writeEndObject();
        if (closeLine() > maxLineBytes) {
            minimalLine("WARN", "undecodable", record, record.reason());
        }
        commitLine();
    }

    void writeSummary(String source, LogSummary summary, Map<TopicPartition, PartitionRange> partitions)
            throws IOException {
        startLine();
        summaryFields(source, summary, partitions, Integer.MAX_VALUE);
        if (closeLine() > maxLineBytes) {
            startLine();
            summaryFields(source, summary, partitions, maxLineBytes - TAIL_RESERVE);
            closeLine();
        }
        commitLine();
    }

    private void summaryFields(
            String source, LogSummary summary, Map<TopicPartition, PartitionRange> partitions, int budget)
            throws IOException {
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
        int written = 0;
        for (Map.Entry<TopicPartition, PartitionRange> partition : partitions.entrySet()) {
            if (budget != Integer.MAX_VALUE && lineLength() > budget) {
                break;
            }
            json.writeObjectFieldStart(partition.getKey().toString());
            json.writeNumberField("records", partition.getValue().records());
            json.writeNumberField("firstOffset", partition.getValue().firstOffset());
            json.writeNumberField("lastOffset", partition.getValue().lastOffset());
            json.writeEndObject();
            written++;
        }
        json.writeEndObject();
        if (written < partitions.size()) {
            json.writeObjectFieldStart("omitted");
            json.writeStringField("reason", TOO_LONG.formatted(maxLineBytes));
            json.writeNumberField("partitions", partitions.size() - written);
            json.writeEndObject();
        }
    }

    /** Writes a line for a record that failed to format, so that even a formatting bug leaves a trace. */
    void writeUnloggable(String topic, int partition, long offset, Exception cause) throws IOException {
        startLine();
        json.writeStringField("level", "ERROR");
        json.writeStringField("type", "unloggable");
        writeCoordinates(topic, partition, offset);
        json.writeStringField("reason", cut(cause.toString(), 4 * REDUCED_FIELD_BYTES));
        closeLine();
        commitLine();
    }

    /** The last resort for a line that does not fit even reduced: its coordinates and why the rest is missing. */
    private void minimalLine(String level, String type, BatchEntry entry, String reason) throws IOException {
        startLine();
        json.writeStringField("level", level);
        json.writeStringField("type", type);
        RecordJson.writeCoordinates(json, entry);
        if (reason != null) {
            json.writeStringField("reason", cut(reason, 4 * REDUCED_FIELD_BYTES));
        }
        json.writeObjectFieldStart("omitted");
        json.writeStringField("reason", TOO_LONG.formatted(maxLineBytes) + " even without its payloads");
        json.writeEndObject();
        closeLine();
    }

    private static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + "...";
    }

    private void writeCoordinates(String topic, int partition, long offset) throws IOException {
        json.writeStringField("topic", topic);
        json.writeNumberField("partition", partition);
        json.writeNumberField("offset", offset);
    }

    private void startLine() throws IOException {
        if (!betweenLines) {
            // The last line failed half-way: its generator may hold part of it or stand inside one of its objects.
            json = null;
        }
        buffer.cutTo(lineStart);
        if (json == null) {
            json = factory.createGenerator(buffer);
            // Lines are separated by the newline commitLine writes, not by the generator's space between values.
            json.setRootValueSeparator(null);
        }
        betweenLines = false;
        json.writeStartObject();
    }

    /** Bytes of the current line so far. */
    private int lineLength() throws IOException {
        json.flush();
        return buffer.size() - lineStart;
    }

    /** Ends the current line's object; returns the line's length without its newline. */
    private int closeLine() throws IOException {
        json.writeEndObject();
        json.flush();
        betweenLines = true;
        return buffer.size() - lineStart;
    }

    private void commitLine() {
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
        if (json != null && betweenLines) {
            try {
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing a generator over memory failed", e);
            }
        }
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

    /** First and last offset and count of one topic-partition in the batch, counted as its records go by. */
    static final class PartitionRange {
        private int records;
        private long firstOffset = Long.MAX_VALUE;
        private long lastOffset = Long.MIN_VALUE;

        void add(long offset) {
            records++;
            firstOffset = Math.min(firstOffset, offset);
            lastOffset = Math.max(lastOffset, offset);
        }

        int records() {
            return records;
        }

        long firstOffset() {
            return firstOffset;
        }

        long lastOffset() {
            return lastOffset;
        }
    }
}
