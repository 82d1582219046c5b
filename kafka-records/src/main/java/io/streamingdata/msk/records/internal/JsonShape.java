package io.streamingdata.msk.records.internal;

/**
 * Decides in one pass whether bytes are exactly one JSON object or array (white space around it allowed) that is also
 * text as {@code PayloadFormat} defines it: the question the payload classification asks of every key, value and
 * header, which otherwise takes a pass to check the text and a parser to check the JSON, per payload. The grammar is
 * RFC 8259 as Jackson's default parser reads it (no comments, no leading zeros, no trailing commas, no unescaped
 * control characters in strings, only the escapes JSON defines); inside strings, bytes must be strict UTF-8 (no
 * overlong forms, no surrogates) and not DEL, which JSON allows but text does not. Where Jackson's limits could decide
 * instead (deep nesting, very long numbers, escaped surrogates, which it pairs in names only) it answers
 * {@link #UNDECIDED} and leaves the question to the parser.
 */
public final class JsonShape {

    public static final int INVALID = 0;
    public static final int VALID = 1;
    public static final int UNDECIDED = 2;

    /** Deeper documents are left to the parser, whose nesting limit decides. */
    public static final int MAX_DEPTH = 64;
    /** Longer numbers are left to the parser, whose number-length limit decides. */
    public static final int MAX_NUMBER_CHARS = 100;

    private static final int FAIL = -1;
    private static final int UNSURE = -2;

    private JsonShape() {}

    /** @return {@link #VALID}, {@link #INVALID} or {@link #UNDECIDED} for the first {@code length} bytes */
    public static int of(byte[] b, int length) {
        int i = skipSpace(b, 0, length);
        if (i == length || (b[i] != '{' && b[i] != '[')) {
            return INVALID;
        }
        long objects = 0; // bit d set: the container at depth d is an object
        int depth = 0;
        boolean expectValue = true;
        while (true) {
            i = skipSpace(b, i, length);
            if (i == length) {
                return INVALID;
            }
            byte c = b[i];
            if (expectValue) {
                if (c == '{' || c == '[') {
                    if (depth == MAX_DEPTH) {
                        return UNDECIDED;
                    }
                    boolean object = c == '{';
                    objects = object ? objects | (1L << depth) : objects & ~(1L << depth);
                    depth++;
                    i = skipSpace(b, i + 1, length);
                    if (i < length && b[i] == (object ? '}' : ']')) {
                        depth--;
                        i++;
                        expectValue = false;
                        if (depth == 0) {
                            return skipSpace(b, i, length) == length ? VALID : INVALID;
                        }
                    } else if (object) {
                        i = member(b, i, length);
                    }
                    // otherwise an array's first value follows
                } else {
                    i = scalar(b, i, length);
                    expectValue = false;
                }
            } else if (c == ',') {
                i = (objects & (1L << (depth - 1))) != 0 ? member(b, skipSpace(b, i + 1, length), length) : i + 1;
                expectValue = true;
            } else if (c == ((objects & (1L << (depth - 1))) != 0 ? '}' : ']')) {
                depth--;
                i++;
                if (depth == 0) {
                    return skipSpace(b, i, length) == length ? VALID : INVALID;
                }
            } else {
                return INVALID;
            }
            if (i == UNSURE) {
                return UNDECIDED;
            }
            if (i == FAIL) {
                return INVALID;
            }
        }
    }

    /** An object member's name and colon; returns where its value starts. */
    private static int member(byte[] b, int i, int length) {
        if (i >= length || b[i] != '"') {
            return FAIL;
        }
        int end = string(b, i, length);
        if (end < 0) {
            return end;
        }
        i = skipSpace(b, end, length);
        if (i >= length || b[i] != ':') {
            return FAIL;
        }
        return i + 1;
    }

    private static int scalar(byte[] b, int i, int length) {
        return switch (b[i]) {
            case '"' -> string(b, i, length);
            case 't' -> literal(b, i, length, "true");
            case 'f' -> literal(b, i, length, "false");
            case 'n' -> literal(b, i, length, "null");
            default -> number(b, i, length);
        };
    }

    /** A string starting at its opening quote; returns the index after its closing quote. */
    private static int string(byte[] b, int i, int length) {
        i++;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20 || c == 0x7F) {
                return FAIL;
            }
            if (c >= 0x80) {
                int codePoint = Utf8.codePointAt(b, i, length);
                if (codePoint < 0 || Utf8.isSurrogate(codePoint)) {
                    return FAIL;
                }
                i += Utf8.sequenceLength(b[i]);
                continue;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (i + 1 >= length) {
                return FAIL;
            }
            switch (b[i + 1]) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
                case 'u' -> {
                    if (i + 6 > length || !hex(b[i + 2]) || !hex(b[i + 3]) || !hex(b[i + 4]) || !hex(b[i + 5])) {
                        return FAIL;
                    }
                    if ((b[i + 2] == 'd' || b[i + 2] == 'D') && "89abcdefABCDEF".indexOf(b[i + 3]) >= 0) {
                        // An escaped surrogate: Jackson checks their pairing in names, not in values.
                        return UNSURE;
                    }
                    i += 6;
                }
                default -> {
                    return FAIL;
                }
            }
        }
        return FAIL;
    }

    private static boolean hex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int literal(byte[] b, int i, int length, String word) {
        if (i + word.length() > length) {
            return FAIL;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return FAIL;
            }
        }
        return i + word.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
    private static int number(byte[] b, int i, int length) {
        int start = i;
        if (i < length && b[i] == '-') {
            i++;
        }
        if (i >= length || !digit(b[i])) {
            return FAIL;
        }
        if (b[i] == '0') {
            i++;
        } else {
            i = digits(b, i, length);
        }
        if (i < length && b[i] == '.') {
            if (i + 1 >= length || !digit(b[i + 1])) {
                return FAIL;
            }
            i = digits(b, i + 1, length);
        }
        if (i < length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= length || !digit(b[i])) {
                return FAIL;
            }
            i = digits(b, i, length);
        }
        return i - start > MAX_NUMBER_CHARS ? UNSURE : i;
    }

    private static int digits(byte[] b, int i, int length) {
        while (i < length && digit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpace(byte[] b, int i, int length) {
        if (i < 0) {
            return i; // FAIL or UNSURE passes through
        }
        while (i < length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }
}
