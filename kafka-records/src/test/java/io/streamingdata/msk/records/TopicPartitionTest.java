package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TopicPartitionTest {

    @Test
    void shouldBeEqualByTopicAndPartitionAlone() {
        TopicPartition ticks0 = new TopicPartition(new String("ticks".toCharArray()), 0);

        assertEquals(new TopicPartition("ticks", 0), ticks0);
        assertEquals(new TopicPartition("ticks", 0).hashCode(), ticks0.hashCode());
        assertNotEquals(new TopicPartition("ticks", 1), ticks0);
        assertNotEquals(new TopicPartition("Ticks", 0), ticks0);
        assertNotEquals(ticks0, null);
        assertNotEquals(ticks0, "ticks-0");
        assertEquals("ticks-0", ticks0.toString());
    }
}
