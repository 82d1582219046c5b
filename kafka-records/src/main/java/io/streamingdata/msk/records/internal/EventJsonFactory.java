package io.streamingdata.msk.records.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;

/**
 * The factory of the event decoder's parsers: over a byte array of UTF-8 JSON (what Lambda sends), it creates an
 * {@link EventJsonParser}, which can decode a base64 string in place. Anything else (a byte-order mark, UTF-16 or
 * UTF-32, streams) gets Jackson's own parser, for which the decoder falls back to reading the string's text.
 */
public final class EventJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    public EventJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        if (_inputDecorator != null || !isPlainUtf8(data, offset, length)) {
            return super._createParser(data, offset, length, context);
        }
        context.setEncoding(JsonEncoding.UTF8); // what Jackson's bootstrapper would have found
        return new EventJsonParser(
                context,
                _parserFeatures,
                _objectCodec,
                _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures),
                data,
                offset,
                offset + length);
    }

    /**
     * JSON starts with an ASCII character, so in UTF-16 or UTF-32 one of its first two bytes is zero; a UTF-8
     * byte-order mark starts with 0xEF. Jackson's bootstrapper handles those.
     */
    private static boolean isPlainUtf8(byte[] data, int offset, int length) {
        return length >= 2 && data[offset] != 0 && data[offset + 1] != 0 && (data[offset] & 0xFF) != 0xEF;
    }
}
