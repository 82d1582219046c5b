import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a JVM function.zip so that the classes of its dependency jars lie loose in the task root, next to the
 * application's own, instead of in some 160 jars under lib/.
 *
 * <p>The java21 runtime puts the task root first on the class path and every lib/*.jar after it, so each class a
 * function loads at start is looked up jar after jar; with the classes in one directory the functions are ready about
 * a fifth sooner (scripts/benchmark-cold-start). What the class path sees stays the same: the task root's own files
 * win, then the jars in name order; META-INF/services files, the one kind of resource several jars contribute to and
 * the runtime reads, are concatenated. Multi-release jars stay jars under lib/, because a directory ignores their
 * META-INF/versions classes. Manifests, jar indexes, signatures and module descriptors of the flattened jars are
 * dropped: they describe a jar that no longer exists. So are the native libraries the compression codecs of the Kafka
 * client carry for platforms Lambda does not run (Windows, macOS, AIX, FreeBSD, and Linux other than x86_64 and
 * arm64): some 20 of their 26 MB, which keeps the package well under Lambda's 50 MB limit for a direct upload.
 *
 * <p>Run by the function modules' build (exec-maven-plugin, package phase, JVM packages only) as
 * {@code java scripts/build/FlattenFunctionZip.java target/function.zip}.
 */
public final class FlattenFunctionZip {

    private static final String LIB = "lib/";
    private static final String SERVICES = "META-INF/services/";
    private static final Pattern NATIVE_LIBRARY = Pattern.compile("(?i).*\\.(so|dll|dylib|jnilib|a)$");
    private static final Pattern LAMBDA_PLATFORM = Pattern.compile("(?i)(^|.*/)linux/(amd64|x86_64|aarch64)/[^/]+$");

    private FlattenFunctionZip() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("Usage: java scripts/build/FlattenFunctionZip.java PATH/function.zip");
            System.err.println("Moves the classes of lib/*.jar into the zip's root (multi-release jars stay in lib/).");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        Path zip = Path.of(args[0]);
        if (!Files.isRegularFile(zip)) {
            fail(zip + " does not exist: build the function first (./mvnw package)");
        }
        Map<String, byte[]> root = new LinkedHashMap<>();
        Map<String, byte[]> jars = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (name.equals("bootstrap")) {
                    fail(zip + " is a native package (it has a bootstrap): only JVM packages are flattened");
                }
                byte[] bytes = in.readAllBytes();
                if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
                    jars.put(name, bytes);
                } else {
                    root.put(name, bytes);
                }
            }
        }
        Map<String, ByteArrayOutputStream> services = new TreeMap<>();
        root.keySet().removeIf(name -> {
            if (name.startsWith(SERVICES)) {
                append(services, name, root.get(name));
                return true;
            }
            return false;
        });
        Map<String, byte[]> kept = new TreeMap<>();
        int flattened = 0;
        int pruned = 0;
        for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
            if (isMultiRelease(jar.getValue())) {
                kept.put(jar.getKey(), jar.getValue());
                continue;
            }
            flattened++;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar.getValue()))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    if (entry.isDirectory() || describesTheJar(name)) {
                        continue;
                    }
                    if (NATIVE_LIBRARY.matcher(name).matches()
                            && !LAMBDA_PLATFORM.matcher(name).matches()) {
                        pruned++;
                        continue;
                    }
                    byte[] bytes = in.readAllBytes();
                    if (name.startsWith(SERVICES)) {
                        append(services, name, bytes);
                    } else {
                        root.putIfAbsent(name, bytes);
                    }
                }
            }
        }
        services.forEach((name, text) -> root.put(name, text.toByteArray()));
        root.putAll(kept);

        Path rewritten = zip.resolveSibling(zip.getFileName() + ".flattening");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            // Lambda takes at most 50 MB zipped by direct upload, and the class files compress less well one by one.
            out.setLevel(Deflater.BEST_COMPRESSION);
            TreeSet<String> directories = new TreeSet<>();
            for (String name : root.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                out.putNextEntry(new ZipEntry(directory));
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> file : root.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(
                "%s: %d jars flattened into the task root, %d multi-release jars kept in lib/, %d service files merged, "
                        + "%d native libraries of other platforms left out%n",
                zip, flattened, kept.size(), services.size(), pruned);
    }

    private static boolean describesTheJar(String name) {
        if (name.equals("module-info.class") || name.startsWith("META-INF/versions/")) {
            return true;
        }
        if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = name.substring("META-INF/".length()).toUpperCase(java.util.Locale.ROOT);
        return file.equals("MANIFEST.MF")
                || file.equals("INDEX.LIST")
                || file.endsWith(".SF")
                || file.endsWith(".RSA")
                || file.endsWith(".DSA")
                || file.endsWith(".EC");
    }

    private static boolean isMultiRelease(byte[] jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    Manifest manifest = new Manifest(in);
                    return "true".equalsIgnoreCase(manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
                }
            }
        }
        return false;
    }

    /** One provider per line; a file without a final newline must not glue its last provider to the next one. */
    private static void append(Map<String, ByteArrayOutputStream> services, String name, byte[] bytes) {
        ByteArrayOutputStream text = services.computeIfAbsent(name, n -> new ByteArrayOutputStream());
        text.writeBytes(bytes);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            text.write('\n');
        }
    }

    private static void fail(String message) {
        System.err.println("FlattenFunctionZip: " + message);
        System.exit(1);
    }
}
