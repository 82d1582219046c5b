package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.PayloadWriter;
import io.streamingdata.msk.records.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns a Kafka record into the line that goes to Firehose (the packer adds the newline), in the configured
 * {@link OutputFormat}. Every record becomes exactly one line, and the line gives the value back losslessly:
 * <ul>
 * <li>{@code value}: a JSON object or array as it is (a line break between its tokens becomes a space); text without
 * a line break as it is; anything else (binary values such as Avro or Protobuf, text with line breaks, text that
 * itself starts with the marker) as {@value #BASE64_MARKER} followed by the value in standard base64. To read a line
 * back: if it starts with the marker, base64-decode the rest; otherwise the line's UTF-8 bytes are the value.</li>
 * <li>{@code envelope}: one JSON object with the record's metadata, see {@link RecordJson}. A tombstone is kept too
 * ({@code "value":null}), so that a restore of a compacted topic brings its deletions back.</li>
 * </ul>
 * Public so that the benchmarks' floor sends exactly the forwarder's lines.
 */
public final class RecordLineEncoder {

    /** Starts a {@code value}-format line that carries its value in base64. */
    static final String BASE64_MARKER = "base64:";

    private static final byte[] MARKER = BASE64_MARKER.getBytes(StandardCharsets.US_ASCII);

    private final OutputFormat format;

    public RecordLineEncoder(OutputFormat format) {
        this.format = format;
    }

    /** Whether tombstones have a line: in the envelope; a {@code value} line cannot say "no value". */
    public boolean keepsTombstones() {
        return format == OutputFormat.ENVELOPE;
    }

    /** The line, without its newline, in an array of its own; for a tombstone only where {@link #keepsTombstones()}. */
    public byte[] encode(KafkaRecord record) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        lines(line).write(record);
        return line.toByteArray();
    }

    /** A writer of one batch's lines into {@code sink}, one after another, on one thread. */
    public Lines lines(OutputStream sink) {
        return new Lines(sink);
    }

    /** Writes the lines of one batch's records into one stream, each without its newline. */
    public final class Lines {
        private final OutputStream sink;
        private final RecordJson.Envelopes envelopes;

        private Lines(OutputStream sink) {
            this.sink = sink;
            this.envelopes = format == OutputFormat.ENVELOPE ? new RecordJson.Envelopes(sink) : null;
        }

        /** Writes the record's line, {@link RecordLineEncoder#encode(KafkaRecord)}, to the stream. */
        public void write(KafkaRecord record) {
            if (envelopes != null) {
                envelopes.write(record);
                return;
            }
            try {
                sink.write(value(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("writing a line failed", e);
            }
        }
    }

    static byte[] value(byte[] value) {
        PayloadFormat.Classification kind = PayloadFormat.classify(value, value.length);
        if (kind.format() == PayloadFormat.JSON) {
            return kind.multiLine() ? PayloadWriter.onOneLine(value) : value;
        }
        if (kind.format() == PayloadFormat.TEXT && !kind.multiLine() && !startsWithMarker(value)) {
            return value;
        }
        byte[] encoded = Base64.getEncoder().encode(value);
        byte[] line = new byte[MARKER.length + encoded.length];
        System.arraycopy(MARKER, 0, line, 0, MARKER.length);
        System.arraycopy(encoded, 0, line, MARKER.length, encoded.length);
        return line;
    }

    private static boolean startsWithMarker(byte[] value) {
        if (value.length < MARKER.length) {
            return false;
        }
        for (int i = 0; i < MARKER.length; i++) {
            if (value[i] != MARKER[i]) {
                return false;
            }
        }
        return true;
    }
}
