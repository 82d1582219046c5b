package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.PayloadWriter;
import io.streamingdata.msk.records.RecordJson;
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

    /** The line, without its newline; for a tombstone only where {@link #keepsTombstones()}. */
    public byte[] encode(KafkaRecord record) {
        return batch().encode(record);
    }

    /** An encoder for one batch's records, on one thread: its envelopes share a buffer. */
    public Batch batch() {
        return new Batch();
    }

    /** Encodes the records of one batch, one after another. */
    public final class Batch {
        private final RecordJson.Envelopes envelopes =
                format == OutputFormat.ENVELOPE ? new RecordJson.Envelopes() : null;

        /** {@link RecordLineEncoder#encode(KafkaRecord)} */
        public byte[] encode(KafkaRecord record) {
            return envelopes != null ? envelopes.write(record) : value(record.value());
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
