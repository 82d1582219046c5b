package io.streamingdata.msk.records;

/**
 * The input is not a Kafka event a function can process. The message says what is wrong and what a valid event
 * looks like; it never carries the event's payload.
 */
public class InvalidKafkaEventException extends IllegalArgumentException {

    public InvalidKafkaEventException(String message) {
        super(message);
    }

    public InvalidKafkaEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
