package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The copy of SQLite's native library the host keeps in its data folder, instead of unpacking it at every start. */
class SqliteNativeLibraryTest {

    @TempDir
    Path data;

    private static byte[] jarsLibrary() throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(in).as("sqlite-jdbc's library for this platform").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aFirstStartWritesAnOwnerOnlyCopyOfTheJarsLibrary() throws IOException {
        Path library = SqliteNativeLibrary.verifiedCopy(data).orElseThrow();

        assertThat(library.getParent().getFileName().toString())
                .as("a folder per sqlite-jdbc version")
                .isEqualTo("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        assertThat(Files.readAllBytes(library)).as("the copy").isEqualTo(jarsLibrary());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library)))
                .as("the copy's permissions")
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent())))
                .as("its folder's permissions")
                .isEqualTo("rwx------");
        try (var files = Files.list(library.getParent())) {
            assertThat(files.toList()).as("nothing half-written left beside it").containsExactly(library);
        }
    }

    @Test
    void aLaterStartKeepsAnIdenticalCopyAsItIs() throws IOException {
        Path library = SqliteNativeLibrary.verifiedCopy(data).orElseThrow();
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);

        assertThat(SqliteNativeLibrary.verifiedCopy(data)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).as("not written again").isEqualTo(written);
    }

    @Test
    void aCopyThatDiffersFromTheJarsIsReplacedBeforeItIsUsed() throws IOException {
        Path library = SqliteNativeLibrary.verifiedCopy(data).orElseThrow();
        Files.write(library, new byte[] {0x7f, 'E', 'L', 'F', 0});

        assertThat(SqliteNativeLibrary.verifiedCopy(data)).contains(library);
        assertThat(Files.readAllBytes(library)).as("the copy after the start").isEqualTo(jarsLibrary());
    }

    @Test
    void copiesOfOtherSqliteJdbcVersionsAreRemoved() throws IOException {
        Path old = Files.createDirectories(data.resolve("native").resolve("sqlite-jdbc-3.0.0.0"));
        Files.write(old.resolve(LibraryLoaderUtil.getNativeLibName()), new byte[] {1, 2, 3});

        SqliteNativeLibrary.verifiedCopy(data).orElseThrow();

        assertThat(old).as("the older version's folder").doesNotExist();
    }
}
