package io.streamingdata.msk.firehose.local;

/**
 * A Firehose error answer: thrown anywhere below the HTTP handler, which turns it into the HTTP status and an AWS JSON
 * 1.1 {@code {"__type": ..., "message": ...}} body. No stack trace: it is an answer, not a bug.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String type;

    ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiError badRequest(String type, String message) {
        return new ApiError(400, type, message);
    }

    /** The body could not be read as the operation's input (bad JSON, wrong JSON type, bad base64). */
    static ApiError serialization(String message) {
        return badRequest("SerializationException", message);
    }

    static ApiError streamNotFound(String name) {
        return badRequest(
                "ResourceNotFoundException",
                "Firehose stream " + name + " under account " + LocalFirehose.ACCOUNT_ID + " not found.");
    }

    /** The service cannot take the call now; the SDK retries a 503 by itself, with backoff. */
    static ApiError serviceUnavailable(String message) {
        return new ApiError(503, FaultPlan.SERVICE_UNAVAILABLE, message);
    }

    /** The answer of an injected whole-call fault. */
    static ApiError of(FaultPlan.CallFault fault) {
        return new ApiError(fault.status(), fault.errorType(), fault.message());
    }
}
