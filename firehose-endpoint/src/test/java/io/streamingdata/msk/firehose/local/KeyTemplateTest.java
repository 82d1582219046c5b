package io.streamingdata.msk.firehose.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");
    private static final Random R = new Random(1);

    @Test
    void emptyPrefixIsTheDefaultUtcHourLayout() {
        assertEquals("2026/03/04/05/", KeyTemplate.parse(null).evaluate(T, null, R));
        assertEquals("2026/03/04/05/", KeyTemplate.parse("").evaluate(T, null, R));
    }

    @Test
    void aPrefixWithoutTimestampGetsTheDefaultTimeAppended() {
        assertEquals("raw/2026/03/04/05/", KeyTemplate.parse("raw/").evaluate(T, null, R));
    }

    @Test
    void timestampExpressionsShareOneInstantAndReplaceTheDefault() {
        assertEquals(
                "dt=2026-03-04/hh=05/",
                KeyTemplate.parse("dt=!{timestamp:yyyy-MM-dd}/hh=!{timestamp:HH}/")
                        .evaluate(T, null, R));
    }

    @Test
    void randomStringIsElevenAlphanumericCharacters() {
        String key = KeyTemplate.parse("p/!{firehose:random-string}/!{timestamp:yyyy}/")
                .evaluate(T, null, R);
        assertTrue(key.matches("p/[A-Za-z0-9]{11}/2026/"), key);
    }

    @Test
    void errorOutputTypeIsSubstituted() {
        assertEquals(
                "errors/s3-failed/2026/03/04/05/",
                KeyTemplate.parse("errors/!{firehose:error-output-type}/").evaluate(T, "s3-failed", R));
    }

    @Test
    void badExpressionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse("!{timestamp:yyyy"));
        assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse("!{nope:x}"));
        assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse("!{firehose:nope}"));
        assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse("!{partitionKeyFromQuery:id}"));
        assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse("!{timestamp:qqqqqqq}"));
    }

    @Test
    void streamConfigEnforcesTheServicePrefixRules() {
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamConfig.builder("s").prefix("!{timestamp:yyyy}/").build(),
                "expressions need an error output prefix");
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamConfig.builder("s")
                        .prefix("a/")
                        .errorOutputPrefix("errors/")
                        .build(),
                "error prefix needs error-output-type");
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamConfig.builder("s")
                        .prefix("!{firehose:error-output-type}/")
                        .errorOutputPrefix("e/!{firehose:error-output-type}/")
                        .build());
        assertThrows(IllegalArgumentException.class, () -> StreamConfig.builder("bad name"));
    }
}
