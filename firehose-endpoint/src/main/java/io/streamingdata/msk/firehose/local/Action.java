package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One Firehose operation: the decoded request in, the JSON response body out, or an {@link ApiError}. */
@FunctionalInterface
interface Action {
    /**
     * @param request the request body (a JSON object; records' {@code Data} already decoded to binary nodes)
     * @param call    the region the client signed for and the call's share of the memory budget
     */
    byte[] handle(JsonNode request, CallContext call) throws IOException;
}
