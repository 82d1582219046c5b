package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.streamingdata.msk.records.internal.EventJsonFactory;

/**
 * The JSON settings for events, payloads and every output that describes a record. A Kafka header name can be as
 * long as the event that carries it (up to 6 MB), so names are not limited to the parser's default of 50,000
 * characters; strings keep the default limit of 20 million characters, well above any Lambda payload.
 */
public final class Json {

    public static final JsonFactory FACTORY = builder().build();

    /** The same settings, for the event decoder: its parsers can decode base64 strings in place. */
    public static final JsonFactory EVENTS = new EventJsonFactory(builder());

    private static JsonFactoryBuilder builder() {
        JsonFactoryBuilder builder = new JsonFactoryBuilder();
        builder.streamReadConstraints(
                StreamReadConstraints.builder().maxNameLength(Integer.MAX_VALUE).build());
        return builder;
    }

    private Json() {}
}
