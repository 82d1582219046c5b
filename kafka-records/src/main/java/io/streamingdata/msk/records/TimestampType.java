package io.streamingdata.msk.records;

/** How a record's timestamp was set, with the names Kafka and the Lambda event use. */
public enum TimestampType {
    /** Set by the producer. */
    CREATE_TIME,
    /** Set by the broker when it appended the record. */
    LOG_APPEND_TIME,
    /** The record carries no timestamp (very old message formats). */
    NO_TIMESTAMP_TYPE
}
