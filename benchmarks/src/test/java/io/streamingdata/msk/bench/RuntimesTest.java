package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
