package io.streamingdata.msk.logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.streamingdata.msk.records.KafkaBatch;
import jakarta.inject.Named;

/** The Lambda entry point: an MSK or self-managed Kafka event in, a {@link LogSummary} out. */
@Named("consumer-logger")
public class ConsumerLoggerHandler implements RequestHandler<KafkaBatch, LogSummary> {

    private final RecordLoggingService service;

    public ConsumerLoggerHandler(RecordLoggingService service) {
        this.service = service;
    }

    @Override
    public LogSummary handleRequest(KafkaBatch batch, Context context) {
        return service.log(batch);
    }
}
