package io.streamingdata.msk.forwarder;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.lambda.KafkaBatchHandler;
import jakarta.inject.Named;

/** The Lambda entry point: an MSK or self-managed Kafka event in, a (partial) batch response out. */
@Named("firehose-forwarder")
public class FirehoseForwarderHandler extends KafkaBatchHandler<ForwarderResponse> {

    private final ForwardingService service;
    private final ForwarderConfig config;

    public FirehoseForwarderHandler(ForwardingService service, ForwarderConfig config, ObjectMapper mapper) {
        super(mapper, ForwarderResponse.class);
        this.service = service;
        this.config = config;
    }

    @Override
    protected ForwarderResponse handle(KafkaBatch batch, Context context) {
        return service.forward(batch, Deadline.fromLambda(context.getRemainingTimeInMillis(), config.retryBudgetMs()));
    }
}
