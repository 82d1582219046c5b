package io.streamingdata.msk.records.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's UTF-8 parser over a byte array, plus one operation: decode the current string token as canonical base64
 * straight from the input, in the same pass that finds its end. Jackson leaves a string token unread until it is
 * asked for its text or moves on; moving on scans the string for its closing quote, and asking for the text copies
 * every character into its text buffer. For the base64 keys and values that make up nearly all of a Kafka event,
 * decoding while scanning does both jobs at once.
 */
public final class EventJsonParser extends UTF8StreamJsonParser {

    private final Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();

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
}
