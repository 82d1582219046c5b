package io.streamingdata.msk.firehose.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where objects go that S3 had still not taken when a stop ran out of time: {@code <directory>/<bucket>/<key>}, the
 * layout s3proxy's filesystem store uses, so the files can be copied into a bucket as they are.
 */
final class UnsentDirectory {
    private final Path directory;

    UnsentDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    /**
     * Writes the object's bytes to its file.
     *
     * @return the file written
     */
    Path write(String bucket, String key, ObjectBody body) throws IOException {
        Path file = directory.resolve(bucket).resolve(key).normalize();
        if (!file.startsWith(directory.resolve(bucket))) {
            throw new IOException("key " + key + " leads out of " + directory);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            body.writeTo(out);
        }
        return file;
    }
}
