package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.vault.CredentialVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database, its WAL and shared-memory files and the master key are readable by their owner only. */
class DataFolderPermissionsTest {

    @TempDir
    Path root;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataFolderAndEveryFileInItAreOwnerOnly() throws IOException {
        Path data = root.resolve("data");
        try (Database database = Database.open(data.resolve("hirerelay.db"))) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO jobs (name) VALUES ('Welder')"));
            CredentialVault.open(data);
            assertThat(permissions(data)).as("the data folder").isEqualTo("rwx------");
            for (String name : new String[] {"hirerelay.db", "hirerelay.db-wal", "hirerelay.db-shm", "master.key"}) {
                assertThat(data.resolve(name)).as(name).exists();
                assertThat(permissions(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void filesAnOlderVersionLeftReadableAreTightenedAtStart() throws IOException {
        Path data = Files.createDirectories(root.resolve("old"));
        try (Database database = Database.open(data.resolve("hirerelay.db"))) {
            CredentialVault.open(data);
        }
        for (String name : new String[] {"hirerelay.db", "master.key"}) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (Database database = Database.open(data.resolve("hirerelay.db"))) {
            CredentialVault.open(data);
            assertThat(permissions(data.resolve("hirerelay.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("master.key"))).isEqualTo("rw-------");
        }
    }
}
