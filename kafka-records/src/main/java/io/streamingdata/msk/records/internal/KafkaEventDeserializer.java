package io.streamingdata.msk.records.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.io.IOException;

/**
 * Lets Jackson (and so the Quarkus Lambda runtime) turn an event into a {@link KafkaBatch} through the streaming
 * {@link KafkaEventDecoder}. Registered for reflection because Jackson instantiates it from the annotation.
 */
@RegisterForReflection
public class KafkaEventDeserializer extends StdDeserializer<KafkaBatch> {

    private final KafkaEventDecoder decoder = new KafkaEventDecoder();

    public KafkaEventDeserializer() {
        super(KafkaBatch.class);
    }

    @Override
    public KafkaBatch deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return decoder.decode(parser);
    }

    @Override
    public KafkaBatch getNullValue(DeserializationContext context) {
        throw new InvalidKafkaEventException(KafkaEventDecoder.NO_EVENT);
    }
}
