package com.hirerelay.host.plugins;

import com.github.zafarkhaja.semver.Version;
import com.hirerelay.api.PluginApiVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.DefaultVersionManager;

/**
 * Checks a plugin jar before pf4j sees it, so that an admin gets a precise reason instead of a plugin
 * that silently contributes nothing or takes the host down: descriptor keys, semantic versions, the API
 * range, a non-empty extension index, no bundled copy of the API, pf4j or slf4j (a second copy breaks
 * type identity between host and plugin), and no call that ends the JVM ({@link JvmExitCallFinder}).
 *
 * <p>Every entry is read once, as a stream, within {@link JarReadLimits}: a jar that unpacks to too much,
 * is compressed suspiciously well (a zip bomb) or has more entries than any plugin needs is refused after
 * at most the limit has been unpacked, and the inspection's memory use does not depend on the jar.
 */
public final class PluginJarInspector {

    private static final List<String> HOST_PROVIDED_PACKAGES = List.of("com/hirerelay/api/", "org/pf4j/", "org/slf4j/");
    private static final String INDEX = "META-INF/extensions.idx";

    private final String apiVersion;
    private final JarReadLimits limits;

    public PluginJarInspector() {
        this(PluginApiVersion.CURRENT, JarReadLimits.DEFAULTS);
    }

    /** @param apiVersion the API version this host provides, against which {@code Plugin-Requires} is checked */
    public PluginJarInspector(String apiVersion) {
        this(apiVersion, JarReadLimits.DEFAULTS);
    }

    /**
     * @param apiVersion the API version this host provides
     * @param limits how much of a jar may be unpacked
     */
    public PluginJarInspector(String apiVersion, JarReadLimits limits) {
        this.apiVersion = apiVersion;
        this.limits = limits;
    }

    /**
     * @param jar the file to inspect
     * @return what was found; never throws for a broken file
     */
    public PluginJarInspection inspect(Path jar) {
        List<String> problems = new ArrayList<>();
        Found found = new Found();
        try (ZipFile file = new ZipFile(jar.toFile())) {
            readEntries(file, found, problems);
        } catch (JarTooLargeException tooLarge) {
            problems.add(tooLarge.getMessage());
        } catch (IOException | SecurityException | IllegalArgumentException e) {
            problems.add("the file is not a readable jar (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            // A jar refused while unpacking is not described further: its descriptor may not have been read.
            return new PluginJarInspection(found.id, found.version, found.requires, 0, problems);
        }
        checkDescriptor(found.id, found.version, found.requires, problems);
        int extensions = countExtensions(found.index, problems);
        if (found.hostClassPrefix != null) {
            problems.add("the jar bundles " + found.hostClassPrefix.replace('/', '.')
                    + "* classes, which the host provides; mark that dependency 'provided'");
        }
        if (!found.exitCalls.isEmpty()) {
            problems.add("the plugin calls " + String.join(", ", found.exitCalls)
                    + ", which would stop the whole host (in " + String.join(", ", found.exitCallers)
                    + "); a plugin reports failures by throwing instead");
        }
        return new PluginJarInspection(found.id, found.version, found.requires, extensions, problems);
    }

    /** What the entries held. */
    private static final class Found {
        String id;
        String version;
        String requires;
        String index;
        String hostClassPrefix;
        final Set<String> exitCalls = new java.util.TreeSet<>();
        final Set<String> exitCallers = new java.util.TreeSet<>();
    }

    private void readEntries(ZipFile file, Found found, List<String> problems) throws IOException {
        if (file.size() > limits.maxEntries()) {
            throw new JarTooLargeException(
                    "the jar has " + file.size() + " entries; a plugin may have at most " + limits.maxEntries());
        }
        long[] total = {0};
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            boolean descriptor = name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || name.equals(INDEX);
            long cap = descriptor ? limits.maxDescriptorBytes() : limits.maxEntryBytes();
            try (InputStream in = new BoundedEntryStream(file.getInputStream(entry), entry, cap, total)) {
                if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    Attributes attributes = new Manifest(in).getMainAttributes();
                    found.id = blankToNull(attributes.getValue("Plugin-Id"));
                    found.version = blankToNull(attributes.getValue("Plugin-Version"));
                    found.requires = blankToNull(attributes.getValue("Plugin-Requires"));
                } else if (name.equals(INDEX)) {
                    found.index = readText(in);
                } else if (name.endsWith(".class")) {
                    checkClass(name, in, found, problems);
                }
                in.skip(Long.MAX_VALUE); // the rest counts against the limits too
            }
        }
    }

    private static void checkClass(String name, InputStream in, Found found, List<String> problems)
            throws JarTooLargeException {
        for (String prefix : HOST_PROVIDED_PACKAGES) {
            if (name.startsWith(prefix) && found.hostClassPrefix == null) {
                found.hostClassPrefix = prefix;
            }
        }
        if (name.endsWith("module-info.class")) {
            return;
        }
        try {
            Set<String> exits = JvmExitCallFinder.find(in);
            if (!exits.isEmpty()) {
                found.exitCalls.addAll(exits);
                if (found.exitCallers.size() < 5) {
                    found.exitCallers.add(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (JarTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException malformed) {
            problems.add("the class file " + name + " is malformed (" + malformed.getMessage() + ")");
        }
    }

    private static String readText(InputStream in) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        in.transferTo(text); // bounded by the descriptor limit
        return text.toString(StandardCharsets.UTF_8);
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

    private static int countExtensions(String index, List<String> problems) {
        if (index == null) {
            problems.add("the jar has no META-INF/extensions.idx (was pf4j's annotation processor run?)");
            return 0;
        }
        long count = index.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .count();
        if (count == 0) {
            problems.add("META-INF/extensions.idx lists no extension");
        }
        return (int) count;
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

    /** The jar unpacks to more than the limits allow; the message says which limit and where. */
    private static final class JarTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        JarTooLargeException(String message) {
            super(message);
        }
    }

    /**
     * One entry's inflated bytes, counted: fails as soon as the entry passes its cap, its compression
     * ratio passes the limit, or all entries together pass the jar's total.
     */
    private final class BoundedEntryStream extends InputStream {
        private final InputStream in;
        private final ZipEntry entry;
        private final long cap;
        private final long[] total;
        private long read;

        BoundedEntryStream(InputStream in, ZipEntry entry, long cap, long[] total) {
            this.in = in;
            this.entry = entry;
            this.cap = cap;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[8192];
            long skipped = 0;
            int got;
            while (skipped < n && (got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped))) > 0) {
                skipped += got;
            }
            return skipped;
        }

        private void count(int n) throws JarTooLargeException {
            read += n;
            total[0] += n;
            String name = entry.getName();
            if (read > cap) {
                throw new JarTooLargeException(
                        "the entry " + name + " unpacks to more than " + describe(cap) + "; refused unread");
            }
            long packed = Math.max(1, entry.getCompressedSize());
            if (read > limits.ratioFloorBytes() && read / packed > limits.maxCompressionRatio()) {
                throw new JarTooLargeException("the entry " + name + " is compressed more than "
                        + limits.maxCompressionRatio() + ":1 (" + describe(packed)
                        + " unpack to over " + describe(read) + "), as a zip bomb is; refused unread");
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw new JarTooLargeException(
                        "the jar unpacks to more than " + describe(limits.maxTotalBytes()) + "; refused unread");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String describe(long bytes) {
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return bytes >= 1L << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
