package io.streamingdata.msk.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offsets seen of one partition, as ranges: a backup holds long runs of consecutive offsets, so this stays small
 * however many records it covers. Tells a duplicate from a new offset, and where offsets are missing.
 */
final class OffsetRanges {

    /** First offset of each range to its last (inclusive); ranges neither overlap nor touch. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    private long count;

    /** Adds the offset; {@code false} when it was already there. */
    boolean add(long offset) {
        Map.Entry<Long, Long> below = ranges.floorEntry(offset);
        if (below != null && below.getValue() >= offset) {
            return false;
        }
        count++;
        long start = offset;
        if (below != null && below.getValue() == offset - 1) {
            start = below.getKey();
        }
        long end = offset;
        Long next = ranges.get(offset + 1);
        if (next != null) {
            ranges.remove(offset + 1);
            end = next;
        }
        ranges.put(start, end);
        return true;
    }

    long count() {
        return count;
    }

    long first() {
        return ranges.firstKey();
    }

    long last() {
        return ranges.lastEntry().getValue();
    }

    /** The missing stretches between the first and the last offset, each as {@code {first, last}}. */
    List<long[]> gaps() {
        List<long[]> gaps = new ArrayList<>();
        Long previousEnd = null;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            if (previousEnd != null) {
                gaps.add(new long[] {previousEnd + 1, range.getKey() - 1});
            }
            previousEnd = range.getValue();
        }
        return gaps;
    }
}
