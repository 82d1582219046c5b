package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KafkaRecordTest {

    @Test
    void shouldWeighHeaderNamesInUtf8() {
        KafkaRecord record = new KafkaRecord(
                new TopicPartition("t", 0),
                1,
                0,
                TimestampType.CREATE_TIME,
                new byte[3],
                new byte[10],
                List.of(
                        new KafkaHeader("ascii", new byte[2]),
                        new KafkaHeader("ñé", null),
                        new KafkaHeader("価格", new byte[1]),
                        new KafkaHeader("\uD83D\uDE00", new byte[0])));

        // 3 + 10, then 5 + 2, 4, 6 + 1, 4
        assertEquals(35, record.payloadSize());
    }

    @Test
    void shouldCountLikeTheUtf8EncoderForAnyText() {
        Random random = new Random(7);
        char[] pool = {'a', 'é', '\u07FF', '\u0800', '価', '\uFFFF', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'};
        for (int trial = 0; trial < 5000; trial++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                name.append(pool[random.nextInt(pool.length)]);
            }
            String text = name.toString();
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, KafkaRecord.utf8Length(text), text);
        }
    }

    @Test
    void shouldWeighAKeylessTombstoneByItsHeadersAlone() {
        List<KafkaHeader> headers = new ArrayList<>();
        headers.add(new KafkaHeader("h", new byte[4]));
        KafkaRecord tombstone =
                new KafkaRecord(new TopicPartition("t", 0), 1, 0, TimestampType.CREATE_TIME, null, null, headers);

        assertEquals(5, tombstone.payloadSize());
    }
}
