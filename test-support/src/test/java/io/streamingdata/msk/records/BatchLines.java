package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A batch as the forwarder writes it: a record's envelope, or an undecodable one's dead-letter body and reason. */
final class BatchLines {

    private BatchLines() {}

    /** One line per entry, each ended by a newline. */
    static String of(KafkaBatch batch) {
        StringBuilder lines = new StringBuilder();
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        RecordJson.Envelopes envelopes = new RecordJson.Envelopes(envelope);
        for (BatchEntry entry : batch.entries()) {
            byte[] line;
            if (entry instanceof KafkaRecord record) {
                envelope.reset();
                envelopes.write(record);
                line = envelope.toByteArray();
            } else {
                line = deadLetter((UndecodableRecord) entry);
            }
            lines.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        return lines.toString();
    }

    private static byte[] deadLetter(UndecodableRecord entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            RecordJson.writeUndecodable(json, entry);
            json.writeStringField("reason", entry.reason());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
