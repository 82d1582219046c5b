package io.streamingdata.msk.restore;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TopicPartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the restore will produce, collected from the backup: records in the window and the selection, each
 * (topic, partition, offset) once, sorted by offset within each partition; the values of a value-format backup in
 * backup order; and what it could not restore, with where and why.
 */
final class RestoreSet {

    /** How many problems are listed one by one; the rest are only counted. */
    static final int LISTED_PROBLEMS = 20;

    private final Selection selection;
    private final Map<TopicPartition, Partition> partitions = new TreeMap<>();
    private final List<byte[]> values = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long unrestorable;
    private long duplicates;
    private long filtered;

    RestoreSet(Selection selection) {
        this.selection = selection;
    }

    /** The window and the optional topic, partition and offset range. */
    record Selection(long fromMillis, long toMillis, String topic, Integer partition, Long fromOffset, Long toOffset) {
        boolean accepts(KafkaRecord record) {
            TopicPartition tp = record.topicPartition();
            boolean inWindow =
                    record.timestamp() < 0 || record.timestamp() >= fromMillis && record.timestamp() < toMillis;
            return inWindow
                    && (topic == null || topic.equals(tp.topic()))
                    && (partition == null || partition == tp.partition())
                    && (fromOffset == null || record.offset() >= fromOffset)
                    && (toOffset == null || record.offset() <= toOffset);
        }
    }

    private static final class Partition {
        final OffsetRanges offsets = new OffsetRanges();
        final List<KafkaRecord> records = new ArrayList<>();
        long duplicates;
    }

    /** Offers a record from the backup or a dead letter. */
    void offer(KafkaRecord record) {
        if (!selection.accepts(record)) {
            filtered++;
            return;
        }
        Partition partition = partitions.computeIfAbsent(record.topicPartition(), tp -> new Partition());
        if (!partition.offsets.add(record.offset())) {
            partition.duplicates++;
            duplicates++;
            return;
        }
        partition.records.add(record);
    }

    void offerValue(byte[] value) {
        values.add(value);
    }

    void unrestorable(String where, String reason) {
        unrestorable++;
        if (problems.size() < LISTED_PROBLEMS) {
            problems.add(where + ": " + reason);
        }
    }

    /** Records per partition in offset order, ready to produce. */
    Map<TopicPartition, List<KafkaRecord>> byPartition() {
        Map<TopicPartition, List<KafkaRecord>> sorted = new TreeMap<>();
        partitions.forEach((tp, partition) -> {
            partition.records.sort(Comparator.comparingLong(KafkaRecord::offset));
            sorted.put(tp, partition.records);
        });
        return sorted;
    }

    List<byte[]> values() {
        return values;
    }

    long records() {
        long count = values.size();
        for (Partition partition : partitions.values()) {
            count += partition.records.size();
        }
        return count;
    }

    long duplicates() {
        return duplicates;
    }

    long filtered() {
        return filtered;
    }

    long unrestorable() {
        return unrestorable;
    }

    List<String> problems() {
        return problems;
    }

    /** Per partition: count, first and last offset, duplicates and the missing stretches, for --dry-run. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        partitions.forEach((tp, partition) -> {
            List<long[]> gaps = partition.offsets.gaps();
            long missing = gaps.stream().mapToLong(g -> g[1] - g[0] + 1).sum();
            StringBuilder line = new StringBuilder(tp + " records=" + partition.offsets.count() + " first="
                    + partition.offsets.first() + " last=" + partition.offsets.last() + " duplicates="
                    + partition.duplicates + " gaps=" + gaps.size() + " missing-offsets=" + missing);
            for (int i = 0; i < Math.min(gaps.size(), 10); i++) {
                line.append(i == 0 ? " [" : ", ")
                        .append(
                                gaps.get(i)[0] == gaps.get(i)[1]
                                        ? "" + gaps.get(i)[0]
                                        : gaps.get(i)[0] + "-" + gaps.get(i)[1]);
            }
            if (!gaps.isEmpty()) {
                line.append(gaps.size() > 10 ? ", ...]" : "]");
            }
            lines.add(line.toString());
        });
        return lines;
    }

    /** The highest partition number per topic, plus one: what the target needs for --keep-partition. */
    Map<String, Integer> partitionsNeeded() {
        Map<String, Integer> needed = new TreeMap<>();
        for (TopicPartition tp : partitions.keySet()) {
            needed.merge(tp.topic(), tp.partition() + 1, Math::max);
        }
        return needed;
    }
}
