package com.hirerelay.host.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds password hashes, candidates' personal data and the master key: its files are
 * readable by the owner only (POSIX {@code 0600}), folders the host creates are {@code 0700}. On a file
 * system without POSIX permissions nothing is changed.
 */
public final class OwnerOnlyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {}

    /**
     * Creates the folder and missing parents, each new one {@code 0700}. An existing folder is left as
     * it is (it may be shared on purpose), with a warning when others may read it.
     */
    public static void createFolder(Path folder) {
        Path absolute = folder.toAbsolutePath();
        try {
            if (Files.isDirectory(absolute)) {
                warnIfOpen(absolute);
                return;
            }
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                createFolder(parent);
            }
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                // The umask may have taken bits away but never adds any; set them exactly anyway.
                Files.setPosixFilePermissions(absolute, FOLDER);
            } catch (UnsupportedOperationException noPosix) {
                Files.createDirectories(absolute);
            } catch (FileAlreadyExistsException raced) {
                // another thread or process created it first
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + absolute, e);
        }
    }

    /** Creates the file empty, readable by the owner only, unless it exists; then restricts it to the owner. */
    public static void createFile(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        } catch (UnsupportedOperationException noPosix) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException exists) {
                // fine
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + file, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
        restrict(file);
    }

    /** Makes an existing file readable and writable by its owner only; a missing file is ignored. */
    public static void restrict(Path file) {
        try {
            if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (UnsupportedOperationException noPosix) {
            // a file system without POSIX permissions (Windows): its ACLs are the operator's
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file + " to its owner", e);
        }
    }

    private static void warnIfOpen(Path folder) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn(
                        "The data folder {} can be listed by other users ({}); its files are owner-only, but"
                                + " consider 'chmod 700 {}'",
                        folder,
                        PosixFilePermissions.toString(permissions),
                        folder);
            }
        } catch (UnsupportedOperationException noPosix) {
            // nothing to check
        }
    }
}
