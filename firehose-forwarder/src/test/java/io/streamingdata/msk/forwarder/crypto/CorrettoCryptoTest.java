package io.streamingdata.msk.forwarder.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Security;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the real provider jars the build copies (target/crypto-provider): installed where its native library fits
 * this machine, the JDK's providers kept everywhere else, with a reason.
 */
class CorrettoCryptoTest {

    private static final Path JARS = Path.of("target", "crypto-provider");
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String LIBRARY = System.mapLibraryName(CorrettoCrypto.LIBRARY);

    @TempDir
    Path taskRoot;

    @AfterEach
    void removeProvider() {
        Security.removeProvider(CorrettoCrypto.PROVIDER_NAME);
    }

    @Test
    void theJarForThisMachineComesFirstAndHashesAsTheJdkDoes() throws Exception {
        String arch = System.getProperty("os.arch");
        Path jar = packaged(arch.equals("amd64") ? "linux-x86_64" : "linux-aarch_64");
        byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);
        String jdk =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));

        Set<String> before = providerLibraries();
        CorrettoCrypto.Outcome outcome = CorrettoCrypto.install(taskRoot, arch, Map.of());

        assertTrue(outcome.installed(), outcome.reason());
        assertTrue(outcome.reason().contains("accp/" + jar.getFileName() + " with accp/" + LIBRARY), outcome.reason());
        assertEquals(
                Set.of(jar.resolveSibling(LIBRARY).toString()),
                added(before, providerLibraries()),
                "the library beside the jar, and no other copy");
        assertNull(System.getProperty("com.amazon.corretto.crypto.provider.useExternalLib"), "the setting is undone");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        assertEquals(CorrettoCrypto.PROVIDER_NAME, digest.getProvider().getName());
        assertEquals(ABC_SHA256, jdk);
        assertEquals(ABC_SHA256, HexFormat.of().formatHex(digest.digest(input)));
        // and a second call leaves the one installation alone
        assertTrue(CorrettoCrypto.install(taskRoot, arch, Map.of()).installed());
        assertEquals(1, countInstalled());
    }

    @Test
    void aPackageWithoutTheLibraryBesideTheJarLoadsTheJarsCopy() throws Exception {
        String arch = System.getProperty("os.arch");
        Path jar = jarOnly(arch.equals("amd64") ? "linux-x86_64" : "linux-aarch_64");

        Set<String> before = providerLibraries();
        CorrettoCrypto.Outcome outcome = CorrettoCrypto.install(taskRoot, arch, Map.of());

        assertTrue(outcome.installed(), outcome.reason());
        assertTrue(outcome.reason().endsWith("from accp/" + jar.getFileName()), outcome.reason());
        Set<String> loaded = added(before, providerLibraries());
        assertEquals(1, loaded.size(), "one copy of the library, the one the provider took out of its jar: " + loaded);
        assertFalse(loaded.iterator().next().startsWith(taskRoot.toString()), loaded.toString());
        assertEquals(
                ABC_SHA256,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ABC)));
    }

    @Test
    void aJarForAnotherArchitectureKeepsTheJdkAndSaysWhatToRebuild() throws Exception {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("aarch64"), "runs on x86_64 or arm64 only: " + arch);
        packaged(arch.equals("amd64") ? "linux-aarch_64" : "linux-x86_64");

        CorrettoCrypto.Outcome outcome = CorrettoCrypto.install(taskRoot, arch, Map.of());

        assertFalse(outcome.installed());
        assertTrue(outcome.reason().startsWith("could not load the native library"), outcome.reason());
        String expected = arch.equals("amd64") ? "-Dlambda.architecture=x86_64" : "-Dlambda.architecture=arm64";
        assertTrue(outcome.reason().contains(expected), outcome.reason());
        assertNull(Security.getProvider(CorrettoCrypto.PROVIDER_NAME));
        assertNotEquals(
                CorrettoCrypto.PROVIDER_NAME,
                MessageDigest.getInstance("SHA-256").getProvider().getName());
    }

    @Test
    void withoutAJarNothingChanges() {
        CorrettoCrypto.Outcome outcome = CorrettoCrypto.install(taskRoot, "amd64", Map.of());
        assertFalse(outcome.installed());
        assertEquals("the package carries no accp/*.jar", outcome.reason());
        assertFalse(CorrettoCrypto.install(null, "amd64", Map.of()).installed(), "outside Lambda");
        assertNull(Security.getProvider(CorrettoCrypto.PROVIDER_NAME));
    }

    @Test
    void theSettingAndSnapStartKeepTheJdk() throws Exception {
        String arch = System.getProperty("os.arch");
        packaged(arch.equals("amd64") ? "linux-x86_64" : "linux-aarch_64");

        assertEquals(
                new CorrettoCrypto.Outcome(false, "CRYPTO_PROVIDER=jdk"),
                CorrettoCrypto.install(taskRoot, arch, Map.of("CRYPTO_PROVIDER", "JDK ")));
        CorrettoCrypto.Outcome typo = CorrettoCrypto.install(taskRoot, arch, Map.of("CRYPTO_PROVIDER", "openssl"));
        assertEquals("could not use CRYPTO_PROVIDER=openssl: it is accp (the default) or jdk", typo.reason());
        CorrettoCrypto.Outcome snapStart =
                CorrettoCrypto.install(taskRoot, arch, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"));
        assertFalse(snapStart.installed());
        assertTrue(snapStart.reason().contains("SnapStart"), snapStart.reason());
        assertNull(Security.getProvider(CorrettoCrypto.PROVIDER_NAME));
    }

    @Test
    void lambdaNamesTheArchitectures() {
        assertEquals("x86_64", CorrettoCrypto.lambdaArchitecture("amd64"));
        assertEquals("arm64", CorrettoCrypto.lambdaArchitecture("aarch64"));
    }

    /** Lays out the task root as function.zip does: the one jar in accp/, its native library beside it. */
    private Path packaged(String classifier) throws Exception {
        Path jar = jarOnly(classifier);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry library = zip.getEntry("com/amazon/corretto/crypto/provider/" + LIBRARY);
            try (InputStream in = zip.getInputStream(library)) {
                Files.copy(in, jar.resolveSibling(LIBRARY));
            }
        }
        return jar;
    }

    /** A package with the jar alone, in which the provider loads the copy of its library that the jar holds. */
    private Path jarOnly(String classifier) throws Exception {
        Path source;
        try (var jars = Files.list(JARS)) {
            source = jars.filter(p -> p.getFileName().toString().endsWith("-" + classifier + ".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + classifier + " jar in " + JARS
                            + ": the build copies them (./mvnw -pl firehose-forwarder generate-resources)"));
        }
        Path dir = Files.createDirectories(taskRoot.resolve("accp"));
        return Files.copy(source, dir.resolve(source.getFileName()));
    }

    /**
     * Every copy of the provider's native library this process has mapped, from /proc/self/maps: the file's path, also
     * where it has been deleted since (the provider deletes the copy it takes out of its jar once it is loaded).
     */
    private static Set<String> providerLibraries() throws Exception {
        Set<String> libraries = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int path = line.indexOf('/');
            if (path < 0) {
                continue;
            }
            String file = line.substring(path).replaceFirst(" \\(deleted\\)$", "");
            if (Path.of(file).getFileName().toString().contains(CorrettoCrypto.LIBRARY)) {
                libraries.add(file);
            }
        }
        return libraries;
    }

    private static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        return added;
    }

    private static long countInstalled() {
        return java.util.Arrays.stream(Security.getProviders())
                .filter(p -> p.getName().equals(CorrettoCrypto.PROVIDER_NAME))
                .count();
    }
}
