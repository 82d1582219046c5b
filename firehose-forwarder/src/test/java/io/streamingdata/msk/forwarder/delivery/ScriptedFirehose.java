package io.streamingdata.msk.forwarder.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;

/**
 * A Firehose client whose answers a test writes, call by call, and that keeps every request. For the delivery loop's
 * decisions (what to resend, when to stop); the wire protocol is tested against the local endpoint elsewhere.
 */
public final class ScriptedFirehose implements FirehoseClient {

    private final Function<PutRecordBatchRequest, PutRecordBatchResponse> answer;
    private final List<PutRecordBatchRequest> requests = new ArrayList<>();

    public ScriptedFirehose(Function<PutRecordBatchRequest, PutRecordBatchResponse> answer) {
        this.answer = answer;
    }

    /** Accepts every record. */
    public static PutRecordBatchResponse acceptAll(PutRecordBatchRequest request) {
        List<PutRecordBatchResponseEntry> entries = request.records().stream()
                .map(record ->
                        PutRecordBatchResponseEntry.builder().recordId("id").build())
                .toList();
        return PutRecordBatchResponse.builder()
                .failedPutCount(0)
                .requestResponses(entries)
                .build();
    }

    /** Refuses the records at {@code positions} with {@code errorCode}, accepts the others. */
    public static PutRecordBatchResponse refuse(
            PutRecordBatchRequest request, String errorCode, List<Integer> positions) {
        List<PutRecordBatchResponseEntry> entries = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            entries.add(
                    positions.contains(i)
                            ? PutRecordBatchResponseEntry.builder()
                                    .errorCode(errorCode)
                                    .errorMessage("Slow down.")
                                    .build()
                            : PutRecordBatchResponseEntry.builder()
                                    .recordId("id-" + i)
                                    .build());
        }
        return PutRecordBatchResponse.builder()
                .failedPutCount(positions.size())
                .requestResponses(entries)
                .build();
    }

    @Override
    public PutRecordBatchResponse putRecordBatch(PutRecordBatchRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        return answer.apply(request);
    }

    public List<PutRecordBatchRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public String serviceName() {
        return "firehose";
    }

    @Override
    public void close() {}
}
