package io.streamingdata.msk.forwarder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.records.KafkaBatch;
import jakarta.inject.Named;

/** The Lambda entry point: an MSK or self-managed Kafka event in, a (partial) batch response out. */
@Named("firehose-forwarder")
public class FirehoseForwarderHandler implements RequestHandler<KafkaBatch, ForwarderResponse> {

    private final ForwardingService service;
    private final ForwarderSettings settings;

    public FirehoseForwarderHandler(ForwardingService service, ForwarderSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    public ForwarderResponse handleRequest(KafkaBatch batch, Context context) {
        return service.forward(batch, Deadline.fromLambda(context.getRemainingTimeInMillis(),
                settings.retryBudgetMs()));
    }
}
