package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.records.TopicPartition;

/** A partition the event source must read again, from {@code offset} on. */
public record Resume(TopicPartition topicPartition, long offset) {}
