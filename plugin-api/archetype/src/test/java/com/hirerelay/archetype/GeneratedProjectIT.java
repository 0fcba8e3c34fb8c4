package com.hirerelay.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new plugin author does, end to end: {@code mvn archetype:generate} with this archetype, then
 * {@code mvn verify} on the generated project, with real Maven in separate processes. The generated
 * project must build and pass the test kit as generated.
 *
 * <p>Offline and private: the reactor's own artifacts (the parent POM, plugin-api, the kit and this
 * archetype) are laid into a local repository under {@code target/}, and everything else is read from the
 * build's own local repository through a {@code file:} mirror, so nothing is installed into the shared
 * {@code ~/.m2} and nothing is downloaded.
 */
class GeneratedProjectIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path REPOSITORY = TARGET.resolve("it-repository");
    private static final Path SETTINGS = TARGET.resolve("it-settings.xml");
    private static final Path WORK = TARGET.resolve("it-generated");
    private static final String VERSION = System.getProperty("hirerelay.version");

    @BeforeAll
    static void layOutAPrivateRepository() throws IOException {
        deleteRecursively(REPOSITORY);
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        put("hirerelay-parent", "pom", property("parent.pom"), null);
        put("plugin-api", "jar", property("api.pom"), property("api.jar"));
        put("plugin-api-testkit", "jar", property("testkit.pom"), property("testkit.jar"));
        put("hirerelay-plugin-archetype", "jar", property("archetype.pom"), property("archetype.jar"));
        Files.writeString(SETTINGS, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>build-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(
                        REPOSITORY, Path.of(property("shared.repository")).toUri()));
    }

    @Test
    void aGeneratedProjectBuildsAndPassesTheKitAsGenerated() throws Exception {
        run(
                WORK,
                "org.apache.maven.plugins:maven-archetype-plugin:" + property("archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=com.hirerelay",
                "-DarchetypeArtifactId=hirerelay-plugin-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.example.hr",
                "-DartifactId=acme-hr-plugin",
                "-Dversion=1.0.0",
                "-Dpackage=com.example.hr.acme",
                "-DconnectorId=acme-hr",
                "-DhrSystemName=Acme HR",
                "-DclassPrefix=AcmeHr",
                "-DinteractiveMode=false");
        Path project = WORK.resolve("acme-hr-plugin");
        assertThat(project.resolve("src/main/java/com/example/hr/acme/AcmeHrConnector.java"))
                .as("the generated connector")
                .exists();

        String build = run(project, "verify");

        assertThat(build)
                .as("the generated project's own test run")
                .containsPattern("Tests run: (\\d{2,}), Failures: 0, Errors: 0, Skipped: 0");
        Path jar = project.resolve("target/acme-hr-plugin-1.0.0.jar");
        assertThat(jar).as("the plugin jar").exists();
        try (JarFile plugin = new JarFile(jar.toFile())) {
            Manifest manifest = plugin.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Plugin-Id")).isEqualTo("acme-hr");
            assertThat(manifest.getMainAttributes().getValue("Plugin-Requires")).isEqualTo(">=1.3.0 & <2.0.0");
            assertThat(plugin.getEntry("META-INF/extensions.idx"))
                    .as("pf4j's extension index")
                    .isNotNull();
            assertThat(plugin.getEntry("com/hirerelay/api/hris/HrisConnector.class"))
                    .as("the plugin API must not be bundled")
                    .isNull();
            assertThat(plugin.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"))
                    .as("Jackson is bundled")
                    .isNotNull();
        }
    }

    private static String run(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(property("maven.home"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-ntp", "-s", SETTINGS.toString()));
        command.addAll(List.of(arguments));
        Path log = directory.resolve("build-" + System.nanoTime() + ".log");
        Process maven = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = maven.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished && maven.exitValue() == 0)
                .as("mvn %s in %s; its output:%n%s", String.join(" ", arguments), directory, tail(output))
                .isTrue();
        return output;
    }

    /** Lays a pom (and a jar) into the private repository as an install would. */
    private static void put(String artifactId, String packaging, String pom, String jar) throws IOException {
        Path folder = REPOSITORY.resolve("com/hirerelay/" + artifactId + "/" + VERSION);
        Files.createDirectories(folder);
        Files.copy(
                Path.of(pom), folder.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertThat(Path.of(jar))
                    .as("%s, built by the reactor before this test", artifactId)
                    .exists();
            Files.copy(
                    Path.of(jar),
                    folder.resolve(artifactId + "-" + VERSION + "." + packaging),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by the failsafe configuration)", name)
                .isNotBlank();
        return value;
    }

    private static String tail(String output) {
        return output.length() <= 20_000 ? output : output.substring(output.length() - 20_000);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
