package com.hirerelay.host.plugins;

import com.github.zafarkhaja.semver.Version;
import com.hirerelay.api.PluginApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.DefaultVersionManager;

/**
 * Checks a plugin jar before pf4j sees it, so that an admin gets a precise reason instead of a plugin
 * that silently contributes nothing: descriptor keys, semantic versions, the API range, a non-empty
 * extension index, and no bundled copy of the API, pf4j or slf4j (a second copy breaks type identity
 * between host and plugin).
 */
public final class PluginJarInspector {

    private static final List<String> HOST_PROVIDED_PACKAGES = List.of("com/hirerelay/api/", "org/pf4j/", "org/slf4j/");

    private final String apiVersion;

    public PluginJarInspector() {
        this(PluginApiVersion.CURRENT);
    }

    /** @param apiVersion the API version this host provides, against which {@code Plugin-Requires} is checked */
    public PluginJarInspector(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /**
     * @param jar the file to inspect
     * @return what was found; never throws for a broken file
     */
    public PluginJarInspection inspect(Path jar) {
        List<String> problems = new ArrayList<>();
        String id = null;
        String version = null;
        String requires = null;
        int extensions = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            id = blankToNull(attributes.getValue("Plugin-Id"));
            version = blankToNull(attributes.getValue("Plugin-Version"));
            requires = blankToNull(attributes.getValue("Plugin-Requires"));
            checkDescriptor(id, version, requires, problems);
            extensions = countExtensions(file, problems);
            checkNoHostClasses(file, problems);
        } catch (IOException | SecurityException e) {
            problems.add("the file is not a readable jar (" + e.getMessage() + ")");
        }
        return new PluginJarInspection(id, version, requires, extensions, problems);
    }

    private void checkDescriptor(String id, String version, String requires, List<String> problems) {
        if (id == null) {
            problems.add("the manifest has no Plugin-Id");
        } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add("Plugin-Id '" + id + "' must be letters, digits, dots, dashes or underscores");
        }
        if (version == null) {
            problems.add("the manifest has no Plugin-Version");
        } else if (!isSemver(version)) {
            problems.add("Plugin-Version '" + version + "' is not a semantic version such as 1.2.0");
        }
        if (requires == null || requires.equals("*")) {
            return;
        }
        try {
            // pf4j's own rule, so that what we accept here pf4j accepts too (a bare x.y.z means >=x.y.z).
            if (!new DefaultVersionManager().checkVersionConstraint(apiVersion, requires)) {
                problems.add("the plugin requires plugin API " + requires + ", but this host provides " + apiVersion);
            }
        } catch (RuntimeException e) {
            problems.add("Plugin-Requires '" + requires + "' is not a valid version range (" + e.getMessage() + ")");
        }
    }

    private static int countExtensions(JarFile file, List<String> problems) throws IOException {
        JarEntry index = file.getJarEntry("META-INF/extensions.idx");
        if (index == null) {
            problems.add("the jar has no META-INF/extensions.idx (was pf4j's annotation processor run?)");
            return 0;
        }
        try (InputStream in = file.getInputStream(index)) {
            long count = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .count();
            if (count == 0) {
                problems.add("META-INF/extensions.idx lists no extension");
            }
            return (int) count;
        }
    }

    private static void checkNoHostClasses(JarFile file, List<String> problems) {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            for (String prefix : HOST_PROVIDED_PACKAGES) {
                if (name.startsWith(prefix) && name.endsWith(".class")) {
                    problems.add("the jar bundles " + prefix.replace('/', '.')
                            + "* classes, which the host provides; mark that dependency 'provided'");
                    return;
                }
            }
        }
    }

    private static boolean isSemver(String version) {
        try {
            Version.parse(version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
