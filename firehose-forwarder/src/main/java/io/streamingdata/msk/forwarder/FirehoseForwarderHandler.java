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
    private final ForwarderSettings settings;

    public FirehoseForwarderHandler(ForwardingService service, ForwarderSettings settings, ObjectMapper mapper) {
        super(mapper, ForwarderResponse.class);
        this.service = service;
        this.settings = settings;
    }

    @Override
    protected ForwarderResponse handle(KafkaBatch batch, Context context) {
        return service.forward(batch, Deadline.fromLambda(context.getRemainingTimeInMillis(),
                settings.retryBudgetMs()));
    }
}
