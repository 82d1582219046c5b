package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputBytesTest {

    private static final int CHUNK = 128 * 1024;

    @Test
    void shouldHandBackTheArrayOfAByteArrayStreamOverAllOfIt() throws IOException {
        byte[] event = random(6 * 1024 * 1024 + 7);
        ByteArrayInputStream in = new ByteArrayInputStream(event);

        byte[] read = InputBytes.readAll(in);

        if (Runtime.version().feature() <= 21) {
            assertSame(event, read, "Java 17 to 21 write from the stream's own array");
        } else {
            // Java 22 and later write only trusted streams from it, others from a temporary buffer: a copy then.
            assertArrayEquals(event, read);
        }
        assertEquals(-1, in.read(), "the stream is read to its end, as readAllBytes leaves it");
    }

    @Test
    void shouldCopyWhatRemainsOfAStreamAlreadyPartlyRead() throws IOException {
        byte[] event = random(1000);
        ByteArrayInputStream in = new ByteArrayInputStream(event);
        in.skipNBytes(10);

        byte[] read = InputBytes.readAll(in);

        assertArrayEquals(Arrays.copyOfRange(event, 10, 1000), read);
        assertEquals(-1, in.read());
    }

    @Test
    void shouldCopyTheWindowOfAStreamOverPartOfAnArray() throws IOException {
        byte[] buffer = random(1000);

        assertArrayEquals(
                Arrays.copyOfRange(buffer, 100, 400), InputBytes.readAll(new ByteArrayInputStream(buffer, 100, 300)));
        assertArrayEquals(
                Arrays.copyOfRange(buffer, 0, 999), InputBytes.readAll(new ByteArrayInputStream(buffer, 0, 999)));
    }

    @Test
    void shouldCopyFromSubclassesAndOtherStreams() throws IOException {
        byte[] event = random(5000);
        InputStream subclass = new ByteArrayInputStream(event) {};
        InputStream other = new java.io.BufferedInputStream(new ByteArrayInputStream(event));

        byte[] fromSubclass = InputBytes.readAll(subclass);
        byte[] fromOther = InputBytes.readAll(other);

        assertArrayEquals(event, fromSubclass);
        assertNotSame(event, fromSubclass);
        assertArrayEquals(event, fromOther);
    }

    @Test
    void shouldReadAnEmptyStream() throws IOException {
        assertEquals(0, InputBytes.readAll(new ByteArrayInputStream(new byte[0])).length);
    }

    @Test
    void shouldTakeTheStreamsArrayWrittenInOrderedChunksAsJava21Does() {
        byte[] event = random(3 * CHUNK + 5);
        InputBytes.WholeArray whole = new InputBytes.WholeArray(event.length);

        for (int at = 0; at < event.length; at += CHUNK) {
            whole.write(event, at, Math.min(CHUNK, event.length - at));
        }

        assertSame(event, whole.array());
    }

    @Test
    void shouldRefuseATemporaryBufferReusedFromChunkToChunk() {
        byte[] event = random(3 * CHUNK);
        byte[] temporary = new byte[CHUNK];
        InputBytes.WholeArray whole = new InputBytes.WholeArray(event.length);

        for (int at = 0; at < event.length; at += CHUNK) {
            System.arraycopy(event, at, temporary, 0, CHUNK);
            whole.write(temporary, 0, CHUNK);
        }

        assertNull(whole.array());
    }

    @Test
    void shouldRefuseWritesThatSkipJumpBackOrStopShort() {
        byte[] event = random(4 * CHUNK);
        InputBytes.WholeArray skipping = new InputBytes.WholeArray(event.length);
        skipping.write(event, 0, CHUNK);
        skipping.write(event, 2 * CHUNK, 2 * CHUNK);
        InputBytes.WholeArray repeating = new InputBytes.WholeArray(event.length);
        repeating.write(event, 0, 3 * CHUNK);
        repeating.write(event, 0, CHUNK);
        InputBytes.WholeArray short_ = new InputBytes.WholeArray(event.length);
        short_.write(event, 0, 3 * CHUNK);
        InputBytes.WholeArray otherArray = new InputBytes.WholeArray(event.length);
        otherArray.write(event, 0, 2 * CHUNK);
        otherArray.write(event.clone(), 2 * CHUNK, 2 * CHUNK);
        InputBytes.WholeArray singleBytes = new InputBytes.WholeArray(event.length);
        singleBytes.write(event[0]);
        singleBytes.write(event, 1, event.length - 1);

        assertNull(skipping.array());
        assertNull(repeating.array());
        assertNull(short_.array());
        assertNull(otherArray.array());
        assertNull(singleBytes.array());
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
