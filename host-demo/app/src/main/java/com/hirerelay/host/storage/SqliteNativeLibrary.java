package com.hirerelay.host.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where sqlite-jdbc loads its native library from. Left to itself, it writes a fresh copy of the library with a
 * random name into the temporary folder at every start, compares it with the jar's one byte at a time, and first
 * lists the whole temporary folder for stale copies: a third of the time it takes to open the database at start.
 * The host instead keeps one copy in its data folder ({@code native/sqlite-jdbc-<version>/}, owner-only like the
 * rest), compares it with the jar's at every start (a copy that differs is replaced before it can be loaded) and
 * points sqlite-jdbc at it. Whatever fails here only means sqlite-jdbc unpacks its library as before.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String LIBRARY_PATH = "org.sqlite.lib.path";
    private static final String LIBRARY_NAME = "org.sqlite.lib.name";
    private static final String TEMPORARY_FOLDER = "org.sqlite.tmpdir";

    private SqliteNativeLibrary() {}

    /**
     * Points sqlite-jdbc at a verified copy of its library in {@code dataFolder}, unless the operator chose a
     * library ({@code -Dorg.sqlite.lib.path}). Takes effect if no database was opened yet in this JVM.
     */
    static void useCopyIn(Path dataFolder) {
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        try {
            verifiedCopy(dataFolder).ifPresent(library -> {
                System.setProperty(LIBRARY_NAME, library.getFileName().toString());
                // sqlite-jdbc lists this folder for stale copies of its own at its first connection.
                System.setProperty(TEMPORARY_FOLDER, library.getParent().toString());
                System.setProperty(LIBRARY_PATH, library.getParent().toString());
            });
        } catch (IOException | UncheckedIOException | SecurityException e) {
            LOG.debug("SQLite's native library unpacked by sqlite-jdbc as usual: {}", e.toString());
        }
    }

    /**
     * Writes the jar's native library for this platform into {@code dataFolder} unless an identical copy is
     * there, and removes the copies of other sqlite-jdbc versions.
     *
     * @return the library file, or empty when sqlite-jdbc has no library for this platform in its jar
     * @throws IOException if the copy cannot be read or written
     */
    static Optional<Path> verifiedCopy(Path dataFolder) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (resource == null) {
            return Optional.empty();
        }
        byte[] expected;
        try (InputStream in = resource.openStream()) {
            expected = in.readAllBytes();
        }
        Path natives = dataFolder.resolve("native");
        Path folder = natives.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        Path library = folder.resolve(name);
        if (Files.isRegularFile(library) && Arrays.equals(Files.readAllBytes(library), expected)) {
            return Optional.of(library);
        }
        OwnerOnlyFiles.createFolder(folder);
        removeOtherVersions(natives, folder);
        // Written under another name and moved into place: a start never loads a half-written library.
        Path partial = Files.createTempFile(folder, name, ".partial");
        try {
            OwnerOnlyFiles.restrict(partial);
            Files.write(partial, expected);
            Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return Optional.of(library);
    }

    private static void removeOtherVersions(Path natives, Path current) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(natives, "sqlite-jdbc-*")) {
            for (Path folder : folders) {
                if (!folder.equals(current)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                        for (Path file : files) {
                            Files.deleteIfExists(file);
                        }
                    }
                    Files.deleteIfExists(folder);
                }
            }
        }
    }
}
