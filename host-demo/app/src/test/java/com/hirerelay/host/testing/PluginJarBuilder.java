package com.hirerelay.host.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds throw-away plugin jars for tests: compiles the given Java sources against the test class path
 * (so they can implement the plugin API), writes a manifest with the pf4j descriptor and an extension
 * index. Descriptor keys can be left out or set to nonsense to build broken jars.
 */
public final class PluginJarBuilder {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final List<Class<?>> bundledHostClasses = new ArrayList<>();
    private final Map<String, Long> filledEntries = new LinkedHashMap<>();
    private boolean writeIndex = true;

    private PluginJarBuilder(String pluginId) {
        manifest.put("Plugin-Id", pluginId);
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Requires", System.getProperty("plugin-api.requires", ">=1.0.0 & <2.0.0"));
    }

    /** A plugin with that id, version 1.0.0, requiring the current API range. */
    public static PluginJarBuilder plugin(String pluginId) {
        return new PluginJarBuilder(pluginId);
    }

    /** Sets (or, with null, removes) a manifest key. */
    public PluginJarBuilder manifest(String key, String value) {
        if (value == null) {
            manifest.remove(key);
        } else {
            manifest.put(key, value);
        }
        return this;
    }

    /** Adds a class compiled from source; listed in the extension index when {@code extension} is true. */
    public PluginJarBuilder source(String className, String javaSource, boolean extension) {
        sources.put(className, javaSource);
        if (extension) {
            extensions.add(className);
        }
        return this;
    }

    /** Leaves META-INF/extensions.idx out. */
    public PluginJarBuilder withoutExtensionIndex() {
        writeIndex = false;
        return this;
    }

    /**
     * Adds an entry of {@code size} newline bytes, written as a stream: with a large size, a zip bomb (one
     * GiB deflates to about one MiB). For {@code META-INF/MANIFEST.MF} the bytes follow the manifest's own.
     */
    public PluginJarBuilder filledEntry(String name, long size) {
        filledEntries.put(name, size);
        return this;
    }

    /** Copies host classes into the jar, as a wrongly packaged plugin would. */
    public PluginJarBuilder bundling(Class<?> hostClass) {
        bundledHostClasses.add(hostClass);
        return this;
    }

    /** Compiles and writes the jar into {@code dir}, named after the plugin id. */
    public Path writeTo(Path dir) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            compile(classes);
            Files.createDirectories(dir);
            Path jar = dir.resolve(manifest.getOrDefault("Plugin-Id", "plugin") + ".jar");
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((key, value) -> mf.getMainAttributes().putValue(key, value));
            boolean paddedManifest = filledEntries.containsKey(JarFile.MANIFEST_NAME);
            try (JarOutputStream out = paddedManifest
                    ? new JarOutputStream(Files.newOutputStream(jar))
                    : new JarOutputStream(Files.newOutputStream(jar), mf)) {
                if (paddedManifest) {
                    // the manifest's attributes followed by the filler: a manifest that unpacks to the filled size
                    out.putNextEntry(new JarEntry(JarFile.MANIFEST_NAME));
                    mf.write(out);
                    writeFiller(out, filledEntries.get(JarFile.MANIFEST_NAME));
                    out.closeEntry();
                }
                if (writeIndex) {
                    out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                    out.write(String.join("\n", extensions).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
                for (Map.Entry<String, Long> filled : filledEntries.entrySet()) {
                    if (!filled.getKey().equals(JarFile.MANIFEST_NAME)) {
                        out.putNextEntry(new JarEntry(filled.getKey()));
                        writeFiller(out, filled.getValue());
                        out.closeEntry();
                    }
                }
                for (Class<?> hostClass : bundledHostClasses) {
                    String name = hostClass.getName().replace('.', '/') + ".class";
                    try (var in = hostClass.getClassLoader().getResourceAsStream(name)) {
                        add(out, name, in.readAllBytes());
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path sourceDir = Files.createTempDirectory("plugin-sources");
        List<String> arguments = new ArrayList<>(
                List.of("-d", classes.toString(), "-proc:none", "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        OutputStream errors = new java.io.ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("Test plugin sources did not compile:\n" + errors);
        }
    }

    private static void writeFiller(OutputStream out, long size) throws IOException {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) '\n');
        for (long left = size; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
