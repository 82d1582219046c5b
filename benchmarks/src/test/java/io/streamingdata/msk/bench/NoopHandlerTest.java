package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoopHandlerTest {

    @Test
    void readsTheWholeEventAndAnswersWithItsSize() throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        new NoopHandler().handleRequest(new ByteArrayInputStream(new byte[123_456]), answer, null);
        assertEquals("{\"bytes\":123456}", answer.toString(StandardCharsets.US_ASCII));
    }
}
