package com.hirerelay.factorial.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.PluginApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Opens the shaded plugin jar the build produced and checks what a pf4j host relies on: the extension
 * index, the plugin descriptor, and that nothing the host provides is bundled (a second copy of the
 * SPI, pf4j or slf4j breaks type identity inside the plugin class loader).
 */
class PluginJarContentsIT {

    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("plugin.jar");
        assertThat(property)
                .as("failsafe must pass the shaded jar's path as system property plugin.jar")
                .isNotBlank();
        jar = Path.of(property);
        assertThat(jar).as("the shaded plugin jar (run mvn verify)").isRegularFile();
    }

    @Test
    void indexesItsThreeExtensions() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry index = file.getJarEntry("META-INF/extensions.idx");
            assertThat(index)
                    .as("META-INF/extensions.idx, written by pf4j's annotation processor")
                    .isNotNull();
            String text;
            try (InputStream in = file.getInputStream(index)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .as("the extension index lists the connector, the menu and the settings panel")
                    .containsExactlyInAnyOrder(
                            "com.hirerelay.factorial.connector.FactorialConnector",
                            "com.hirerelay.factorial.menu.FactorialExportMenu",
                            "com.hirerelay.factorial.settings.FactorialSettingsPanel");
        }
    }

    @Test
    void describesItselfInTheManifest() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            for (String key : List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires", "Plugin-Class")) {
                assertThat(manifest.getValue(key)).as("manifest key %s", key).isNotBlank();
            }
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("factorial");
            assertThat(manifest.getValue("Plugin-Version"))
                    .as("pf4j compares plain semver")
                    .doesNotContain("SNAPSHOT");
        }
    }

    @Test
    void requiresTheSpiVersionWhoseMethodsItCalls() throws IOException {
        String requires;
        try (JarFile file = new JarFile(jar.toFile())) {
            requires = file.getManifest().getMainAttributes().getValue("Plugin-Requires");
        }
        VersionManager versions = new DefaultVersionManager();
        assertThat(versions.checkVersionConstraint(PluginApiVersion.CURRENT, requires))
                .as("a host of this SPI (%s) must accept Plugin-Requires '%s'", PluginApiVersion.CURRENT, requires)
                .isTrue();
        assertThat(versions.checkVersionConstraint("1.0.0", requires))
                .as("a 1.0 host lacks findMatch and export with a decision, so it must refuse '%s'", requires)
                .isFalse();
    }

    @Test
    void bundlesNothingTheHostProvides() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> provided = Collections.list(file.entries()).stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("com/hirerelay/api/")
                            || name.startsWith("org/pf4j/")
                            || name.startsWith("org/slf4j/"))
                    .toList();
            assertThat(provided)
                    .as("classes the host provides must not be inside the plugin jar")
                    .isEmpty();
        }
    }

    @Test
    void bundlesItsPrivateHttpAndJsonLibraries() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getJarEntry("org/glassfish/jersey/client/JerseyClientBuilder.class"))
                    .as("Jersey client")
                    .isNotNull();
            assertThat(file.getJarEntry("com/fasterxml/jackson/databind/ObjectMapper.class"))
                    .as("Jackson")
                    .isNotNull();
            assertThat(file.getJarEntry("jakarta/ws/rs/client/Client.class"))
                    .as("JAX-RS API")
                    .isNotNull();
        }
        assertThat(Files.size(jar)).as("a sane jar size").isGreaterThan(1_000_000L);
    }
}
