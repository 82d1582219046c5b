package io.streamingdata.msk.firehose.local;

import static io.streamingdata.msk.firehose.local.TestSupport.record;
import static io.streamingdata.msk.firehose.local.TestSupport.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.Record;

class ValidationTest {
    private static final String STREAM = "validation-stream";

    @RegisterExtension
    static final EndpointFixture fixture =
            EndpointFixture.of(b -> b.stream(STREAM)).resetBeforeEach(STREAM);

    @Test
    void exactly500RecordsAreAccepted() {
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records("r", 500)))
                        .failedPutCount());
        assertEquals(500, fixture.firehose().deliveredRecords(STREAM).size());
    }

    @Test
    void recordsOver500AreAValidationExceptionAndNothingIsDelivered() {
        FirehoseException e = rejected(records("r", 501));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("Member must have length less than or equal to 500"), e.getMessage());
    }

    @Test
    void zeroRecordsAreAValidationException() {
        FirehoseException e = rejected(List.of());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void aRecordOfExactly1024000BytesIsAcceptedOneMoreIsRejected() {
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(record(bytes(1_024_000, 'a'))))
                        .failedPutCount());
        assertEquals(1_024_000, fixture.firehose().deliveredRecords(STREAM).get(0).length);
        fixture.firehose().reset(STREAM);

        FirehoseException e = rejected(List.of(record("small"), record(bytes(1_024_001, 'b'))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("'records.2.member.data'"), e.getMessage());
        assertTrue(e.getMessage().contains("less than or equal to 1024000"), e.getMessage());
    }

    @Test
    void putRecordOverTheRecordLimitIsRejected() {
        FirehoseException e = assertThrows(
                FirehoseException.class,
                () -> fixture.client()
                        .putRecord(b -> b.deliveryStreamName(STREAM).record(record(bytes(1_024_001, 'c')))));
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(fixture.firehose().deliveredRecords(STREAM).isEmpty());
    }

    @Test
    void exactly4MiBPerCallIsAcceptedOneByteMoreIsAnInvalidArgumentException() {
        List<Record> atLimit = fourMiB(0);
        assertEquals(
                4 * 1024 * 1024,
                atLimit.stream().mapToInt(r -> r.data().asByteArray().length).sum());
        assertEquals(
                0,
                fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(atLimit))
                        .failedPutCount());
        assertEquals(5, fixture.firehose().deliveredRecords(STREAM).size());
        fixture.firehose().reset(STREAM);

        FirehoseException e = rejected(fourMiB(1));
        assertInstanceOf(InvalidArgumentException.class, e);
        assertEquals("Records size exceeds 4 MB limit", e.awsErrorDetails().errorMessage());
    }

    private static List<Record> fourMiB(int extra) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(record(bytes(1_024_000, (char) ('a' + i))));
        }
        out.add(record(bytes(4 * 1024 * 1024 - 4 * 1_024_000 + extra, 'z')));
        return out;
    }

    private FirehoseException rejected(List<Record> records) {
        FirehoseException e = assertThrows(
                FirehoseException.class,
                () -> fixture.client()
                        .putRecordBatch(b -> b.deliveryStreamName(STREAM).records(records)));
        assertEquals(400, e.statusCode());
        assertEquals(1, e.numAttempts(), "a 400 must not be retried by the SDK");
        assertTrue(fixture.firehose().deliveredRecords(STREAM).isEmpty(), "a rejected call delivers nothing");
        StreamStats stats = fixture.firehose().stats(STREAM);
        assertEquals(1, stats.calls());
        assertEquals(1, stats.rejectedCalls());
        assertEquals(0, stats.acceptedRecords());
        return e;
    }

    private static byte[] bytes(int size, char fill) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
