package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ListDeliveryStreams}: names in lexical order, paged by Limit and ExclusiveStartDeliveryStreamName. */
final class ListDeliveryStreamsAction implements Action {
    private static final int DEFAULT_LIMIT = 10;

    private final StreamRegistry streams;

    ListDeliveryStreamsAction(StreamRegistry streams) {
        this.streams = streams;
    }

    @Override
    public byte[] handle(JsonNode request, CallContext call) throws IOException {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt(DEFAULT_LIMIT) : DEFAULT_LIMIT;
        new RequestValidation().listLimit(limit).throwIfInvalid(null);
        String type = AwsJson.textOrNull(request.get("DeliveryStreamType"));
        String after = AwsJson.textOrNull(request.get("ExclusiveStartDeliveryStreamName"));
        List<String> names = new ArrayList<>();
        if (type == null || type.equals("DirectPut")) { // every stream here is Direct PUT
            for (String name : streams.sortedNames()) {
                if (after == null || name.compareTo(after) > 0) {
                    names.add(name);
                }
            }
        }
        boolean more = names.size() > limit;
        return AwsJson.write(
                Map.of("DeliveryStreamNames", more ? names.subList(0, limit) : names, "HasMoreDeliveryStreams", more));
    }
}
