package io.streamingdata.msk.forwarder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a Kafka record into the line that goes to Firehose (the packer adds the newline), in the configured
 * {@link OutputFormat}. Values are written as they are, without a copy and never re-encoded; a JSON value spread
 * over several lines is compacted onto one, so that every record stays one line in S3.
 */
final class RecordLineEncoder {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final OutputFormat format;

    RecordLineEncoder(OutputFormat format) {
        this.format = format;
    }

    /** The line, without its newline, for a record with a value (callers skip tombstones). */
    byte[] encode(KafkaRecord record) {
        try {
            return format == OutputFormat.ENVELOPE ? envelope(record) : value(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] value(byte[] value) throws IOException {
        if (containsLineBreak(value) && PayloadFormat.of(value) == PayloadFormat.JSON) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length);
            try (JsonParser parser = JSON.createParser(value); JsonGenerator json = JSON.createGenerator(out)) {
                parser.nextToken();
                json.copyCurrentStructure(parser);
            }
            return out.toByteArray();
        }
        return value;
    }

    private static byte[] envelope(KafkaRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.payloadSize() + 256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            RecordJson.writeFields(json, record);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static boolean containsLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }
}
