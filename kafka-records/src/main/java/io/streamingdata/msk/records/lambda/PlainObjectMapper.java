package io.streamingdata.msk.records.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's {@link ObjectMapper}, replacing the one quarkus-jackson would produce. Quarkus's Lambda extension
 * asks for the application's mapper while the function starts (it copies it to read the context headers of Quarkus's
 * own poll loop), and quarkus-jackson's registers the java.time, Optional and parameter-names modules and the Vert.x
 * JSON types first: about 35 ms of that start under the Lambda runtime's C1-only flags, and nothing in these
 * functions needs them. The mapper only writes the functions' answers (records of strings, numbers and lists), which
 * Jackson's defaults write as they are; the events are read by the project's own decoder, not by a mapper.
 */
public class PlainObjectMapper {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }
}
