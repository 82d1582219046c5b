package io.streamingdata.msk.forwarder.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Security;
import java.util.HexFormat;
import java.util.Map;
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

        CorrettoCrypto.Outcome outcome = CorrettoCrypto.install(taskRoot, arch, Map.of());

        assertTrue(outcome.installed(), outcome.reason());
        assertTrue(outcome.reason().contains("accp/" + jar.getFileName()), outcome.reason());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        assertEquals(CorrettoCrypto.PROVIDER_NAME, digest.getProvider().getName());
        assertEquals(ABC_SHA256, jdk);
        assertEquals(ABC_SHA256, HexFormat.of().formatHex(digest.digest(input)));
        // and a second call leaves the one installation alone
        assertTrue(CorrettoCrypto.install(taskRoot, arch, Map.of()).installed());
        assertEquals(1, countInstalled());
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

    /** Lays out the task root as function.zip does: the one jar in accp/. */
    private Path packaged(String classifier) throws Exception {
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

    private static long countInstalled() {
        return java.util.Arrays.stream(Security.getProviders())
                .filter(p -> p.getName().equals(CorrettoCrypto.PROVIDER_NAME))
                .count();
    }
}
