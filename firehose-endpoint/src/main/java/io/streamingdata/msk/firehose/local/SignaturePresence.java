package io.streamingdata.msk.firehose.local;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses requests that carry no SigV4 authorization, or an incomplete one, with the errors and messages of the
 * service's AWS JSON 1.1 front end. Signatures and credentials are not verified: any key signs, so tests and the
 * local stack need no real credentials, but a client that does not sign at all fails here as it would against AWS.
 */
final class SignaturePresence {
    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";

    private static final List<String> HEADER_PARTS = List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");
    private static final Pattern REGION_IN_CREDENTIAL = Pattern.compile("^[^/]+/\\d{8}/([a-z0-9-]+)/");
    private static final String DEFAULT_REGION = "us-east-1";

    private SignaturePresence() {}

    /**
     * Checks the request's authorization, in the Authorization header or in the query string (a presigned request).
     *
     * @return the region of the credential scope (used for ARNs only), us-east-1 when it has none
     * @throws ApiError 400 MissingAuthenticationTokenException, IncompleteSignatureException or InvalidSignatureException
     */
    static String require(Headers headers, String rawQuery) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.isBlank()) {
            authorization = null; // an empty header is no authorization at all, as the service reads it
        }
        Map<String, String> query = query(rawQuery);
        boolean presigned = query.containsKey("X-Amz-Algorithm");
        if (authorization != null && presigned) {
            throw ApiError.badRequest(
                    INVALID_SIGNATURE,
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if (authorization == null && !presigned) {
            throw ApiError.badRequest(MISSING_TOKEN, "Missing Authentication Token");
        }
        return presigned ? fromQuery(query) : fromHeader(authorization, headers);
    }

    private static String fromHeader(String authorization, Headers headers) {
        Map<String, String> parts = new LinkedHashMap<>();
        String[] tokens = authorization.trim().split("[, ]+");
        for (int i = 1; i < tokens.length; i++) { // the first token names the algorithm
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                parts.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String part : HEADER_PARTS) {
            if (parts.getOrDefault(part, "").isEmpty()) {
                missing.append("Authorization header requires '").append(part).append("' parameter. ");
            }
        }
        if (headers.getFirst("X-Amz-Date") == null && headers.getFirst("Date") == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw ApiError.badRequest(INCOMPLETE_SIGNATURE, missing + "Authorization=" + authorization);
        }
        return region(parts.get("Credential"));
    }

    private static String fromQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String parameter : QUERY_PARAMETERS) {
            if (query.getOrDefault(parameter, "").isEmpty()) {
                missing.append("AWS query-string parameters must include '")
                        .append(parameter)
                        .append("'. ");
            }
        }
        if (!missing.isEmpty()) {
            throw ApiError.badRequest(INCOMPLETE_SIGNATURE, missing + "Re-examine the query-string parameters.");
        }
        return region(query.get("X-Amz-Credential"));
    }

    private static String region(String credential) {
        Matcher m = REGION_IN_CREDENTIAL.matcher(credential);
        return m.find() ? m.group(1) : DEFAULT_REGION;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.putIfAbsent(decode(name), decode(value));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
