package io.streamingdata.msk.records.internal;

/**
 * Decides in one pass whether bytes are exactly one JSON object or array (white space around it allowed) that is also
 * text as {@code PayloadFormat} defines it: the question the payload classification asks of every key, value and
 * header, which otherwise takes a pass to check the text and a parser to check the JSON, per payload. The grammar is
 * RFC 8259 as Jackson's default parser reads it (no comments, no leading zeros, no trailing commas, no unescaped
 * control characters in strings, only the escapes JSON defines); inside strings, bytes must be strict UTF-8 (no
 * overlong forms, no surrogates) and not DEL, which JSON allows but text does not. Where Jackson's limits could decide
 * instead (deep nesting, very long numbers, escaped surrogates, which it pairs in names only) it answers
 * {@link #UNDECIDED} and leaves the question to the parser. A valid document's answer also says whether it spans
 * lines ({@link #VALID_MULTI_LINE}), which the writers would otherwise scan for again.
 */
public final class JsonShape {

    public static final int INVALID = 0;
    public static final int VALID = 1;
    public static final int UNDECIDED = 2;
    /** Valid, with line breaks in the white space between tokens. */
    public static final int VALID_MULTI_LINE = 3;

    /** Deeper documents are left to the parser, whose nesting limit decides. */
    public static final int MAX_DEPTH = 64;
    /** Longer numbers are left to the parser, whose number-length limit decides. */
    public static final int MAX_NUMBER_CHARS = 100;

    private static final int FAIL = -1;
    private static final int UNSURE = -2;

    private final byte[] b;
    private final int length;
    /** Whether white space outside strings held a CR or LF: in valid JSON the only place one can be. */
    private boolean lineBreak;

    private JsonShape(byte[] b, int length) {
        this.b = b;
        this.length = length;
    }

    /**
     * @return {@link #VALID} (on one line), {@link #VALID_MULTI_LINE}, {@link #INVALID} or {@link #UNDECIDED} for the
     *     first {@code length} bytes
     */
    public static int of(byte[] b, int length) {
        return new JsonShape(b, length).scan();
    }

    private int scan() {
        int i = skipSpace(0);
        if (i == length || (b[i] != '{' && b[i] != '[')) {
            return INVALID;
        }
        long objects = 0; // bit d set: the container at depth d is an object
        int depth = 0;
        boolean expectValue = true;
        while (true) {
            i = skipSpace(i);
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
                    i = skipSpace(i + 1);
                    if (i < length && b[i] == (object ? '}' : ']')) {
                        depth--;
                        i++;
                        expectValue = false;
                        if (depth == 0) {
                            return skipSpace(i) == length ? valid() : INVALID;
                        }
                    } else if (object) {
                        i = member(i);
                    }
                    // otherwise an array's first value follows
                } else {
                    i = scalar(i);
                    expectValue = false;
                }
            } else if (c == ',') {
                i = (objects & (1L << (depth - 1))) != 0 ? member(skipSpace(i + 1)) : i + 1;
                expectValue = true;
            } else if (c == ((objects & (1L << (depth - 1))) != 0 ? '}' : ']')) {
                depth--;
                i++;
                if (depth == 0) {
                    return skipSpace(i) == length ? valid() : INVALID;
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
    private int member(int i) {
        if (i >= length || b[i] != '"') {
            return FAIL;
        }
        int end = string(i);
        if (end < 0) {
            return end;
        }
        i = skipSpace(end);
        if (i >= length || b[i] != ':') {
            return FAIL;
        }
        return i + 1;
    }

    private int scalar(int i) {
        return switch (b[i]) {
            case '"' -> string(i);
            case 't' -> literal(i, "true");
            case 'f' -> literal(i, "false");
            case 'n' -> literal(i, "null");
            default -> number(i);
        };
    }

    /** A string starting at its opening quote; returns the index after its closing quote. */
    private int string(int i) {
        i++;
        while (true) {
            i = Words.plainStringRun(b, i, length);
            if (i == length) {
                return FAIL;
            }
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
            // what stops a plain run and is left: a backslash
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
    }

    private static boolean hex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private int literal(int i, String word) {
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
    private int number(int i) {
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
            i = digits(i);
        }
        if (i < length && b[i] == '.') {
            if (i + 1 >= length || !digit(b[i + 1])) {
                return FAIL;
            }
            i = digits(i + 1);
        }
        if (i < length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= length || !digit(b[i])) {
                return FAIL;
            }
            i = digits(i);
        }
        return i - start > MAX_NUMBER_CHARS ? UNSURE : i;
    }

    private int digits(int i) {
        while (i < length && digit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private int skipSpace(int i) {
        if (i < 0) {
            return i; // FAIL or UNSURE passes through
        }
        while (i < length) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                lineBreak = true;
            } else if (c != ' ' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private int valid() {
        return lineBreak ? VALID_MULTI_LINE : VALID;
    }
}
