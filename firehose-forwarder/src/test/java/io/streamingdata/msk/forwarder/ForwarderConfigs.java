package io.streamingdata.msk.forwarder;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;

/** The forwarder's settings as SmallRye builds them from an environment, for tests and the benchmark. */
public final class ForwarderConfigs {

    private ForwarderConfigs() {}

    /** The mapping as the function gets it from an environment holding exactly {@code environment}. */
    public static ForwarderConfig fromEnvironment(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ForwarderConfig.class)
                .withSources(new EnvConfigSource(new HashMap<>(environment), 300))
                .build();
        return config.getConfigMapping(ForwarderConfig.class);
    }
}
