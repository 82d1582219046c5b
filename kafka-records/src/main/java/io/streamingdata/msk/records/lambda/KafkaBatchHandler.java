package io.streamingdata.msk.records.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda handler for Kafka events that reads the event bytes itself: the project's decoder, not a generic
 * binding, sees them, so an event with a huge header name or text that is not valid Unicode still decodes record by
 * record, and a malformed event fails with a message that names the problem. Subclasses turn the batch into their
 * answer, which is written as JSON.
 *
 * @param <R> the function's answer
 */
public abstract class KafkaBatchHandler<R> implements RequestStreamHandler {

    private final KafkaEventDecoder decoder = new KafkaEventDecoder();
    private final ObjectWriter writer;

    protected KafkaBatchHandler(ObjectMapper mapper, Class<R> answerType) {
        this.writer = mapper.writerFor(answerType);
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        R result = handle(decoder.decode(event), context);
        writer.writeValue(answer, result);
    }

    /** Handles one decoded batch; throwing fails the invocation, so the event source mapping retries the batch. */
    protected abstract R handle(KafkaBatch batch, Context context);
}
