package com.hirerelay.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.PluginApiVersion;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars are inspected within limits: zip bombs, calls that end the JVM, too many entries. */
class PluginJarInspectorTest {

    private static final Path BUILT_PLUGINS = Path.of(System.getProperty("plugins.dir", "target/plugins"));

    @TempDir
    Path dir;

    private final PluginJarInspector inspector = new PluginJarInspector();

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void anIndexEntryThatUnpacksToHundredsOfMegabytesIsRefusedWithoutUnpackingIt() {
        // 256 MiB deflate to about 256 KiB; the old inspector read the entry whole
        Path bomb = PluginHostTest.workingPlugin("bomb", "bomb")
                .withoutExtensionIndex()
                .filledEntry("META-INF/extensions.idx", 256L << 20)
                .writeTo(dir);

        long before = allocatedBytes();
        PluginJarInspection inspection = inspector.inspect(bomb);
        long allocated = allocatedBytes() - before;

        assertThat(inspection.isLoadable()).isFalse();
        assertThat(inspection.problems())
                .singleElement()
                .asString()
                .contains("META-INF/extensions.idx", "unpacks to more than 64 KiB");
        assertThat(allocated)
                .as("bytes the inspection allocated (the entry unpacks to 256 MiB)")
                .isLessThan(8L << 20);
    }

    @Test
    void anEntryCompressedLikeAZipBombIsRefusedWhateverItsName() {
        Path bomb = PluginHostTest.workingPlugin("bomb", "bomb")
                .filledEntry("assets/readme.txt", 16L << 20)
                .writeTo(dir);

        long before = allocatedBytes();
        PluginJarInspection inspection = inspector.inspect(bomb);

        assertThat(inspection.problems())
                .singleElement()
                .asString()
                .contains("assets/readme.txt", "compressed more than 100:1", "zip bomb");
        assertThat(allocatedBytes() - before).as("bytes allocated").isLessThan(8L << 20);
    }

    @Test
    void aManifestBombIsRefusedBeforeAnyDescriptorIsRead() {
        Path bomb = PluginHostTest.workingPlugin("bomb", "bomb")
                .filledEntry("META-INF/MANIFEST.MF", 16L << 20)
                .writeTo(dir);
        PluginJarInspection inspection = inspector.inspect(bomb);
        assertThat(inspection.isLoadable()).isFalse();
        assertThat(inspection.problems())
                .singleElement()
                .asString()
                .contains("META-INF/MANIFEST.MF", "unpacks to more than 64 KiB");
    }

    @Test
    void aJarWithMoreEntriesThanTheLimitIsRefused() {
        Path jar = PluginHostTest.workingPlugin("many", "many").writeTo(dir);
        PluginJarInspector strict = new PluginJarInspector(
                PluginApiVersion.CURRENT, new JarReadLimits(2, 256L << 20, 64L << 20, 64L << 10, 100, 1L << 20));
        assertThat(strict.inspect(jar).problems())
                .singleElement()
                .asString()
                .contains("entries; a plugin may have at most 2");
    }

    @Test
    void aPluginThatCallsSystemExitOrRuntimeHaltIsRefused() {
        Path exits = PluginHostTest.workingPlugin("exits", "exits")
                .source("test.exits.Quitter", """
                        package test.exits;
                        public class Quitter {
                            public static void quit() { System.exit(3); }
                            public static void hardQuit() { Runtime.getRuntime().halt(9); }
                        }
                        """, false)
                .writeTo(dir);

        PluginJarInspection inspection = inspector.inspect(exits);

        assertThat(inspection.problems())
                .singleElement()
                .asString()
                .contains(
                        "java.lang.Runtime.halt", "java.lang.System.exit", "test.exits.Quitter", "stop the whole host");
    }

    @Test
    void aMethodNamedExitOnAnotherClassIsFine() {
        Path jar = PluginHostTest.workingPlugin("fine", "fine")
                .source("test.fine.Door", """
                        package test.fine;
                        public class Door {
                            public static void exit(int code) {}
                            public static void leave() { exit(1); String s = "java/lang/System"; }
                        }
                        """, false)
                .writeTo(dir);
        assertThat(inspector.inspect(jar).problems()).isEmpty();
    }

    @Test
    void theBuiltFactorialPluginPassesWithinTheDefaultLimits() {
        PluginJarInspection inspection = inspector.inspect(BUILT_PLUGINS.resolve("factorial-plugin.jar"));
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.isLoadable()).isTrue();
    }
}
