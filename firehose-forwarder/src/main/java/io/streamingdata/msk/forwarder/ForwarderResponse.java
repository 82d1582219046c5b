package io.streamingdata.msk.forwarder;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The function's answer. With {@code FunctionResponseTypes=["ReportBatchItemFailures"]} on the event source mapping,
 * Lambda reads {@code batchItemFailures}: an empty list means the whole batch succeeded, and each entry names a
 * topic-partition and the earliest offset to resume from. Without that setting Lambda ignores the answer.
 */
@RegisterForReflection
public record ForwarderResponse(List<BatchItemFailure> batchItemFailures) {

    public static ForwarderResponse success() {
        return new ForwarderResponse(List.of());
    }

    /** One partition to resume. */
    @RegisterForReflection
    public record BatchItemFailure(ItemIdentifier itemIdentifier) {}

    /** The Kafka form of a batch item: {@code "<topic>-<partition>"} and an offset. */
    @RegisterForReflection
    public record ItemIdentifier(String partition, long offset) {}
}
