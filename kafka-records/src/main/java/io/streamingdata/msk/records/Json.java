package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one JSON factory for events, payloads and every output that describes a record. A Kafka header name can be as
 * long as the event that carries it (up to 6 MB), so names are not limited to the parser's default of 50,000
 * characters; strings keep the default limit of 20 million characters, well above any Lambda payload.
 */
public final class Json {

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private Json() {}
}
