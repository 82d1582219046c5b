package io.streamingdata.msk.forwarder.failure;

import io.streamingdata.msk.forwarder.ForwarderResponse;
import io.streamingdata.msk.forwarder.ForwarderResponse.BatchItemFailure;
import io.streamingdata.msk.forwarder.ForwarderResponse.ItemIdentifier;
import io.streamingdata.msk.records.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code report-batch-item-failures}: a partial batch response naming, per topic-partition, the earliest offset not
 * delivered. Lambda commits the partitions not named and resumes each named one from that offset, so later records
 * of that partition that were delivered come again (at-least-once).
 */
public final class ReportBatchItemFailures implements FailureStrategy {

    private static final Logger LOG = Logger.getLogger(ReportBatchItemFailures.class);

    @Override
    public String name() {
        return FailureStrategies.REPORT_BATCH_ITEM_FAILURES;
    }

    @Override
    public ForwarderResponse handle(List<Undeliverable> undelivered, int batchSize, String deliveryStream) {
        Map<TopicPartition, Long> earliest = new LinkedHashMap<>();
        for (Undeliverable record : undelivered) {
            earliest.merge(record.entry().topicPartition(), record.entry().offset(), Math::min);
        }
        List<BatchItemFailure> failures = new ArrayList<>(earliest.size());
        earliest.forEach((partition, offset) -> failures.add(
                new BatchItemFailure(new ItemIdentifier(partition.toString(), offset))));
        LOG.warnf("%d of %d records were not delivered to %s (first: %s, %s); reporting %d partition(s) to resume",
                undelivered.size(), batchSize, deliveryStream, undelivered.get(0).entry().coordinates(),
                undelivered.get(0).reason(), failures.size());
        return new ForwarderResponse(failures);
    }
}
