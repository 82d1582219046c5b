package io.streamingdata.msk.firehose.local;

/** Compression of delivered S3 objects; the subset of Firehose's {@code CompressionFormat} this endpoint supports. */
public enum Compression {
    /** Records as they came, concatenated. */
    UNCOMPRESSED(""),
    /** One gzip stream per object. */
    GZIP(".gz");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** File extension Firehose appends to the object name ({@code .gz} for GZIP, nothing otherwise). */
    public String extension() {
        return extension;
    }
}
