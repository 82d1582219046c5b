package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM function.zip as the build flattens it, against the Quarkus layout it came from (the runner jar and
 * target/lib, which the build leaves as they were): every class and resource of the jars is still on the class path,
 * in the task root or in a multi-release jar kept in lib/; every service provider is still declared; only native
 * libraries of platforms Lambda does not run are left out; and the package stays under Lambda's limits of 50 MB for a
 * direct upload and 250 MB extracted. That the flattened package runs is shown by PipelineEndToEndTest, which invokes
 * it under the runtime interface client.
 */
class FunctionPackageTest {

    /** Lambda's CodeSizeZipped quota: a package uploaded directly, as the Terraform module does. */
    static final long LAMBDA_DIRECT_UPLOAD_BYTES = 50L * 1024 * 1024;

    /** Lambda's CodeSizeUnzipped quota: the package extracted (layers included; these functions use none). */
    static final long LAMBDA_UNZIPPED_BYTES = 250L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"consumer-logger", "firehose-forwarder"})
    void theFlattenedPackageKeepsEveryClassProviderAndResourceTheFunctionCanUse(String module) throws IOException {
        Path target = Scripts.REPO_ROOT.resolve(module).resolve("target");
        Path zipPath = target.resolve("function.zip");
        assertTrue(Files.size(zipPath) < LAMBDA_DIRECT_UPLOAD_BYTES, zipPath + " is " + Files.size(zipPath) + " bytes");

        List<Path> sources = new ArrayList<>();
        sources.add(Scripts.runnerJar(module));
        try (var jars = Files.list(target.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(sources::add);
        }
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            long unzipped = zip.stream().mapToLong(ZipEntry::getSize).sum();
            assertTrue(unzipped < LAMBDA_UNZIPPED_BYTES, zipPath + " extracts to " + unzipped + " bytes");
            Set<String> keptJars = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> sourceNames =
                    sources.stream().map(p -> "lib/" + p.getFileName()).collect(Collectors.toSet());
            assertTrue(sourceNames.containsAll(keptJars), keptJars + " are not all from target/lib");
            Map<String, Set<String>> providers = new HashMap<>();
            for (Path source : sources) {
                boolean kept = keptJars.contains("lib/" + source.getFileName());
                try (JarFile jar = new JarFile(source.toFile())) {
                    assertEquals(
                            kept,
                            jar.isMultiRelease(),
                            source + ": multi-release jars, and only they, stay jars in lib/");
                    if (kept) {
                        continue;
                    }
                    for (ZipEntry entry : jar.stream().toList()) {
                        String name = entry.getName();
                        if (entry.isDirectory() || describesTheJar(name)) {
                            continue;
                        }
                        if (name.startsWith("META-INF/services/")) {
                            providers
                                    .computeIfAbsent(name, n -> new LinkedHashSet<>())
                                    .addAll(lines(jar, entry));
                        } else if (isNativeLibrary(name) && !isForLambda(name)) {
                            assertTrue(zip.getEntry(name) == null, name + " (" + source + ") is for another platform");
                        } else {
                            assertTrue(zip.getEntry(name) != null, name + " of " + source + " is missing");
                        }
                    }
                }
            }
            for (Map.Entry<String, Set<String>> service : providers.entrySet()) {
                ZipEntry merged = zip.getEntry(service.getKey());
                assertTrue(merged != null, service.getKey() + " is missing");
                try (InputStream in = zip.getInputStream(merged)) {
                    Set<String> declared = Arrays.stream(
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                            .map(String::strip)
                            .collect(Collectors.toSet());
                    for (String provider : service.getValue()) {
                        assertTrue(declared.contains(provider), service.getKey() + " lost " + provider);
                    }
                }
            }
        }
    }

    /**
     * Consumer mode is an application of its own (consumer-mode/), so the Lambda package carries no Kafka client, no
     * Reactive Messaging and no Vert.x: in Lambda the event source mapping is the consumer, and their start made the
     * functions' cold start some 300 ms slower (README, "Benchmarks").
     */
    @ParameterizedTest
    @ValueSource(strings = {"consumer-logger", "firehose-forwarder"})
    void thePackageHoldsNoKafkaConsumer(String module) throws IOException {
        assertPackageLeavesOut(
                module,
                List.of(
                        "org/apache/kafka/",
                        "io/smallrye/reactive/messaging/",
                        "io/vertx/",
                        "io/streamingdata/msk/records/consumer/",
                        "lib/kafka-clients",
                        "lib/smallrye-reactive-messaging",
                        "lib/vertx"),
                "io/streamingdata/msk/records/KafkaEventDecoder.class");
    }

    /**
     * Both SDK clients of the forwarder use the JDK's HTTP client (url-connection-client); the other clients the SDK's
     * modules bring (Apache HttpClient 5 with s3, Netty, Apache 4) are left out of the package.
     */
    @Test
    void theForwarderCarriesOnlyTheJdkHttpClient() throws IOException {
        assertPackageLeavesOut(
                "firehose-forwarder",
                List.of(
                        "org/apache/hc/",
                        "org/apache/http/",
                        "io/netty/",
                        "software/amazon/awssdk/http/apache",
                        "software/amazon/awssdk/http/nio/"),
                "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
    }

    /** The module's function.zip holds no entry whose name starts with one of {@code prefixes}, but {@code kept}. */
    private static void assertPackageLeavesOut(String module, List<String> prefixes, String kept) throws IOException {
        Path zipPath = Scripts.REPO_ROOT.resolve(module).resolve("target").resolve("function.zip");
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            List<String> found = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> prefixes.stream().anyMatch(name::startsWith))
                    .limit(5)
                    .toList();
            assertEquals(List.of(), found, zipPath + " holds what it should leave out");
            assertTrue(zip.getEntry(kept) != null, zipPath + " lacks " + kept);
        }
    }

    /**
     * The forwarder's crypto provider stays a jar of its own in accp/, off the class path, the one the build copied
     * for its architecture (arm64 unless -Dlambda.architecture=x86_64), with none of its classes in the task root, and
     * beside it the native library that jar holds, byte for byte, which the forwarder hands the provider.
     */
    @Test
    void theForwarderCarriesOneCryptoProviderJarOffTheClassPathWithItsLibrary() throws IOException {
        Path target = Scripts.REPO_ROOT.resolve("firehose-forwarder").resolve("target");
        try (ZipFile zip = new ZipFile(target.resolve("function.zip").toFile())) {
            List<String> provided = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("accp/") && !name.equals("accp/"))
                    .sorted()
                    .toList();
            assertEquals(2, provided.size(), provided.toString());
            String name = provided.get(0);
            assertTrue(name.matches("accp/AmazonCorrettoCryptoProvider-[0-9.]+-linux-(aarch_64|x86_64)\\.jar"), name);
            assertEquals("accp/libamazonCorrettoCryptoProvider.so", provided.get(1));
            Path copied = target.resolve("crypto-provider").resolve(name.substring("accp/".length()));
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                assertArrayEquals(Files.readAllBytes(copied), in.readAllBytes(), name + " is the jar the build copied");
            }
            try (ZipFile jar = new ZipFile(copied.toFile());
                    InputStream inJar = jar.getInputStream(
                            jar.getEntry("com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so"));
                    InputStream beside = zip.getInputStream(zip.getEntry(provided.get(1)))) {
                assertArrayEquals(inJar.readAllBytes(), beside.readAllBytes(), "the library is the jar's own");
            }
            assertTrue(
                    zip.stream().noneMatch(e -> e.getName().startsWith("com/amazon/corretto/")),
                    "no provider class in the task root");
        }
    }

    private static List<String> lines(JarFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static boolean describesTheJar(String name) {
        return name.equals("module-info.class")
                || name.startsWith("META-INF/versions/")
                || name.equalsIgnoreCase("META-INF/MANIFEST.MF")
                || name.equalsIgnoreCase("META-INF/INDEX.LIST")
                || name.matches("(?i)META-INF/[^/]*\\.(SF|RSA|DSA|EC)");
    }

    private static boolean isNativeLibrary(String name) {
        return name.matches("(?i).*\\.(so|dll|dylib|jnilib|a)");
    }

    private static boolean isForLambda(String name) {
        return name.matches("(?i)(.*/)?linux/(amd64|x86_64|aarch64)/[^/]+");
    }
}
