package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON factory whose generators throw an {@link IllegalStateException} ("injected") once, the first time one is
 * asked to write the number {@code poison}: a record's offset, say, so that the failure falls inside its object
 * after its first fields. For the tests of writers that must survive a line or an envelope failing half-way.
 */
public final class FailingOnceJsonFactory extends JsonFactory {

    private final long poison;
    private boolean failed;

    public FailingOnceJsonFactory(long poison) {
        this.poison = poison;
    }

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext context) throws IOException {
        return new JsonGeneratorDelegate(super._createUTF8Generator(out, context)) {
            @Override
            public void writeNumber(long value) throws IOException {
                if (value == poison && !failed) {
                    failed = true;
                    throw new IllegalStateException("injected");
                }
                super.writeNumber(value);
            }
        };
    }
}
