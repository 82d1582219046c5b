package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordPackerTest {

    @Test
    void shouldSendOneFirehoseRecordPerLineWithoutAggregation() {
        List<Line> lines = lines(3, 10);

        List<PackedRecord> packed = pack(new RecordPacker(false, 1_024_000), lines);

        assertEquals(3, packed.size());
        assertEquals(records(lines, 2, 3), packed.get(2).records());
        assertArrayEquals(withNewline(lines.get(2).bytes()), packed.get(2).data());
    }

    @Test
    void shouldPackConsecutiveLinesUpToTheLimitKeepingEveryByteInOrder() {
        List<Line> lines = lines(100, 99);

        List<PackedRecord> packed = pack(new RecordPacker(true, 1000), lines);

        assertEquals(10, packed.size(), "ten 99-byte lines and their newlines fill a 1000-byte record exactly");
        assertTrue(packed.stream().allMatch(record -> record.data().length == 1000));
        assertArrayEquals(joined(lines), joined(packed), "S3 receives the same bytes");
        assertEquals(records(lines, 10, 20), packed.get(1).records());
    }

    @Test
    void shouldGiveALineLargerThanTheAggregationLimitARecordOfItsOwn() {
        List<Line> lines = List.of(line(0, 10), line(1, 5000), line(2, 10));

        List<PackedRecord> packed = pack(new RecordPacker(true, 1000), lines);

        assertEquals(3, packed.size());
        assertEquals(records(lines, 1, 2), packed.get(1).records());
        assertArrayEquals(withNewline(lines.get(1).bytes()), packed.get(1).data());
    }

    @Test
    void shouldPackAsTheGreedyRuleSaysForLinesOfAnySizeAndLeaveOutDiscardedOnes() {
        SplittableRandom random = new SplittableRandom(11);
        RecordPacker packer = new RecordPacker(true, 3000);
        for (int round = 0; round < 50; round++) {
            List<Line> kept = new ArrayList<>();
            RecordPacker.Packing packing = packer.start();
            for (int i = 0; i < 200; i++) {
                // Mostly small lines, some near and over the limit, the bytes written in pieces as a generator does.
                int size = random.nextInt(10) == 0 ? random.nextInt(2500, 4000) : random.nextInt(0, 400);
                Line line = line(i, size);
                for (int at = 0; at < size; ) {
                    int piece = Math.min(size - at, random.nextInt(1, 700));
                    packing.sink().write(line.bytes(), at, piece);
                    at += piece;
                }
                if (random.nextInt(20) == 0) {
                    packing.discardLine();
                } else {
                    packing.keepLine(line.record());
                    kept.add(line);
                }
            }
            List<PackedRecord> packed = packing.finish();

            assertEquals(
                    expectedSizes(kept, 3000),
                    packed.stream().map(r -> r.data().length).toList(),
                    "round " + round);
            assertArrayEquals(joined(kept), joined(packed), "round " + round);
            assertEquals(
                    kept.stream().map(Line::record).toList(),
                    packed.stream().flatMap(r -> r.records().stream()).toList());
        }
    }

    @Test
    void shouldPackNothingFromNothing() {
        assertTrue(new RecordPacker(true, 1000).start().finish().isEmpty());
    }

    @Test
    void shouldRefuseToFinishWithALineNeitherKeptNorDiscarded() {
        RecordPacker.Packing packing = new RecordPacker(true, 1000).start();
        packing.sink().write(new byte[] {'x'});

        IllegalStateException e = assertThrows(IllegalStateException.class, packing::finish);
        assertEquals("a line of 1 bytes was neither kept nor discarded", e.getMessage());
    }

    @Test
    void shouldPackTheNextBatchAfreshInTheBufferTheLastOneGrew() {
        RecordPacker packer = new RecordPacker(true, 1000);
        List<Line> large = lines(50, 700);
        List<Line> small = lines(30, 5);

        pack(packer, large);
        List<PackedRecord> packed = pack(packer, small);

        assertEquals(1, packed.size());
        assertArrayEquals(joined(small), packed.get(0).data(), "no byte of the batch before");
    }

    /** A line and the record it came from. */
    record Line(KafkaRecord record, byte[] bytes) {}

    static List<PackedRecord> pack(RecordPacker packer, List<Line> lines) {
        RecordPacker.Packing packing = packer.start();
        for (Line line : lines) {
            packing.sink().write(line.bytes());
            assertEquals(line.bytes().length + 1, packing.lineSize());
            packing.keepLine(line.record());
        }
        return packing.finish();
    }

    /** The greedy rule: a line joins the record while the record stays within the limit; a larger one stands alone. */
    static List<Integer> expectedSizes(List<Line> lines, int limit) {
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        for (Line line : lines) {
            int packed = line.bytes().length + 1;
            if (size > 0 && size + packed > limit) {
                sizes.add(size);
                size = 0;
            }
            size += packed;
        }
        if (size > 0) {
            sizes.add(size);
        }
        return sizes;
    }

    static List<Line> lines(int count, int size) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(i, size));
        }
        return lines;
    }

    /** A line of {@code size} bytes that starts with its index, made from a record at that offset. */
    static Line line(int index, int size) {
        byte[] line = new byte[size];
        byte[] label = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            line[i] = i < label.length ? label[i] : (byte) ('a' + (index + i) % 26);
        }
        KafkaRecord record = new KafkaRecord(
                new TopicPartition("orders", 0), index, 0L, TimestampType.CREATE_TIME, null, line, List.of());
        return new Line(record, line);
    }

    static List<KafkaRecord> records(List<Line> lines, int from, int to) {
        return lines.subList(from, to).stream().map(Line::record).toList();
    }

    static byte[] joined(List<?> parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Line line) {
                joined.writeBytes(withNewline(line.bytes()));
            } else {
                joined.writeBytes(((PackedRecord) part).data());
            }
        }
        return joined.toByteArray();
    }

    static byte[] withNewline(byte[] line) {
        byte[] withNewline = Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }
}
