package com.hirerelay.host.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugin jars the build puts beside the host's tests (see the dependency plugin in the host's pom): the
 * packaged Factorial plugin, which every test host loads, and the example folder-export plugin.
 */
public final class BuiltPlugins {

    /** The folder the build copies the Factorial plugin jar into. */
    public static final Path FOLDER =
            Path.of(System.getProperty("plugins.dir", "target/plugins")).toAbsolutePath();

    /** The packaged (shaded, minimized) Factorial plugin. */
    public static final Path FACTORIAL_JAR = FOLDER.resolve("factorial-plugin.jar");

    /** The example plugin of plugin-api/examples/folder-export. */
    public static final Path EXAMPLE_JAR = Path.of(
                    System.getProperty("example.plugins.dir", "target/example-plugins"), "folder-export-plugin.jar")
            .toAbsolutePath();

    private BuiltPlugins() {}

    /** @return every jar in {@link #FOLDER}: what a test host starts with unless told otherwise */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Path> jars = files.filter(path -> path.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("No plugin jars in " + FOLDER + "; the build copies them there");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the built plugins in " + FOLDER, e);
        }
    }
}
