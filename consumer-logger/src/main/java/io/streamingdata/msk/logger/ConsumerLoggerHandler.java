package io.streamingdata.msk.logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.lambda.KafkaBatchHandler;
import jakarta.inject.Named;

/** The Lambda entry point: an MSK or self-managed Kafka event in, a {@link LogSummary} out. */
@Named("consumer-logger")
public class ConsumerLoggerHandler extends KafkaBatchHandler<LogSummary> {

    private final RecordLoggingService service;

    public ConsumerLoggerHandler(RecordLoggingService service, ObjectMapper mapper) {
        super(mapper, LogSummary.class);
        this.service = service;
    }

    @Override
    protected LogSummary handle(KafkaBatch batch, Context context) {
        return service.log(batch);
    }
}
