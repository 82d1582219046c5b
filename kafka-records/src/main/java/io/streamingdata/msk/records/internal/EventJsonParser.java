package io.streamingdata.msk.records.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.util.Arrays;

/**
 * Jackson's UTF-8 parser over a byte array, plus two operations. One decodes the current string token as canonical
 * base64 straight from the input, in the same pass that finds its end. Jackson leaves a string token unread until it
 * is asked for its text or moves on; moving on scans the string for its closing quote, and asking for the text copies
 * every character into its text buffer. For the base64 keys and values that make up nearly all of a Kafka event,
 * decoding while scanning does both jobs at once. The other reads a header value, an array of byte numbers, straight
 * from the input where Lambda wrote it compactly, instead of a token, a number type and a value for every byte.
 */
public final class EventJsonParser extends UTF8StreamJsonParser {

    private final Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();
    private byte[] arrayBytes = new byte[64];

    EventJsonParser(
            IOContext context,
            int features,
            ObjectCodec codec,
            ByteQuadsCanonicalizer symbols,
            byte[] input,
            int start,
            int end) {
        super(context, features, null, codec, symbols, input, start, end, false);
    }

    /**
     * Decodes {@code parser}'s current token, a string not yet read, if it is canonical base64, and moves the parser past it
     * exactly as skipping it would (the string holds no escape and no line break, so only the input position
     * changes).
     *
     * @return the bytes, or {@code null}, leaving the parser untouched, when the token is not an unread string or
     *     the string is not canonical base64 (or the parser is not an {@code EventJsonParser}): its text, read as usual, is then the JDK decoder's to judge
     */
    public static byte[] decodeBase64InPlace(JsonParser parser) {
        return parser instanceof EventJsonParser event ? event.decodeBase64InPlace() : null;
    }

    private byte[] decodeBase64InPlace() {
        if (_currToken != JsonToken.VALUE_STRING || !_tokenIncomplete) {
            return null;
        }
        if (!Base64Canonical.decodeQuoted(_inputBuffer, _inputPtr, _inputEnd, decoded)) {
            return null;
        }
        _inputPtr = decoded.closingQuote() + 1;
        _tokenIncomplete = false;
        return decoded.bytes();
    }

    /**
     * Reads the array {@code parser} has just started ({@link JsonToken#START_ARRAY}) if it is written as Lambda
     * writes a header value, integers from -128 to 255 separated by commas with no white space, such as
     * {@code [116,-1,0]}, and moves the parser past its closing bracket, to the {@link JsonToken#END_ARRAY} that
     * reading it token by token would end on, with the same context.
     *
     * @return the integers as bytes (255 and -1 alike as 0xFF), or {@code null}, leaving the parser untouched, for
     *     any other array (white space, another number, leading zeros, not a number, the input ends first) or
     *     parser: token by token, Jackson then judges it, errors included
     */
    public static byte[] readByteArrayInPlace(JsonParser parser) {
        return parser instanceof EventJsonParser event ? event.readByteArrayInPlace() : null;
    }

    private byte[] readByteArrayInPlace() {
        if (_currToken != JsonToken.START_ARRAY) {
            return null;
        }
        byte[] text = _inputBuffer;
        int limit = _inputEnd;
        int at = _inputPtr;
        int count = 0;
        if (at < limit && text[at] == ']') {
            at++;
        } else {
            while (true) {
                boolean negative = at < limit && text[at] == '-';
                if (negative) {
                    at++;
                }
                if (at >= limit || !isDigit(text[at])) {
                    return null;
                }
                int value = text[at++] - '0';
                // JSON has no leading zeros: "01" is Jackson's to reject.
                if (value != 0) {
                    for (int digits = 1; at < limit && isDigit(text[at]); digits++) {
                        if (digits == 3) {
                            return null;
                        }
                        value = value * 10 + text[at++] - '0';
                    }
                }
                if (value > (negative ? 128 : 255) || at >= limit) {
                    return null;
                }
                if (count == arrayBytes.length) {
                    arrayBytes = Arrays.copyOf(arrayBytes, count * 2);
                }
                arrayBytes[count++] = (byte) (negative ? -value : value);
                byte next = text[at++];
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    return null;
                }
            }
        }
        // Where Jackson would stand after reading the closing bracket as a token (see _closeArrayScope).
        _inputPtr = at;
        _tokenInputRow = _currInputRow;
        _tokenInputTotal = _currInputProcessed + at;
        _tokenInputCol = at - _currInputRowStart;
        _parsingContext = _parsingContext.clearAndGetParent();
        _currToken = JsonToken.END_ARRAY;
        return Arrays.copyOf(arrayBytes, count);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
