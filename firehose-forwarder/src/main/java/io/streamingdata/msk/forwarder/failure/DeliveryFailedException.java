package io.streamingdata.msk.forwarder.failure;

/** The invocation fails so that the event source re-delivers the batch; the message has the counts and a cause. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
