package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimesTest {

    @Test
    void theJvmSeesTheMemorySettingAsItsMachineAndTheFunctionsOptionsComeLast() {
        List<String> command =
                Runtimes.javaCommand("/var/task:/var/task/lib/*", "H::handleRequest", 512, "-Xmn64m -Da=b");
        int flags = command.indexOf("-XX:TieredStopAtLevel=1");
        assertEquals("-XX:MaxRAM=512m", command.get(flags + 3));
        assertEquals("-Xmx435m", command.get(flags + 4));
        assertEquals(List.of("-Xmn64m", "-Da=b"), command.subList(flags + 5, flags + 7));
        assertEquals("H::handleRequest", command.get(command.size() - 1));
    }

    /**
     * The runtime client comes with what it loads itself: its serialization jar and, since 2.10, the SDK's utils-lite,
     * without which it fails after the first response of a function that does not carry the SDK (the logger).
     */
    @Test
    void theRuntimeClientComesWithItsOwnDependencies() {
        List<String> jars = List.of(Runtimes.runtimeClientClasspath().split(":"));

        assertEquals(3, jars.size(), jars.toString());
        assertTrue(
                jars.stream().anyMatch(jar -> jar.contains("/aws-lambda-java-runtime-interface-client-")),
                jars::toString);
        assertTrue(jars.stream().anyMatch(jar -> jar.contains("/aws-lambda-java-serialization-")), jars::toString);
        assertTrue(jars.stream().anyMatch(jar -> jar.contains("/utils-lite-")), jars::toString);
    }
}
