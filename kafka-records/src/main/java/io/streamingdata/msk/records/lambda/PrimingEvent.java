package io.streamingdata.msk.records.lambda;

import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The small MSK event both functions warm their code with before a SnapStart snapshot: a JSON value, text, binary
 * and a tombstone, with headers, in the shape the MSK event source mapping sends. Bundled in this jar, so no
 * priming step reads anything from outside the function's package.
 */
public final class PrimingEvent {

    static final String RESOURCE = "/priming/msk-event.json";

    private PrimingEvent() {}

    /** The event's bytes, as the Runtime API would hand them out. */
    public static byte[] bytes() {
        try (InputStream in = PrimingEvent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kafka-records jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event decoded by the functions' own decoder. */
    public static KafkaBatch decode() {
        return new KafkaEventDecoder().decode(bytes());
    }
}
