import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Adds files to a function.zip under a directory of their own, replacing any earlier files of that directory, so that
 * running the build twice leaves one copy. Used for what must stay a jar of its own outside the class path: the
 * forwarder's Amazon Corretto Crypto Provider and its native library, which it loads itself where the library fits the
 * machine.
 *
 * <p>Run by the forwarder's build (exec-maven-plugin, package phase, JVM packages only) as
 * {@code java scripts/build/AddToFunctionZip.java target/function.zip DIRECTORY FILE...}.
 */
public final class AddToFunctionZip {

    private AddToFunctionZip() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args[0].startsWith("-")) {
            System.err.println("Usage: java scripts/build/AddToFunctionZip.java PATH/function.zip DIRECTORY FILE...");
            System.err.println("Puts each FILE into the zip as DIRECTORY/<its name>, replacing what DIRECTORY held.");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        Path zip = Path.of(args[0]);
        String directory = args[1].replaceAll("/+$", "") + "/";
        if (!Files.isRegularFile(zip)) {
            fail(zip + " does not exist: build the function first (./mvnw package)");
        }
        for (int i = 2; i < args.length; i++) {
            if (!Files.isRegularFile(Path.of(args[i]))) {
                fail(args[i] + " does not exist: the build should have put it there (see the module's pom.xml)");
            }
        }
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".adding");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().startsWith(directory)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(directory));
            out.closeEntry();
            for (int i = 2; i < args.length; i++) {
                Path file = Path.of(args[i]);
                out.putNextEntry(new ZipEntry(directory + file.getFileName()));
                try (InputStream bytes = Files.newInputStream(file)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %d file(s) added under %s%n", zip, args.length - 2, directory);
    }

    private static void fail(String message) {
        System.err.println("AddToFunctionZip: " + message);
        System.exit(1);
    }
}
