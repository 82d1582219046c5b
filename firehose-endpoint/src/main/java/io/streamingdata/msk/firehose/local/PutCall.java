package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What PutRecord and PutRecordBatch share around their own checks: counting the call, applying the next counted
 * whole-call fault, validating the stream name, resolving the stream once the request is valid, and accepting the
 * records (after which an accept-then-fail fault still fails the call).
 */
final class PutCall {
    private final String name;
    private final StreamState state;
    private final FaultPlan.CallFault failAfterAccept;
    private final RequestValidation validation;
    private final MemoryBudget.Reservation reservation;

    private PutCall(
            String name,
            StreamState state,
            FaultPlan.CallFault failAfterAccept,
            RequestValidation validation,
            MemoryBudget.Reservation reservation) {
        this.name = name;
        this.state = state;
        this.failAfterAccept = failAfterAccept;
        this.validation = validation;
        this.reservation = reservation;
    }

    /**
     * Starts a put call. The call is counted, and consumes a counted fault, before validation: an injected failure
     * stands for the service failing before it reads the request, and a burst of N faults must be exactly N put
     * attempts, valid or not.
     */
    static PutCall begin(
            JsonNode request, StreamRegistry streams, FaultPlan faults, MemoryBudget.Reservation reservation) {
        String name = AwsJson.textOrNull(request.get("DeliveryStreamName"));
        StreamState state = name == null ? null : streams.find(name);
        if (state != null) {
            state.calls.incrementAndGet();
        }
        FaultPlan.CallFault fault = faults.nextCallFault();
        if (fault != null && !fault.acceptFirst()) {
            if (state != null) {
                state.failedCalls.incrementAndGet();
            }
            throw ApiError.of(fault);
        }
        return new PutCall(name, state, fault, RequestValidation.forStream(request), reservation);
    }

    /** The request's validation, with the stream name already checked; the action adds its records. */
    RequestValidation validation() {
        return validation;
    }

    /** Rejects the call if validation found errors, else the named stream, which must exist. */
    StreamState stream() {
        validation.throwIfInvalid(state);
        if (state == null) {
            throw ApiError.streamNotFound(name);
        }
        return state;
    }

    /**
     * Accepts the records as one unit, their bytes handed over from the call's reservation to the stream's buffer;
     * then fails the call if its fault was accept-then-fail.
     */
    void accept(List<byte[]> records) {
        state.accept(records, Instant.now(), reservation);
        if (failAfterAccept != null) {
            state.failedCalls.incrementAndGet();
            throw ApiError.of(failAfterAccept);
        }
    }
}
