package io.streamingdata.msk.forwarder.crypto;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Puts Amazon Corretto Crypto Provider (ACCP) first among the security providers, where the package carries it and
 * its native library loads on this machine. The forwarder signs every PutRecordBatch call with SigV4, which hashes the
 * whole body with SHA-256: for a 6 MB batch that is a third of the function's CPU under the {@code java21} runtime's
 * C1-only JIT, which compiles no SHA intrinsics, and ACCP's native SHA-256 takes most of it away (README, "Measured
 * choices"). AWS recommends ACCP for the SDK.
 * <p>
 * The provider's jar lies in the package's {@code accp/} directory, off the class path, because it holds a native
 * library for one architecture; this loads it with a class loader of its own. The build puts that library beside the
 * jar, and the class loader hands it to the provider ({@link ProviderLoader}): left to itself, the provider copies
 * the 9.6 MB library out of its signed jar into a temporary file at every cold start, and the JDK hashes every byte
 * of it to check the jar's signature, under C1: the provider loaded in 247-280 ms that way, in 139-164 ms with the
 * library beside the jar (README, "Measured choices"). A package without the library beside the jar loads the jar's
 * own copy. Wherever that does not work, the JDK's providers stay as they are, which is always correct, only slower:
 * <ul>
 *   <li>no {@code accp/} jar (local runs, tests, a native image): nothing to do;
 *   <li>{@code CRYPTO_PROVIDER=jdk}: switched off;
 *   <li>a SnapStart restore ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}): ACCP's random number generator keeps
 *       native state that a snapshot would hand to every restored environment, so SnapStart functions keep the JDK's;
 *   <li>a jar for another architecture, or a library that does not load: a warning says what to rebuild.
 * </ul>
 */
public final class CorrettoCrypto {

    public static final String PROVIDER_NAME = "AmazonCorrettoCryptoProvider";
    static final String DIRECTORY = "accp";
    static final String SETTING = "CRYPTO_PROVIDER";
    static final String NO_JAR = "the package carries no " + DIRECTORY + "/*.jar";
    /** The name the provider loads its native library by, with {@link System#loadLibrary}. */
    static final String LIBRARY = "amazonCorrettoCryptoProvider";

    private static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    /** Makes the provider skip the copy in its jar and ask its class loader for the library. */
    private static final String EXTERNAL_LIBRARY = "com.amazon.corretto.crypto.provider.useExternalLib";

    private static final Logger LOG = Logger.getLogger(CorrettoCrypto.class);

    private CorrettoCrypto() {}

    /** What {@link #install} did, and why. */
    public record Outcome(boolean installed, String reason) {}

    /**
     * Installs the provider for this process where it can, and logs the outcome: once installed, later calls find it
     * there; a setting or package that kept the JDK's providers keeps them on every call.
     */
    public static synchronized Outcome install() {
        String taskRoot = System.getenv("LAMBDA_TASK_ROOT");
        Outcome outcome =
                install(taskRoot == null ? null : Path.of(taskRoot), System.getProperty("os.arch"), System.getenv());
        if (outcome.installed()) {
            LOG.infof("Security provider: %s", outcome.reason());
        } else if (outcome.reason().startsWith("could not")) {
            LOG.warnf("Security provider: the JDK's, because %s", outcome.reason());
        } else if (outcome.reason().equals(NO_JAR)) {
            // local runs, tests and native images: nothing was asked for
            LOG.debugf("Security provider: the JDK's, because %s", outcome.reason());
        } else {
            LOG.infof("Security provider: the JDK's, because %s", outcome.reason());
        }
        return outcome;
    }

    static Outcome install(Path taskRoot, String osArch, Map<String, String> env) {
        if (Security.getProvider(PROVIDER_NAME) != null) {
            return new Outcome(true, PROVIDER_NAME + " is already installed");
        }
        String setting = env.getOrDefault(SETTING, "accp").strip().toLowerCase(Locale.ROOT);
        if (setting.equals("jdk")) {
            return new Outcome(false, SETTING + "=jdk");
        }
        if (!setting.equals("accp")) {
            return new Outcome(
                    false, "could not use " + SETTING + "=" + env.get(SETTING) + ": it is accp (the default) or jdk");
        }
        if ("snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return new Outcome(false, "SnapStart functions keep the JDK's random number generators");
        }
        List<Path> jars = jars(taskRoot);
        if (jars.isEmpty()) {
            return new Outcome(false, NO_JAR);
        }
        Path jar = jars.get(0);
        Path library = jar.resolveSibling(System.mapLibraryName(LIBRARY));
        boolean beside = Files.isRegularFile(library);
        // The provider reads the setting once, while its classes initialise.
        String previous = beside ? System.setProperty(EXTERNAL_LIBRARY, "true") : null;
        try {
            // Never closed: the provider's classes stay in use for the life of the process.
            ProviderLoader loader = new ProviderLoader(jar, beside ? library : null);
            Class<?> type = Class.forName(PROVIDER_CLASS, true, loader);
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            if (loadingError != null) {
                return new Outcome(
                        false,
                        "could not load the native library of " + taskRoot.relativize(jar) + " on linux-" + osArch
                                + " (" + loadingError + "): build the forwarder for this architecture "
                                + "(./mvnw package -Dlambda.architecture=" + lambdaArchitecture(osArch) + ")");
            }
            Security.insertProviderAt(provider, 1);
            return new Outcome(
                    true,
                    provider.getName() + " " + provider.getVersionStr() + " from " + taskRoot.relativize(jar)
                            + (beside ? " with " + taskRoot.relativize(library) : ""));
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            return new Outcome(false, "could not load " + jar + ": " + e);
        } finally {
            if (beside) {
                restore(previous);
            }
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(EXTERNAL_LIBRARY);
        } else {
            System.setProperty(EXTERNAL_LIBRARY, previous);
        }
    }

    /**
     * Loads the provider's classes from its jar, and gives the JVM the library beside the jar when the provider asks
     * for {@value #LIBRARY}: a native library belongs to the class loader whose class loads it, so the provider's own
     * loader must be the one that finds it.
     */
    static final class ProviderLoader extends URLClassLoader {
        private final Path library;

        /** @param library the library beside the jar, or {@code null} for the provider's own copy in the jar */
        ProviderLoader(Path jar, Path library) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, CorrettoCrypto.class.getClassLoader());
            this.library = library;
        }

        @Override
        protected String findLibrary(String name) {
            return library != null && name.equals(LIBRARY)
                    ? library.toAbsolutePath().toString()
                    : super.findLibrary(name);
        }
    }

    private static List<Path> jars(Path taskRoot) {
        List<Path> jars = new ArrayList<>();
        if (taskRoot == null || !Files.isDirectory(taskRoot.resolve(DIRECTORY))) {
            return jars;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(taskRoot.resolve(DIRECTORY), "*.jar")) {
            found.forEach(jars::add);
        } catch (IOException e) {
            return jars;
        }
        jars.sort(null);
        return jars;
    }

    /** The name Lambda and the build use for the JVM's {@code os.arch}. */
    static String lambdaArchitecture(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
    }
}
