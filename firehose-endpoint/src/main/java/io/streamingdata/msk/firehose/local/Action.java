package io.streamingdata.msk.firehose.local;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/** One Firehose operation: the decoded request in, the JSON response body out, or an {@link ApiError}. */
@FunctionalInterface
interface Action {
    /**
     * @param request the request body (a JSON object)
     * @param region  the region the client signed for; only ARNs use it
     */
    byte[] handle(JsonNode request, String region) throws IOException;
}
