package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ticks look like the original's Python sample, and the command line says what is wrong with a flag. */
class StockTickProducerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ticksHaveTheOriginalsShape() throws Exception {
        StockTickProducer producer = new StockTickProducer(ProducerOptions.parse(new String[0]));
        Set<String> tickers = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String tick = producer.tick("AMZN", LocalDateTime.of(2026, 11, 25, 20, 1, 1, 123_000_000));
            JsonNode json = JSON.readTree(tick);
            assertEquals(3, json.size(), tick);
            assertEquals("2026-11-25T20:01:01.123", json.path("event_time").asText());
            assertEquals("AMZN", json.path("ticker").asText());
            double price = json.path("price").asDouble();
            assertTrue(price >= 0 && price <= 100, tick);
            assertTrue(tick.matches(".*\"price\":\\d{1,3}\\.\\d{2}}"), tick);
            tickers.add(json.path("ticker").asText());
        }
        assertEquals(Set.of("AAPL", "AMZN", "MSFT", "INTC", "TBV"), Set.copyOf(StockTickProducer.TICKERS));
    }

    @Test
    void defaultsMatchTheLocalStack() {
        ProducerOptions options = ProducerOptions.parse(new String[0]);
        assertEquals("127.0.0.1:19092", options.bootstrapServers());
        assertEquals("ExampleTopic", options.topic());
        assertEquals(1000, options.count());
        assertEquals(0, options.rate());
        ProducerOptions set = ProducerOptions.parse(new String[] {"--rate=4", "--count", "0", "--topic", "t.1"});
        assertEquals(4, set.rate());
        assertEquals(0, set.count());
        assertEquals("t.1", set.topic());
    }

    @Test
    void badFlagsAreExplained() {
        assertEquals("--rate must be 0 (unlimited) or positive, got '-1'", message("--rate", "-1"));
        assertEquals("--count needs a whole number, got '1e3'", message("--count", "1e3"));
        assertEquals("--topic needs a value", message("--topic"));
        assertEquals("unknown option: --speed", message("--speed", "9"));
        assertTrue(message("--topic", "a topic").startsWith("--topic: 'a topic' is not a valid Kafka topic name"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ProducerOptions.parse(args))
                .getMessage();
    }
}
