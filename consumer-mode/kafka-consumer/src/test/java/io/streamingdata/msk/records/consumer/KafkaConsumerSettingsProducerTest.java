package io.streamingdata.msk.records.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KafkaConsumerSettingsProducerTest {

    @Test
    void shouldLetARecordWaitForItsOwnBatchAndTheOneAhead() {
        assertEquals(60_000, KafkaConsumerSettingsProducer.stallLimitMillis(30_000));
        assertEquals(2 * (120_000 + 10_000 + 60_000), KafkaConsumerSettingsProducer.stallLimitMillis(190_000));
    }

    @Test
    void shouldStayWithinTheConnectorsIntegerSetting() {
        assertEquals(Integer.MAX_VALUE, KafkaConsumerSettingsProducer.stallLimitMillis(Integer.MAX_VALUE));
    }
}
