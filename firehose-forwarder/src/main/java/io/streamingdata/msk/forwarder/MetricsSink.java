package io.streamingdata.msk.forwarder;

/** Where a batch's numbers go: CloudWatch through {@link ForwarderMetrics} in the function, a list in tests. */
@FunctionalInterface
public interface MetricsSink {

    void publish(String deliveryStream, ForwardSummary summary);
}
