package io.streamingdata.msk.forwarder.strategy;

import io.streamingdata.msk.forwarder.failure.Failure;
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
    public StrategyName name() {
        return StrategyName.REPORT_BATCH_ITEM_FAILURES;
    }

    @Override
    public List<Resume> resolve(List<Failure> undelivered, int batchSize, String deliveryStream) {
        Map<TopicPartition, Long> earliest = new LinkedHashMap<>();
        for (Failure failure : undelivered) {
            earliest.merge(failure.entry().topicPartition(), failure.entry().offset(), Math::min);
        }
        List<Resume> resumes = new ArrayList<>(earliest.size());
        earliest.forEach((partition, offset) -> resumes.add(new Resume(partition, offset)));
        Failure first = undelivered.get(0);
        LOG.warnf(
                "%d of %d records were not delivered to %s (first: %s, %s); reporting %d partition(s) to resume",
                undelivered.size(),
                batchSize,
                deliveryStream,
                first.entry().coordinates(),
                first.reason(),
                resumes.size());
        return resumes;
    }
}
