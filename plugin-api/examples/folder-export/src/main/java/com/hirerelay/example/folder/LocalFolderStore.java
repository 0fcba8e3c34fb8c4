package com.hirerelay.example.folder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A folder on a disk or share mounted on the ATS server. A create writes a temporary file and moves it
 * into place with a move that fails when the target exists, so two concurrent exports of the same person
 * can never both write.
 */
final class LocalFolderStore implements FolderStore {

    private final Path folder;

    LocalFolderStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void checkWritable() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NotDirectoryException(folder.toString());
        }
        if (!Files.isWritable(folder)) {
            throw new java.nio.file.AccessDeniedException(folder.toString());
        }
    }

    @Override
    public Optional<String> read(String fileName) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "the folder is not reachable");
        }
        try {
            return Optional.of(Files.readString(folder.resolve(fileName), StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void createNew(String fileName, String content) throws IOException {
        Path temporary = Files.createTempFile(folder, ".export-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, folder.resolve(fileName));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    @Override
    public boolean exists(String path) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "the folder is not reachable");
        }
        return Files.exists(folder.resolve(path));
    }

    @Override
    public void copyNew(String path, InputStream bytes) throws IOException {
        Path target = folder.resolve(path);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(bytes, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    @Override
    public URI link(String fileName) {
        return folder.resolve(fileName).toUri();
    }

    @Override
    public String toString() {
        return "LocalFolderStore[" + folder + "]";
    }
}
