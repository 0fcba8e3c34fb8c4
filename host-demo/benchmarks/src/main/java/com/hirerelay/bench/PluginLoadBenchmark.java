package com.hirerelay.bench;

import com.hirerelay.host.plugins.PluginHost;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Plugin loading alone: {@link PluginHost#start(Path)} on a folder holding the Factorial plugin jar (pf4j
 * reads the jar, creates its class loader, starts the plugin and finds its extensions), then close.
 * Run by {@link Benchmarks} in two modes: single shot in fresh JVMs (cold, as at start-up) and sampled after
 * warm-up.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PluginLoadBenchmark {

    /** A folder with the plugin jar in it. */
    @Param("")
    public String pluginsDir;

    @Benchmark
    public int loadPlugins() {
        try (PluginHost host = PluginHost.start(Path.of(pluginsDir))) {
            int connectors = host.connectors().size();
            if (connectors == 0) {
                throw new IllegalStateException("no connector loaded from " + pluginsDir);
            }
            return connectors;
        }
    }
}
